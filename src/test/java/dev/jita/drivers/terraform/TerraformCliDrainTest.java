package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The drain of maintenance.md with a Terraform apply running: it finishes, the next one waits, then runs. */
@TestPropertySource(properties = {"jita.terraform-cli.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=200ms"})
class TerraformCliDrainTest extends TerraformTestSupport {

    private static final String BACKYARD = "ita-by-terraform-cli-execute";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    private JsonNode check() {
        return admin().get("/api/ita/backyard-execute-check/").data();
    }

    private JsonNode ourWorkspace() {
        for (JsonNode organization : check().path("organizations").values()) {
            if (organization.path("id").asString().equals(org)) {
                return organization.path("workspaces").get(0);
            }
        }
        throw new AssertionError(org + " not listed");
    }

    private String statusId(String execution) {
        return status(execution).path("status_id").asString();
    }

    @Test
    void stopJobsDrainLoadModeThenTheWaitingApplyRuns() throws Exception {
        scenario(MAIN_TF + """
                resource "terraform_data" "work" {
                  triggers_replace = [var.greeting]
                  provisioner "local-exec" {
                    command = "sleep 6; echo work-done"
                  }
                }
                """, "first", null);

        String e1 = apply();
        awaitStatus(e1, s -> log(s, "apply.log").contains("terraform_data.work: Creating..."), "E1 applying");
        JsonNode listed = ourWorkspace();
        assertThat(listed.path("execute_count").asInt()).isEqualTo(1);
        assertThat(listed.path("backyards").path(BACKYARD).get(0).path("id").asString()).isEqualTo(e1);

        // Stop server side jobs: E2 is accepted and waits; E1 applies to its end; the count drains to 0.
        setModes("1", "0");
        String e2 = apply();
        assertThat(statusId(e2)).isEqualTo("1");
        JsonNode end1 = awaitEnd(e1);
        assertThat(end1.path("status_id").asString()).as(end1.toString()).isEqualTo("5");
        assertThat(log(end1, "apply.log")).contains("work-done").contains("Apply complete!");
        awaitStatus(e2, s -> ourWorkspace().path("execute_count").asInt() == 0, "the drain");
        Thread.sleep(1500);
        assertThat(statusId(e2)).as("E2 waits while jobs are stopped").isEqualTo("1");

        // Load mode: every driver write is refused; reading works.
        setModes("1", "1");
        assertError(member.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1")),
                498, "498-00010");
        assertError(member.post(driver + "execute_delete_resource/", Map.of("tf_workspace_name", "tfws1")),
                498, "498-00013");
        assertError(member.patch(status + e2 + "/cancel/", null), 498, "498-00007");
        assertThat(member.post(menus + TerraformCliMenus.WORKSPACES + "/filter/", Map.of()).data().size()).isEqualTo(1);
        assertThat(statusId(e2)).isEqualTo("1");

        // Both OFF: E2 runs, on the state E1 left (nothing changed since).
        setModes("0", "0");
        JsonNode end2 = awaitEnd(e2);
        assertThat(end2.path("status_id").asString()).as(end2.toString()).isEqualTo("5");
        assertThat(log(end2, "plan.log")).contains("No changes.");
        awaitStatus(e2, s -> ourWorkspace().path("execute_count").asInt() == 0, "nothing runs");
    }
}
