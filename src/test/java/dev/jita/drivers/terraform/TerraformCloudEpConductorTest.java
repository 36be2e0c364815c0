package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.conductor.ConductorClassTest;
import dev.jita.test.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A conductor whose movement is a Terraform Cloud/EP run (against the fake Terraform Cloud). */
@TestPropertySource(properties = {"jita.conductor.enabled=true", "jita.conductor.monitoring-cycle=200ms"})
class TerraformCloudEpConductorTest extends TerraformCloudTestSupport {

    @Test
    void aConductorRunsATerraformCloudMovementAndFollowsItToItsEnd() throws InterruptedException {
        scenario(MAIN_TF, "from-a-conductor");
        String conductor = menus + "conductor_class_edit/conductor/";
        Http.Reply registered = member.post(conductor + "class/maintenance/",
                ConductorClassTest.SPEC_MINIMAL.replace("\"orchestra_id\": \"1\"", "\"orchestra_id\": \"4\""));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        Http.Reply executed = member.post(conductor + "execute/", Map.of("conductor_class_name", "c1", "operation_name", "op1"));
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        String id = executed.data().path("conductor_instance_id").asString();

        String confirmation = menus + "conductor_confirmation/conductor/" + id + "/";
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode instance = member.get(confirmation).data();
        while (Integer.parseInt(instance.path("conductor").path("status_id").asString()) < 6 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            instance = member.get(confirmation).data();
        }
        assertThat(instance.path("conductor").path("status_id").asString()).as(instance.toString()).isEqualTo("6");
        JsonNode jump = instance.path("node").path("node-2").path("jump");
        assertThat(jump.path("menu_id").asString()).isEqualTo("check_operation_status_terraform_cloud_ep");
        JsonNode run = status(jump.path("execution_id").asString());
        assertThat(run.path("status_id").asString()).as(run.toString()).isEqualTo("5");
        JsonNode listed = member.get(menus + "execution_list_terraform_cloud_ep/filter/").data().get(0).path("parameter");
        assertThat(listed.path("caller_conductor").asString()).isEqualTo("c1");
        assertThat(listed.path("conductor_instance_id").asString()).isEqualTo(id);
    }
}
