package dev.jita.parametersheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.backyard.BackyardItems;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.node.ObjectNode;

/** Menu creation under the maintenance modes, and a sheet's menus on another server of the same database. */
class SheetNodesTest extends SheetTestSupport {

    @Autowired
    Environment environment;

    @Test
    void anItemWaitsWhileEitherModeIsOnAndIsCreatedOnceBothAreOff() throws Exception {
        TestWorkspace workspace = newWorkspace("sheet-mode");
        // Defined while only backyard_execute_stop is ON: load mode refuses execute/ itself (498-00004).
        setModes("1", "0");
        String history;
        try {
            ObjectNode definition = sheet("held", "2", "0");
            item(definition, "name", "SingleTextColumn", null, "single_string_maximum_bytes", 10);
            history = define(workspace.org(), "ws1", 1, definition);
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
            setModes("1", "1");
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
            setModes("0", "1");
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
            assertError(workspace.member().get(workspace.menus() + "held/info/"), 499, "499-00002");
            setModes("1", "0");
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
        } finally {
            setModes("0", "0");
        }
        BackyardItems.Item item = ended(history);
        assertThat(item.statusId()).isEqualTo(3);
        assertThat(workspace.member().get(workspace.menus() + "held/info/").status()).isEqualTo(200);
    }

    @Test
    void aSheetMadeOnOneServerAnswersAtOnceOnAnotherThatWasAlreadyRunning() throws Exception {
        TestWorkspace workspace = newWorkspace("sheet-node");
        List<String> args = new ArrayList<>(TestDatabase.sameDatabase(environment));
        args.addAll(List.of("--jita.security.bcrypt-strength=4", "--jita.default-language=en",
                "--jita.backyard.enabled=false", "--jita.ansible.enabled=false", "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=false", "--jita.conductor.enabled=false",
                "--jita.menu-create.enabled=false"));
        try (ConfigurableApplicationContext other = SpringApplication.run(JitaApplication.class,
                args.toArray(String[]::new))) {
            Http owner = new Http(((WebServerApplicationContext) other).getWebServer().getPort())
                    .as("owner", "owner-pass");
            String menus = workspace.menus();
            assertError(owner.get(menus + "late/info/"), 499, "499-00002");

            ObjectNode definition = sheet("late", "3", "0");
            item(definition, "value", "SingleTextColumn", null, "single_string_maximum_bytes", 10);
            created(workspace.org(), 1, definition);
            record(workspace.member(), menus, "operation_list", Map.of("operation_name", "op1"));

            assertThat(owner.get(menus + "late/info/").status()).isEqualTo(200);
            assertThat(owner.get(menus + "late_subst/info/").status()).isEqualTo(200);
            Http.Reply written = owner.post(menus + "late/maintenance/",
                    Map.of("parameter", Map.of("operation_name_select", "op1", "value", "v1")));
            assertThat(written.status()).as(written.toString()).isEqualTo(200);
            assertThat(workspace.member().get(menus + "late_subst/filter/").data().get(0).path("parameter")
                    .path("value").asString()).isEqualTo("v1");

            item(definition, "extra", "NumColumn", null);
            created(workspace.org(), 3, definition);
            assertThat(owner.get(menus + "late/info/").data().toString()).contains("\"extra\"");
        }
    }
}
