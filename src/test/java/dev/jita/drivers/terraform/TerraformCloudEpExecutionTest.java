package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Terraform Cloud/EP executions against the fake Terraform Cloud: every path of a run, every fault. */
class TerraformCloudEpExecutionTest extends TerraformCloudTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void applyReplacesTheVariablesUploadsTheModulesAndKeepsLogsStateAndOutputs() throws Exception {
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "hello-cloud");

        String id = apply();
        JsonNode end = awaitEnd(id);

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(log(end, "plan.log")).contains("Plan: 1 to add");
        assertThat(log(end, "apply.log")).contains("Apply complete!");
        assertThat(end.path("outputs").path("greeting").path("value").asString()).isEqualTo("hello-cloud");
        assertThat(end.path("outputs").path("token").path("value").asString()).isEqualTo("********");
        JsonNode row = end.path("execution_list").path("parameter");
        assertThat(row.path("organization_workspace").asString()).isEqualTo("tfc-org1:tfc-ws1");
        assertThat(row.path("run_id").asString()).isEqualTo(workspace.runIds().get(0));
        assertThat(row.path("execution_type").asString()).isEqualTo("Normal");

        // The workspace's variables are the execution's: TF_CLI_ARGS first, then each variable as HCL.
        List<FakeTerraformCloud.Variable> variables = workspace.variables();
        assertThat(variables.get(0).key()).isEqualTo("TF_CLI_ARGS");
        assertThat(variables.get(0).category()).isEqualTo("env");
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.key()).isEqualTo("greeting");
            assertThat(v.value()).isEqualTo("hello-cloud");
            assertThat(v.hcl()).isFalse();
            assertThat(v.sensitive()).isFalse();
        });
        assertThat(variables).anySatisfy(v -> {
            assertThat(v.key()).isEqualTo("token");
            assertThat(v.sensitive()).isTrue();
        });
        assertThat(workspace.uploadedFiles()).containsKey("main.tf");

        // The token goes only into Authorization headers; no log, status or list shows it or the secret.
        assertThat(tfc.requestsLeakingToken()).isEmpty();
        String shown = member.get(status + id + "/").body() + member.get(menus + "execution_list_terraform_cloud_ep/filter/").body();
        assertThat(shown).doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(member.get(menus + "intarface_info_terraform_cloud_ep/filter/").body()).doesNotContain(TOKEN);

        // Input and result data, as for the CLI: no sensitive value, no state.
        String input = unzipped(member.get(status + id + "/populated_data/").data().asString());
        assertThat(input).contains("main.tf").contains("greeting = \"hello-cloud\"").doesNotContain(SECRET);
        String result = unzipped(member.get(status + id + "/result_data/").data().asString());
        assertThat(result).contains("plan.log").contains("apply.log").doesNotContain(SECRET).doesNotContain(TOKEN);

        // The run's state version is kept, encrypted.
        byte[] state = jdbc.sql("SELECT state FROM terraform_cloud_ep_run WHERE execution_id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(state).isNotNull();
        assertThat(new String(state, StandardCharsets.ISO_8859_1)).doesNotContain("hello-cloud");
    }

    @Test
    void aPlanOnlyRunIsDiscardedAndADestroyEmptiesTheWorkspace() throws Exception {
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "hello");
        assertThat(awaitEnd(apply()).path("status_id").asString()).isEqualTo("5");
        assertThat(workspace.resources()).isPositive();

        String plan = register("execute_dry_run", Map.of("movement_name", "mv1", "operation_name", "op1"));
        JsonNode planned = awaitEnd(plan);
        assertThat(planned.path("status_id").asString()).as(planned.toString()).isEqualTo("5");
        assertThat(planned.path("execution_list").path("parameter").path("execution_type").asString()).isEqualTo("Plan check");
        String planRun = planned.path("execution_list").path("parameter").path("run_id").asString();
        assertThat(tfc.runStatus(planRun)).isEqualTo("discarded");
        assertThat(log(planned, "apply.log")).isEmpty();

        JsonNode destroyed = awaitEnd(register("execute_delete_resource", Map.of("tf_workspace_name", "tfc-org1:tfc-ws1")));
        assertThat(destroyed.path("status_id").asString()).as(destroyed.toString()).isEqualTo("5");
        assertThat(log(destroyed, "apply.log")).contains("Destroy complete!");
        assertThat(workspace.resources()).isZero();
    }

    @Test
    void aFailingPolicyCheckAndAFailingPlanEndInCompletedError() throws Exception {
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "hello");
        workspace.policy(FakeTerraformCloud.Policy.FAIL);
        JsonNode policy = awaitEnd(apply());
        assertThat(policy.path("status_id").asString()).as(policy.toString()).isEqualTo("6");
        assertThat(log(policy, "policyCheck.log")).isNotEmpty();
        assertThat(errorLog(policy)).contains("policy check");

        workspace.policy(FakeTerraformCloud.Policy.NONE);
        workspace.planFails();
        JsonNode failed = awaitEnd(apply());
        assertThat(failed.path("status_id").asString()).as(failed.toString()).isEqualTo("6");
        assertThat(errorLog(failed)).contains("errored");
    }

    @Test
    void anEmergencyStopCancelsTheRunAtTerraformCloud() throws Exception {
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "hello");
        workspace.phaseDuration(Duration.ofSeconds(20));
        String id = apply();
        awaitStatus(id, s -> s.path("status_id").asString().equals("3"), "the run to start");
        assertError(viewer.patch(status + id + "/scram/", null), 403, "403-00001");
        assertThat(member.patch(status + id + "/scram/", null).status()).isEqualTo(200);
        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("8");
        assertThat(tfc.runStatus(workspace.runIds().get(0))).isEqualTo("canceled");
    }

    @Test
    void everyFaultOfTheApiEndsTheExecutionWithTheCallInItsErrorLog() throws Exception {
        scenario(MAIN_TF, "hello");

        tfc.fail("POST", "/api/v2/runs$", 500, 3);
        assertFault("POST /runs answered 500");

        tfc.fail("GET", "/api/v2/organizations$", 401, 1);
        assertFault("GET /organizations answered 401");

        tfc.hang("POST", "/api/v2/workspaces/.*/configuration-versions$", Duration.ofSeconds(5), 3);
        assertFault("got no answer within 2 s");

        tfc.malformed("GET", "/api/v2/organizations/.*/workspaces$", 3);
        assertFault("/workspaces");

        // A run that started and then cannot be followed ends too: nothing stays in Executing.
        tfc.fail("GET", "/api/v2/runs/run-.*", 503, 100);
        JsonNode lost = awaitEnd(apply());
        assertThat(lost.path("status_id").asString()).as(lost.toString()).isEqualTo("6");
        assertThat(errorLog(lost)).contains("answered 503");
        tfc.clearFaults();

        assertThat(awaitEnd(apply()).path("status_id").asString()).as("after the faults").isEqualTo("5");
        assertThat(tfc.requestsLeakingToken()).isEmpty();
    }

    @Test
    void withoutTheInterfaceInformationAnExecutionSaysWhatIsMissing() throws Exception {
        tfc.workspace("tfc-org1", "tfc-ws1");
        record("organization_list_terraform_cloud_ep", Map.of("tf_organization_name", "tfc-org1",
                "email_address", "ops@example.com"));
        record("workspace_list_terraform_cloud_ep", Map.of("tf_organization_name", "tfc-org1", "tf_workspace_name", "tfc-ws1"));
        record("operation_list", Map.of("operation_name", "op1"));
        record("movement_list_terraform_cloud_ep", Map.of("movement_name", "mv1", "organization_workspace", "tfc-org1:tfc-ws1"));
        JsonNode end = awaitEnd(apply());
        assertThat(end.path("status_id").asString()).isEqualTo("6");
        assertThat(errorLog(end)).contains("intarface_info_terraform_cloud_ep");
        assertThat(tfc.requests()).isEmpty();
    }

    @Test
    void registrationsAreRefusedWithoutCredentialsRoleOrAValidBodyAndNothingIsRegistered() {
        scenario(MAIN_TF, "hello");
        Map<String, Object> body = Map.of("movement_name", "mv1", "operation_name", "op1");
        assertError(http().post(driver + "execute/", body), 401, "401-00002");
        assertError(viewer.post(driver + "execute/", body), 403, "403-00001");
        String other = unique("tfc-other");
        createOrganization(other, "stranger", "stranger-pass");
        assertError(http().as("stranger", "stranger-pass").post(driver + "execute/", body), 401, "401-00002");
        assertError(member.post(driver + "execute/", "{\"movement_name\": "), 400, "400-00002");
        assertError(member.post(driver + "execute/", null), 415, "415-00001");
        assertError(member.post(driver + "execute/", Map.of("movement_name", "nope", "operation_name", "op1")),
                499, "499-00908");
        assertError(member.post(driver + "execute_delete_resource/", Map.of("tf_workspace_name", 7)), 499, "499-00908");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM execution WHERE organization_id = ?").param(org)
                .query(Integer.class).single()).isZero();
        assertThat(tfc.requests()).isEmpty();
    }

    private void assertFault(String expected) throws InterruptedException {
        JsonNode end = awaitEnd(apply());
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("7");
        assertThat(errorLog(end)).contains(expected).doesNotContain(TOKEN);
        tfc.clearFaults();
    }

    /** The names and contents of a base64 zip, one text. */
    private static String unzipped(String base64) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(entry.getName()).append('\n')
                        .append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
