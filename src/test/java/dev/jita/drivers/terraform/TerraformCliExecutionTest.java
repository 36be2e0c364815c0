package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.Zips;
import dev.jita.test.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Real terraform runs through the API: apply, plan, destroy, failures, emergency stop, the delay timer. */
@TestPropertySource(properties = {"jita.terraform-cli.enabled=true", "jita.backyard.enabled=true",
        "jita.execution.delay-timer-unit=2s", "jita.backyard.poll-interval=200ms", "jita.terraform-cli.stop-grace=5s"})
class TerraformCliExecutionTest extends TerraformTestSupport {

    /** A sleep whose command line no other run on this machine has: 600 s and a unique fraction. */
    private static final String SLEEP = "600." + System.nanoTime() % 1_000_000;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void applyKeepsOutputsAndStateTheNextApplySeesNoChangesAndDestroyEmptiesIt() throws Exception {
        scenario(MAIN_TF, "hello-from-terraform", null);

        JsonNode first = awaitEnd(apply());
        assertThat(first.path("status_id").asString()).as(first.toString()).isEqualTo("5");
        assertThat(log(first, "init.log")).contains("Terraform has been successfully initialized");
        assertThat(log(first, "plan.log")).contains("terraform_data.hello will be created");
        assertThat(log(first, "apply.log")).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(first.path("outputs").path("greeting").path("value").asString()).isEqualTo("hello-from-terraform");
        assertThat(first.path("outputs").path("token").path("value").asString()).isEqualTo("********");
        JsonNode row = first.path("execution_list").path("parameter");
        assertThat(row.path("execution_type").asString()).isEqualTo("Normal");
        assertThat(row.path("tf_workspace_name").asString()).isEqualTo("tfws1");
        assertThat(row.path("status").asString()).isEqualTo("Completed");
        assertThat(row.path("populated_data").asString()).startsWith("InputData_");
        assertThat(row.path("result_data").asString()).startsWith("ResultData_");
        assertThat(member.get(status + row.path("execution_no").asString() + "/").body()).doesNotContain(SECRET);

        // The state is in the database, encrypted: the next run, in a new work directory, changes nothing.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM terraform_cli_state WHERE organization_id = ?").param(org)
                .query(Integer.class).single()).isEqualTo(1);
        byte[] stored = jdbc.sql("SELECT state FROM terraform_cli_state WHERE organization_id = ?").param(org)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("hello-from-terraform");
        JsonNode second = awaitEnd(apply());
        assertThat(second.path("status_id").asString()).as(second.toString()).isEqualTo("5");
        assertThat(log(second, "plan.log")).contains("No changes.");
        assertThat(log(second, "apply.log")).contains("Resources: 0 added, 0 changed, 0 destroyed.");

        // A plan with a new value shows the change and changes nothing.
        update("greeting", "changed-greeting");
        JsonNode plan = awaitEnd(register("execute_dry_run", Map.of("movement_name", "mv1", "operation_name", "op1")));
        assertThat(plan.path("status_id").asString()).as(plan.toString()).isEqualTo("5");
        assertThat(plan.path("execution_list").path("parameter").path("execution_type").asString()).isEqualTo("Plan check");
        assertThat(log(plan, "plan.log")).contains("will be updated in-place").contains("changed-greeting");
        assertThat(log(plan, "apply.log")).isEmpty();
        JsonNode afterPlan = awaitEnd(register("execute_dry_run", Map.of("movement_name", "mv1", "operation_name", "op1")));
        assertThat(log(afterPlan, "plan.log")).contains("will be updated in-place");

        // Resource deletion destroys what the state holds, with the configuration it was applied with.
        JsonNode destroy = awaitEnd(register("execute_delete_resource", Map.of("tf_workspace_name", "tfws1")));
        assertThat(destroy.path("status_id").asString()).as(destroy.toString()).isEqualTo("5");
        assertThat(destroy.path("execution_list").path("parameter").path("execution_type").asString())
                .isEqualTo("Delete resource");
        assertThat(log(destroy, "apply.log")).contains("Destroy complete! Resources: 1 destroyed.");
        JsonNode again = awaitEnd(register("execute_delete_resource", Map.of("tf_workspace_name", "tfws1")));
        assertThat(again.path("status_id").asString()).isEqualTo("5");
        assertThat(log(again, "plan.log")).contains("No changes.");
    }

    @Test
    void theInputAndResultDataHoldNoSensitiveValueAndNoState() throws Exception {
        scenario(MAIN_TF, "data-greeting", null);
        String id = apply();
        assertThat(awaitEnd(id).path("status_id").asString()).isEqualTo("5");
        Map<String, String> input = Zips.unzip(member.get(status + id + "/populated_data/").data().asString());
        assertThat(input.keySet()).containsExactlyInAnyOrder("main.tf", "terraform.tfvars", "substitution_values.json");
        assertThat(input.get("substitution_values.json")).contains("\"data-greeting\"").doesNotContain(SECRET);
        assertThat(input.get("terraform.tfvars")).contains("greeting = \"data-greeting\"").doesNotContain("token");
        Map<String, String> result = Zips.unzip(member.get(status + id + "/result_data/").data().asString());
        assertThat(result).containsKeys("init.log", "plan.log", "apply.log", "outputs.json");
        assertThat(String.join("\n", result.values())).doesNotContain(SECRET).doesNotContain("\"lineage\"");
        assertError(viewer.get(status + id + "/nothing/"), 404, "404-00001");

        // The menus show which execution used the values, and when the operation last ran.
        for (JsonNode row : member.get(menus + TerraformCliMenus.VALUES + "/filter/").data()) {
            assertThat(row.path("parameter").path("execution_no").asString()).isEqualTo(id);
        }
        assertThat(member.get(menus + "operation_list/filter/").data().get(0).path("parameter")
                .path("last_run_date").asString()).matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void aFailingModuleEndsInCompletedErrorWithTerraformsMessage() throws Exception {
        scenario(MAIN_TF + """
                resource "terraform_data" "fail" {
                  provisioner "local-exec" {
                    command = "echo failing-on-purpose >&2; exit 3"
                  }
                }
                """, "hello", null);
        JsonNode end = awaitEnd(apply());
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("6");
        assertThat(errorLog(end)).contains("failing-on-purpose");
        // What did get created is in the kept state: the next plan only retries the failed resource.
        JsonNode plan = awaitEnd(register("execute_dry_run", Map.of("movement_name", "mv1", "operation_name", "op1")));
        assertThat(log(plan, "plan.log")).contains("terraform_data.fail").doesNotContain("terraform_data.hello will be created");
    }

    @Test
    void anEmergencyStopStopsTerraformKeepsItsStateAndLeavesNoProcess() throws Exception {
        scenario(MAIN_TF + """
                resource "terraform_data" "slow" {
                  depends_on = [terraform_data.hello]
                  provisioner "local-exec" {
                    command = "sleep %s"
                  }
                }
                """.formatted(SLEEP), "hello", 1);
        String id = apply();
        awaitStatus(id, s -> log(s, "apply.log").contains("terraform_data.slow: Creating..."), "the slow resource");
        assertError(viewer.patch(status + id + "/scram/", null), 403, "403-00001");
        assertThat(member.patch(status + id + "/scram/", null).status()).isEqualTo(200);
        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("8");
        assertThat(leftOver("sleep " + SLEEP)).isZero();
        assertError(member.patch(status + id + "/scram/", null), 499, "499-00904");
        // terraform_data.hello was created before the stop: the state kept says so.
        JsonNode plan = awaitEnd(register("execute_dry_run", Map.of("movement_name", "mv1", "operation_name", "op1")));
        assertThat(log(plan, "plan.log")).doesNotContain("terraform_data.hello will be created")
                .contains("terraform_data.slow");
    }

    @Test
    void aRunPastItsDelayTimerIsShownDelayed() throws Exception {
        scenario(MAIN_TF + """
                resource "terraform_data" "wait" {
                  provisioner "local-exec" {
                    command = "sleep 5"
                  }
                }
                """, "hello", 1);
        String id = apply();
        awaitStatus(id, 4);
        assertThat(awaitEnd(id).path("status_id").asString()).isEqualTo("5");
    }

    @Test
    void parameterCheckValidatesWithoutRunningAndAScheduleCanBeCancelled() throws Exception {
        scenario(MAIN_TF, "hello", null);
        JsonNode check = awaitEnd(register("execute_check_parameter", Map.of("movement_name", "mv1", "operation_name", "op1")));
        assertThat(check.path("status_id").asString()).isEqualTo("5");
        assertThat(check.path("execution_list").path("parameter").path("execution_type").asString())
                .isEqualTo("Parameter confirmation");
        assertThat(log(check, "init.log")).isEmpty();

        String reserved = register("execute", Map.of("movement_name", "mv1", "operation_name", "op1",
                "schedule_date", "2999/01/01 00:00"));
        assertThat(status(reserved).path("status_id").asString()).isEqualTo("9");
        assertError(viewer.patch(status + reserved + "/cancel/", null), 403, "403-00001");
        assertThat(member.patch(status + reserved + "/cancel/", null).status()).isEqualTo(200);
        assertThat(status(reserved).path("status_id").asString()).isEqualTo("10");
        assertError(member.patch(status + reserved + "/cancel/", null), 499, "499-00910");
    }

    @Test
    void registrationsAreCheckedAndRefusedWithExastrosCodes() {
        scenario(MAIN_TF, "hello", null);
        assertError(http().post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1")), 401, "401-00002");
        assertError(viewer.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1")), 403, "403-00001");
        String other = unique("tf-other");
        createOrganization(other, "stranger", "stranger-pass");
        Http stranger = http().as("stranger", "stranger-pass");
        assertError(stranger.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1")), 401, "401-00002");
        assertError(member.post(driver + "execute/", Map.of("movement_name", "nope", "operation_name", "op1")), 499, "499-00908");
        assertError(member.post(driver + "execute_delete_resource/", Map.of()), 499, "499-00908");
        assertError(member.post(driver + "execute_delete_resource/", Map.of("tf_workspace_name", "nope")), 499, "499-00908");
        assertError(member.post(driver + "execute/", "{\"movement_name\": "), 400, "400-00002");
        assertError(member.post(driver + "execute_delete_resource/", "[1]"), 400, "400-00002");
        assertError(member.post(driver + "execute/", null), 415, "415-00001");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM execution WHERE organization_id = ?").param(org)
                .query(Integer.class).single()).isZero();

        setModes("0", "1");
        try {
            assertError(member.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1")), 498, "498-00010");
            assertError(member.post(driver + "execute_dry_run/", Map.of("movement_name", "mv1", "operation_name", "op1")), 498, "498-00011");
            assertError(member.post(driver + "execute_check_parameter/", Map.of("movement_name", "mv1", "operation_name", "op1")), 498, "498-00012");
            assertError(member.post(driver + "execute_delete_resource/", Map.of("tf_workspace_name", "tfws1")), 498, "498-00013");
        } finally {
            setModes("0", "0");
        }
    }

    private void update(String variable, String value) {
        for (JsonNode row : member.get(menus + TerraformCliMenus.VALUES + "/filter/").data()) {
            JsonNode parameter = row.path("parameter");
            if (parameter.path("variable_name").asString().endsWith(":" + variable)) {
                Http.Reply reply = member.patch(menus + TerraformCliMenus.VALUES + "/maintenance/"
                        + parameter.path("uuid").asString() + "/", Map.of("parameter", Map.of("value", value,
                        "last_update_date_time", parameter.path("last_update_date_time").asString())));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("No value row of " + variable);
    }
}
