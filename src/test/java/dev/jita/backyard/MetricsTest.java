package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsTest extends EngineTestOnOwnDatabase {

    private double metric(String name, String labels) {
        Http.Reply reply = http().get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels)
                + "[^}]*\\} (\\S+)$").matcher(reply.body());
        assertThat(matcher.find()).as(name + "{" + labels + "} in\n" + reply.body()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void modesRunningItemsAndItemsWaitingForMaintenance() throws Exception {
        String org = organization("ws1");
        register(Backyard.MENU_CREATE, org, "ws1", 3);
        TestHandler handler = new TestHandler(Backyard.MENU_CREATE, 3).hold();
        engine(2, handler).start();
        await("two running", Duration.ofSeconds(30), () -> handler.started() == 2);
        setModes("1", "0");
        register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 4);
        Thread.sleep(1100);

        assertThat(metric("jita_maintenance_mode", "mode=\"backyard_execute_stop\"")).isEqualTo(1.0);
        assertThat(metric("jita_maintenance_mode", "mode=\"data_update_stop\"")).isEqualTo(0.0);
        assertThat(metric("jita_backyard_running_items", "backyard=\"ita-by-menu-create\"")).isEqualTo(2.0);
        assertThat(metric("jita_backyard_waiting_items", "backyard=\"ita-by-menu-create\"")).isEqualTo(1.0);
        assertThat(metric("jita_backyard_waiting_for_maintenance_items", "backyard=\"ita-by-ansible-execute\""))
                .isEqualTo(4.0);

        setModes("0", "0");
        Thread.sleep(1100);
        assertThat(metric("jita_maintenance_mode", "mode=\"backyard_execute_stop\"")).isEqualTo(0.0);
        assertThat(metric("jita_backyard_waiting_for_maintenance_items", "backyard=\"ita-by-ansible-execute\""))
                .isEqualTo(0.0);
        handler.release();
    }
}
