package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The drain with a Terraform Cloud run in flight: no new run starts while a mode is ON, the run already
 * started is followed to its end and counts in execute_count until then.
 */
class TerraformCloudEpDrainTest extends TerraformCloudTestSupport {

    private static final String BACKYARD = "ita-by-terraform-cloud-ep-execute";

    private JsonNode ourWorkspace() {
        for (JsonNode organization : admin().get("/api/ita/backyard-execute-check/").data().path("organizations").values()) {
            if (organization.path("id").asString().equals(org)) {
                return organization.path("workspaces").get(0);
            }
        }
        throw new AssertionError(org + " not listed");
    }

    @Test
    void stopJobsDrainLoadModeThenTheWaitingRunStarts() throws Exception {
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "drain");
        workspace.phaseDuration(Duration.ofSeconds(2));

        String e1 = apply();
        awaitStatus(e1, s -> s.path("status_id").asString().equals("3"), "E1 following its run");
        assertThat(ourWorkspace().path("execute_count").asInt()).isEqualTo(1);
        assertThat(ourWorkspace().path("backyards").path(BACKYARD).get(0).path("id").asString()).isEqualTo(e1);

        setModes("1", "0");
        String e2 = apply();
        assertThat(status(e2).path("status_id").asString()).isEqualTo("1");
        JsonNode end1 = awaitEnd(e1);
        assertThat(end1.path("status_id").asString()).as(end1.toString()).isEqualTo("5");
        awaitStatus(e2, s -> ourWorkspace().path("execute_count").asInt() == 0, "the drain");
        Thread.sleep(1500);
        assertThat(status(e2).path("status_id").asString()).as("E2 waits").isEqualTo("1");
        assertThat(workspace.runIds()).as("no run started while jobs are stopped").hasSize(1);

        setModes("1", "1");
        assertError(member.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1")),
                498, "498-00010");
        assertError(member.post(driver + "execute_delete_resource/", Map.of("tf_workspace_name", "tfc-org1:tfc-ws1")),
                498, "498-00013");

        setModes("0", "0");
        JsonNode end2 = awaitEnd(e2);
        assertThat(end2.path("status_id").asString()).as(end2.toString()).isEqualTo("5");
        assertThat(workspace.runIds()).hasSize(2);
    }
}
