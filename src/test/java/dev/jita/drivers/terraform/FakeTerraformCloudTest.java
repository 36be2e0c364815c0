package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.jita.drivers.terraform.FakeTerraformCloud.ManualClock;
import dev.jita.drivers.terraform.FakeTerraformCloud.Malformation;
import dev.jita.drivers.terraform.FakeTerraformCloud.Policy;
import dev.jita.drivers.terraform.FakeTerraformCloud.Variable;
import dev.jita.drivers.terraform.FakeTerraformCloud.Workspace;
import dev.jita.test.DatabaseIndependent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake Terraform Cloud itself, driven with a plain HTTP client and a hand-moved clock. */
@DatabaseIndependent
class FakeTerraformCloudTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PHASE = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ManualClock clock = new ManualClock();
    private FakeTerraformCloud tfc;

    @BeforeEach
    void start() throws IOException {
        tfc = FakeTerraformCloud.start();
        tfc.clock(clock);
    }

    @AfterEach
    void stop() {
        tfc.close();
    }

    @Test
    void appliesThenDestroysWithLogsAndState() throws Exception {
        Workspace ws = tfc.workspace("org1", "ws1");

        JsonNode organizations = ok(call("GET", "/organizations", null));
        assertThat(organizations.path("data").get(0).path("id").asString()).isEqualTo("org1");
        assertThat(organizations.path("data").get(0).path("attributes").path("name").asString()).isEqualTo("org1");
        JsonNode workspaces = ok(call("GET", "/organizations/org1/workspaces", null));
        assertThat(workspaces.path("data").get(0).path("id").asString()).isEqualTo(ws.id()).startsWith("ws-");
        assertThat(workspaces.path("data").get(0).path("attributes").path("auto-apply").asBoolean()).isFalse();

        String stale = createVar(ws, "old", "1", "terraform", false, false).path("data").path("id").asString();
        assertThat(call("DELETE", "/vars/" + stale, null).statusCode()).isEqualTo(204);
        createVar(ws, "TF_CLI_ARGS", "-no-color", "env", false, false);
        createVar(ws, "region", "ap-northeast-1", "terraform", false, false);
        JsonNode secret = createVar(ws, "password", "s3cret", "terraform", false, true);
        assertThat(secret.path("data").path("attributes").path("value").isNull()).isTrue();
        JsonNode vars = ok(call("GET", "/workspaces/" + ws.id() + "/vars", null));
        assertThat(vars.path("data")).hasSize(3);
        assertThat(ws.variables()).extracting(Variable::key, Variable::value, Variable::category, Variable::sensitive)
                .containsExactly(tuple("TF_CLI_ARGS", "-no-color", "env", false),
                        tuple("region", "ap-northeast-1", "terraform", false),
                        tuple("password", "s3cret", "terraform", true));

        String cvId = uploadConfiguration(ws, Map.of("main.tf", "resource \"null_resource\" \"fake\" {}\n"));
        assertThat(ws.uploadedFiles()).containsOnlyKeys("main.tf");

        JsonNode run = created(call("POST", "/runs", runBody(ws, cvId, false)));
        String runId = run.path("data").path("id").asString();
        String planId = run.path("data").path("relationships").path("plan").path("data").path("id").asString();
        String applyId = run.path("data").path("relationships").path("apply").path("data").path("id").asString();
        assertThat(status(runId)).isEqualTo("pending");
        clock.advance(PHASE);
        assertThat(status(runId)).isEqualTo("planning");
        JsonNode plan = ok(call("GET", "/plans/" + planId, null)).path("data").path("attributes");
        assertThat(plan.path("status").asString()).isEqualTo("running");
        clock.advance(PHASE.multipliedBy(10));
        JsonNode planned = ok(call("GET", "/runs/" + runId, null)).path("data").path("attributes");
        assertThat(planned.path("status").asString()).as("waits for a confirmation").isEqualTo("planned");
        assertThat(planned.path("actions").path("is-confirmable").asBoolean()).isTrue();
        assertThat(planned.path("actions").path("is-discardable").asBoolean()).isTrue();
        assertThat(get(plan.path("log-read-url").asString()))
                .contains("Terraform will perform the following actions", "Plan: 1 to add, 0 to change, 0 to destroy.");
        assertThat(ok(call("GET", "/runs/" + runId + "/policy-checks", null)).path("data")).isEmpty();

        assertThat(call("POST", "/runs/" + runId + "/actions/apply", "{}").statusCode()).isEqualTo(202);
        assertThat(status(runId)).isEqualTo("applying");
        clock.advance(PHASE);
        assertThat(status(runId)).isEqualTo("applied");
        JsonNode apply = ok(call("GET", "/applies/" + applyId, null)).path("data").path("attributes");
        assertThat(apply.path("status").asString()).isEqualTo("finished");
        assertThat(get(apply.path("log-read-url").asString()))
                .contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.", "password = <sensitive>")
                .doesNotContain("s3cret");

        JsonNode state = latestState(ws, runId);
        assertThat(state.path("version").asInt()).isEqualTo(4);
        assertThat(state.path("serial").asInt()).isEqualTo(1);
        assertThat(state.path("outputs").path("region").path("value").asString()).isEqualTo("ap-northeast-1");
        assertThat(state.path("outputs").path("password").path("sensitive").asBoolean()).isTrue();
        assertThat(state.path("outputs").has("TF_CLI_ARGS")).isFalse();
        assertThat(state.path("resources")).hasSize(1);

        String destroyId = created(call("POST", "/runs", runBody(ws, null, true))).path("data").path("id").asString();
        clock.advance(PHASE.multipliedBy(2));
        assertThat(call("POST", "/runs/" + destroyId + "/actions/apply", null).statusCode()).isEqualTo(202);
        clock.advance(PHASE);
        assertThat(status(destroyId)).isEqualTo("applied");
        String destroyApply = ok(call("GET", "/runs/" + destroyId, null))
                .path("data").path("relationships").path("apply").path("data").path("id").asString();
        assertThat(get(ok(call("GET", "/applies/" + destroyApply, null)).path("data").path("attributes")
                .path("log-read-url").asString())).contains("Destroy complete! Resources: 1 destroyed.");
        JsonNode destroyed = latestState(ws, destroyId);
        assertThat(destroyed.path("serial").asInt()).isEqualTo(2);
        assertThat(destroyed.path("resources")).isEmpty();
        assertThat(destroyed.path("outputs").properties()).isEmpty();

        assertThat(tfc.requestsLeakingToken()).isEmpty();
        assertThat(tfc.requestLines()).startsWith("GET /api/v2/organizations",
                "GET /api/v2/organizations/org1/workspaces", "POST /api/v2/vars", "DELETE /api/v2/vars/" + stale);
        assertThat(tfc.requests()).filteredOn(r -> r.path().startsWith("/upload/"))
                .allMatch(r -> r.header("Authorization").isEmpty());
    }

    @Test
    void refusesMissingOrWrongTokensAndUnknownIds() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(tfc.apiUrl() + "/organizations"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue(FakeTerraformCloud.JSON_API);
        assertThat(JSON.readTree(anonymous.body()).path("errors").get(0).path("status").asString()).isEqualTo("401");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(tfc.apiUrl() + "/organizations"))
                .header("Authorization", "Bearer nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> missing = call("GET", "/runs/run-unknown", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("errors")).isNotEmpty();
    }

    @Test
    void aRunNeedsAnUploadedConfigurationVersion() throws Exception {
        Workspace ws = tfc.workspace("org1", "ws1");
        String cvId = created(call("POST", "/workspaces/" + ws.id() + "/configuration-versions", cvBody()))
                .path("data").path("id").asString();
        assertThat(call("POST", "/runs", runBody(ws, cvId, false)).statusCode()).isEqualTo(422);
    }

    @Test
    void aFailingPolicyErrorsTheRunAndAPassingOneWaitsInPolicyChecked() throws Exception {
        Workspace failing = tfc.workspace("org1", "failing").policy(Policy.FAIL);
        String runId = startRun(failing);
        clock.advance(PHASE.multipliedBy(2));
        assertThat(status(runId)).isEqualTo("errored");
        JsonNode check = ok(call("GET", "/runs/" + runId + "/policy-checks", null)).path("data").get(0);
        assertThat(check.path("attributes").path("status").asString()).isEqualTo("hard_failed");
        assertThat(check.path("attributes").path("result").path("result").asBoolean()).isFalse();
        assertThat(check.path("attributes").path("result").path("hard-failed").asInt()).isEqualTo(1);
        assertThat(call("GET", check.path("links").path("output").asString().substring("/api/v2".length()), null)
                .body()).contains("Sentinel Result: false");

        Workspace passing = tfc.workspace("org1", "passing").policy(Policy.PASS);
        String passedRun = startRun(passing);
        clock.advance(PHASE.multipliedBy(2));
        assertThat(status(passedRun)).isEqualTo("policy_checked");
        JsonNode passed = ok(call("GET", "/runs/" + passedRun + "/policy-checks", null)).path("data").get(0);
        assertThat(passed.path("attributes").path("result").path("result").asBoolean()).isTrue();
        assertThat(call("POST", "/runs/" + passedRun + "/actions/apply", null).statusCode()).isEqualTo(202);
    }

    @Test
    void aFailingPlanErrorsWithItsLogLine() throws Exception {
        Workspace ws = tfc.workspace("org1", "ws1").planFails("Error: Unsupported argument");
        String runId = startRun(ws);
        clock.advance(PHASE.multipliedBy(2));
        JsonNode run = ok(call("GET", "/runs/" + runId, null)).path("data");
        assertThat(run.path("attributes").path("status").asString()).isEqualTo("errored");
        JsonNode plan = ok(call("GET", "/plans/" + run.path("relationships").path("plan").path("data").path("id")
                .asString(), null)).path("data").path("attributes");
        assertThat(plan.path("status").asString()).isEqualTo("errored");
        assertThat(get(plan.path("log-read-url").asString())).contains("Error: Unsupported argument");
    }

    @Test
    void aDiscardedRunNeverApplies() throws Exception {
        Workspace ws = tfc.workspace("org1", "ws1");
        String runId = startRun(ws);
        assertThat(call("POST", "/runs/" + runId + "/actions/discard", null).statusCode())
                .as("nothing to discard before the plan").isEqualTo(409);
        clock.advance(PHASE.multipliedBy(2));
        assertThat(call("POST", "/runs/" + runId + "/actions/discard", null).statusCode()).isEqualTo(202);
        assertThat(status(runId)).isEqualTo("discarded");
        assertThat(call("POST", "/runs/" + runId + "/actions/apply", null).statusCode()).isEqualTo(409);
        clock.advance(PHASE.multipliedBy(5));
        assertThat(status(runId)).isEqualTo("discarded");
        assertThat(ws.resources()).isZero();
    }

    @Test
    void cancelStopsAPlanningOrApplyingRunAndConflictsOnceFinished() throws Exception {
        Workspace ws = tfc.workspace("org1", "ws1");
        String planning = startRun(ws);
        clock.advance(PHASE);
        assertThat(call("POST", "/runs/" + planning + "/actions/cancel", null).statusCode()).isEqualTo(202);
        assertThat(status(planning)).isEqualTo("canceled");
        HttpResponse<String> again = call("POST", "/runs/" + planning + "/actions/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("errors").get(0).path("status").asString()).isEqualTo("409");

        ws.autoApply(true);
        String applying = startRun(ws);
        clock.advance(PHASE.multipliedBy(2));
        assertThat(status(applying)).as("auto-apply needs no confirmation").isEqualTo("applying");
        assertThat(call("POST", "/runs/" + applying + "/actions/cancel", null).statusCode()).isEqualTo(202);
        assertThat(status(applying)).isEqualTo("canceled");

        String applied = startRun(ws);
        clock.advance(PHASE.multipliedBy(3));
        assertThat(status(applied)).isEqualTo("applied");
        assertThat(call("POST", "/runs/" + applied + "/actions/cancel", null).statusCode()).isEqualTo(409);
    }

    @Test
    void runsAdvanceWithTheSystemClock() throws Exception {
        tfc.clock(Clock.systemUTC());
        Workspace ws = tfc.workspace("org1", "ws1", true).phaseDuration(Duration.ofMillis(50));
        String runId = startRun(ws);
        assertThat(status(runId)).isIn("pending", "planning");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!status(runId).equals("applied") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(status(runId)).isEqualTo("applied");
        assertThat(ws.resources()).isEqualTo(1);
    }

    @Test
    void aPlanWithoutChangesFinishesThere() throws Exception {
        Workspace ws = tfc.workspace("org1", "ws1").noChanges(true);
        String runId = startRun(ws);
        clock.advance(PHASE.multipliedBy(2));
        assertThat(status(runId)).isEqualTo("planned_and_finished");
    }

    @Test
    void workspacesArePaged() throws Exception {
        for (int i = 1; i <= 45; i++) {
            tfc.workspace("big", "ws" + i);
        }
        JsonNode first = ok(call("GET", "/organizations/big/workspaces", null));
        assertThat(first.path("data")).hasSize(20);
        assertThat(first.path("meta").path("pagination").path("total-pages").asInt()).isEqualTo(3);
        assertThat(first.path("meta").path("pagination").path("next-page").asInt()).isEqualTo(2);
        JsonNode last = ok(call("GET", "/organizations/big/workspaces?page%5Bnumber%5D=3", null));
        assertThat(last.path("data")).hasSize(5);
        assertThat(last.path("data").get(4).path("attributes").path("name").asString()).isEqualTo("ws45");
        assertThat(last.path("meta").path("pagination").path("current-page").asInt()).isEqualTo(3);
        assertThat(ok(call("GET", "/organizations/big/workspaces?page[size]=50", null)).path("data")).hasSize(45);
    }

    @Test
    void injectedFailuresAnswerTheirStatusAsManyTimesAsAsked() throws Exception {
        tfc.organization("org1");
        tfc.fail("GET", "/api/v2/organizations", 503, 2);
        HttpResponse<String> failed = call("GET", "/organizations", null);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(failed.body()).path("errors").get(0).path("status").asString()).isEqualTo("503");
        assertThat(call("GET", "/organizations", null).statusCode()).isEqualTo(503);
        assertThat(call("GET", "/organizations", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aHangingAnswerMakesTheClientTimeOut() throws Exception {
        tfc.organization("org1");
        tfc.hang("GET", "/api/v2/organizations", Duration.ofSeconds(5));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tfc.apiUrl() + "/organizations"))
                .header("Authorization", "Bearer " + tfc.token()).timeout(Duration.ofMillis(300)).build();
        var hanging = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(call("GET", "/organizations/org1/workspaces", null).statusCode())
                .as("other requests are served meanwhile").isEqualTo(200);
        assertThatThrownBy(hanging::join).hasCauseInstanceOf(HttpTimeoutException.class);
        tfc.clearFaults();
        assertThat(call("GET", "/organizations", null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedAnswersAreNotJsonOrLackData() throws Exception {
        tfc.organization("org1");
        tfc.malformed("GET", "/api/v2/organizations", 1);
        tfc.malformed("GET", "/api/v2/organizations", 1, Malformation.WRONG_SHAPE);
        HttpResponse<String> notJson = call("GET", "/organizations", null);
        assertThat(notJson.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(notJson.body())).isInstanceOf(RuntimeException.class);
        HttpResponse<String> wrongShape = call("GET", "/organizations", null);
        assertThat(wrongShape.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(wrongShape.body()).has("data")).isFalse();
        assertThat(ok(call("GET", "/organizations", null)).path("data")).hasSize(1);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private HttpResponse<String> call(String method, String apiPath, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tfc.apiUrl() + apiPath))
                .header("Authorization", "Bearer " + tfc.token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", FakeTerraformCloud.JSON_API);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(FakeTerraformCloud.JSON_API);
        return JSON.readTree(response.body());
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** GETs an archivist URL (log or state), which takes no token. */
    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String status(String runId) throws Exception {
        return ok(call("GET", "/runs/" + runId, null)).path("data").path("attributes").path("status").asString();
    }

    private JsonNode createVar(Workspace ws, String key, String value, String category, boolean hcl, boolean sensitive)
            throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("key", key);
        attributes.put("value", value);
        attributes.put("category", category);
        attributes.put("hcl", hcl);
        attributes.put("sensitive", sensitive);
        return created(call("POST", "/vars", JSON.writeValueAsString(Map.of("data", Map.of("type", "vars",
                "attributes", attributes,
                "relationships", Map.of("workspace", Map.of("data", Map.of("id", ws.id(), "type", "workspaces"))))))));
    }

    private static String cvBody() {
        return """
                {"data":{"type":"configuration-versions","attributes":{"auto-queue-runs":false,"speculative":false}}}""";
    }

    private String uploadConfiguration(Workspace ws, Map<String, String> files) throws Exception {
        JsonNode cv = created(call("POST", "/workspaces/" + ws.id() + "/configuration-versions", cvBody())).path("data");
        assertThat(cv.path("attributes").path("status").asString()).isEqualTo("pending");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(cv.path("attributes").path("upload-url")
                .asString())).PUT(HttpRequest.BodyPublishers.ofByteArray(tarGz(files)))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        return cv.path("id").asString();
    }

    private static String runBody(Workspace ws, String cvId, boolean destroy) {
        Map<String, Object> relationships = new LinkedHashMap<>();
        relationships.put("workspace", Map.of("data", Map.of("type", "workspaces", "id", ws.id())));
        if (cvId != null) {
            relationships.put("configuration-version", Map.of("data", Map.of("type", "configuration-versions",
                    "id", cvId)));
        }
        return JSON.writeValueAsString(Map.of("data", Map.of("type", "runs",
                "attributes", Map.of("is-destroy", destroy, "message", destroy ? "Triggered Destroy" : ""),
                "relationships", relationships)));
    }

    private String startRun(Workspace ws) throws Exception {
        String cvId = uploadConfiguration(ws, Map.of("main.tf", "# empty\n"));
        return created(call("POST", "/runs", runBody(ws, cvId, false))).path("data").path("id").asString();
    }

    /** The state of the workspace's newest state version, checked to belong to {@code runId}. */
    private JsonNode latestState(Workspace ws, String runId) throws Exception {
        JsonNode versions = ok(call("GET", "/state-versions?filter%5Bworkspace%5D%5Bname%5D=" + ws.name()
                + "&filter%5Borganization%5D%5Bname%5D=" + ws.organization() + "&page%5Bsize%5D=10", null));
        JsonNode newest = versions.path("data").get(0);
        assertThat(newest.path("relationships").path("run").path("data").path("id").asString()).isEqualTo(runId);
        return JSON.readTree(get(newest.path("attributes").path("hosted-state-download-url").asString()));
    }

    /** A gzipped ustar archive of {@code files} (name → content), as the driver uploads modules. */
    static byte[] tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                byte[] header = new byte[512];
                put(header, 0, file.getKey());
                put(header, 100, "0000644");
                put(header, 108, "0000000");
                put(header, 116, "0000000");
                put(header, 124, String.format("%011o", content.length));
                put(header, 136, String.format("%011o", 0));
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 263, "00");
                Arrays.fill(header, 148, 156, (byte) ' ');
                int checksum = 0;
                for (byte b : header) {
                    checksum += b & 0xff;
                }
                put(header, 148, String.format("%06o", checksum));
                header[154] = 0;
                out.write(header);
                out.write(content);
                out.write(new byte[(512 - content.length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
