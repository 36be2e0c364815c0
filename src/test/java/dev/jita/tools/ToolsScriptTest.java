package dev.jita.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs the operator scripts in {@code tools/} (bash + curl, jq when installed) against the real server,
 * the way an operator does: the username, the password and the confirmation are typed on stdin.
 */
class ToolsScriptTest extends ApiTest {

    private static final Path TOOLS = Path.of("tools").toAbsolutePath();
    private static final String LOGLEVELS = "/api/ita/loglevel-settings/";
    private static final String EXECUTE_CHECK = "/api/ita/backyard-execute-check/";
    private static final String EXECUTE_CHECK_SCRIPT = "get-backyard-execute-check.sh";
    private static final List<String> BACKYARDS = List.of("ita-by-ansible-execute", "ita-by-conductor-synchronize",
            "ita-by-excel-export-import", "ita-by-menu-create", "ita-by-menu-export-import",
            "ita-by-terraform-cli-execute", "ita-by-terraform-cloud-ep-execute");
    private static final String ANSWERS = ADMIN + "\n" + ADMIN_PASSWORD + "\nY\n";
    /** Every external command the scripts run, jq aside. */
    private static final List<String> SCRIPT_COMMANDS =
            List.of("bash", "curl", "cat", "mktemp", "rm", "dirname", "basename", "tail");
    private static final String[] PATH_DIRS = System.getenv().getOrDefault("PATH", "").split(File.pathSeparator);

    private static String bash;

    @TempDir
    Path temp;

    private Path conf;

    @BeforeAll
    static void bashAndCurlAreInstalled() {
        assertThat(TOOLS).as("tools directory (tests run from the project root)").isDirectory();
        Path found = onPath("bash");
        assumeTrue(found != null, "bash is not on PATH: the tools/ scripts cannot be run, skipping");
        assumeTrue(onPath("curl") != null, "curl is not on PATH: the tools/ scripts cannot be run, skipping");
        bash = found.toString();
    }

    @BeforeEach
    void confForThisServer() throws IOException {
        conf = Files.writeString(temp.resolve("api-auth.conf"),
                "CONF_BASE_URL=http://127.0.0.1:" + port + "\nCURL_OPT=-s\n");
    }

    @AfterEach
    void logLevelsBackToInfo() {
        setModes("0", "0");
        Http.Reply reply = admin().patch(LOGLEVELS, Map.of("ita-api-admin", "INFO", "ita-by-ansible-execute", "INFO"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void getMaintenanceModeSettingPrintsBothModes() {
        setModes("1", "0");

        Run run = run("get-maintenance-mode-setting.sh", ANSWERS);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("000-00000");
        assertThat(run.output()).containsPattern("\"backyard_execute_stop\"\\s*:\\s*\"1\"")
                .containsPattern("\"data_update_stop\"\\s*:\\s*\"0\"");
    }

    @Test
    void updateMaintenanceModeSettingSendsTheFileAndTheServerKeepsIt() throws IOException {
        Path json = json("{\"data_update_stop\": \"1\"}");

        Run run = run("update-maintenance-mode-setting.sh", ANSWERS, json.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("\"data_update_stop\"\\s*:\\s*\"1\"").contains("000-00000");
        assertModes("0", "1");
    }

    @Test
    void theShippedMaintenanceSampleTurnsBothModesOff() {
        setModes("1", "1");

        Run run = run("update-maintenance-mode-setting.sh", ADMIN + "\n" + ADMIN_PASSWORD + "\ny\n",
                TOOLS.resolve("update-maintenance-mode-setting.sample.json").toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertModes("0", "0");
    }

    @ParameterizedTest(name = "answer \"{0}\"")
    @ValueSource(strings = {"n", "N", "yes", "", "<EOF>"})
    void anyAnswerButYStopsBeforeTheServerIsCalled(String answer) throws IOException {
        Path json = json("{\"backyard_execute_stop\": \"1\", \"data_update_stop\": \"1\"}");
        String input = ADMIN + "\n" + ADMIN_PASSWORD + "\n" + (answer.equals("<EOF>") ? "" : answer + "\n");

        Run run = run("update-maintenance-mode-setting.sh", input, json.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).doesNotContain("000-00000").doesNotContain("result");
        assertModes("0", "0");
    }

    @Test
    void aWrongPasswordFailsWith401() throws IOException {
        String wrong = ADMIN + "\nnot-the-password\nY\n";

        Run get = run("get-maintenance-mode-setting.sh", wrong);
        Run update = run("update-maintenance-mode-setting.sh", wrong, json("{\"data_update_stop\": \"1\"}").toString());
        Run logLevels = run("get-ita-loglevel.sh", wrong);

        for (Run run : List.of(get, update, logLevels)) {
            assertThat(run.exit()).as(run.output()).isNotZero();
            assertThat(run.output()).contains("401-00002").contains("HTTP status 401");
        }
        assertModes("0", "0");
    }

    @Test
    void aFileWithAnUnknownKeyIsRefusedAndNothingChanges() throws IOException {
        Path json = json("{\"data_update_stop\": \"1\", \"maintenance\": \"1\"}");

        Run run = run("update-maintenance-mode-setting.sh", ANSWERS, json.toString());

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("400-00026");
        assertModes("0", "0");
    }

    @Test
    void aFileThatIsNotJsonIsShownAsItIsAndRefused() throws IOException {
        Path json = json("data_update_stop=1");

        Run run = run("update-maintenance-mode-setting.sh", ANSWERS, json.toString());

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("data_update_stop=1").contains("400-00002");
        assertModes("0", "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"update-maintenance-mode-setting.sh", "update-ita-loglevel.sh"})
    void updateScriptsNeedExactlyOneExistingJsonFile(String script) throws IOException {
        Path json = json("{\"data_update_stop\": \"1\"}");
        String usage = "Usage: " + script + " [json file]";

        Run none = run(script, ANSWERS);
        Run two = run(script, ANSWERS, json.toString(), json.toString());
        Path missing = temp.resolve("no-such-file.json");
        Run notFound = run(script, ANSWERS, missing.toString());

        assertThat(none.exit()).as(none.output()).isEqualTo(1);
        assertThat(none.output()).contains(usage);
        assertThat(two.exit()).as(two.output()).isEqualTo(1);
        assertThat(two.output()).contains(usage);
        assertThat(notFound.exit()).as(notFound.output()).isEqualTo(1);
        assertThat(notFound.output()).contains("Error: not found ... json file : " + missing);
        assertModes("0", "0");
    }

    @Test
    void aServerThatDoesNotAnswerIsAnError() throws IOException {
        conf = Files.writeString(temp.resolve("down.conf"), "CONF_BASE_URL=http://127.0.0.1:1\nCURL_OPT=-s\n");

        Run run = run("get-maintenance-mode-setting.sh", ANSWERS);

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("curl failed");
    }

    @Test
    void logLevelsAreReadAndChanged() throws IOException {
        Run get = run("get-ita-loglevel.sh", ANSWERS);
        assertThat(get.exit()).as(get.output()).isZero();
        assertThat(get.output()).containsPattern("\"ita-api-admin\"\\s*:\\s*\"INFO\"");

        Run debug = run("update-ita-loglevel.sh", ANSWERS, json("{\"ita-api-admin\": \"DEBUG\"}").toString());
        assertThat(debug.exit()).as(debug.output()).isZero();
        assertThat(logLevel("ita-api-admin")).isEqualTo("DEBUG");
        Run again = run("get-ita-loglevel.sh", ANSWERS);
        assertThat(again.output()).containsPattern("\"ita-api-admin\"\\s*:\\s*\"DEBUG\"");

        Run sample = run("update-ita-loglevel.sh", ANSWERS,
                TOOLS.resolve("update-ita-loglevel.sample.json").toString());
        assertThat(sample.exit()).as(sample.output()).isZero();
        assertThat(logLevel("ita-api-admin")).isEqualTo("INFO");
        assertThat(logLevel("ita-by-ansible-execute")).isEqualTo("DEBUG");

        Run back = run("update-ita-loglevel.sh", ANSWERS, json("{\"ita-by-ansible-execute\": \"INFO\"}").toString());
        assertThat(back.exit()).as(back.output()).isZero();
        assertThat(logLevel("ita-by-ansible-execute")).isEqualTo("INFO");
    }

    @Test
    void aBadLogLevelIsRefusedAndNothingChanges() throws IOException {
        Run run = run("update-ita-loglevel.sh", ANSWERS,
                json("{\"ita-api-admin\": \"DEBUG\", \"ita-web-server\": \"WARNING\"}").toString());

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("499-01401");
        assertThat(logLevel("ita-api-admin")).isEqualTo("INFO");
    }

    @Test
    void withoutJqTheResponseIsPrintedAsItCame() throws IOException {
        setModes("1", "0");
        Path noJq = pathWithoutJq();
        Run probe;
        Run get;
        Run update;
        try {
            probe = run(noJq, List.of(bash, "-c", "command -v jq"), "");
            get = run(noJq, "get-maintenance-mode-setting.sh", ANSWERS);
            update = run(noJq, "update-maintenance-mode-setting.sh", ANSWERS,
                    json("{\"data_update_stop\":\"1\"}").toString());
        } finally {
            delete(noJq);
        }

        assertThat(probe.exit()).as("jq must not be found: " + probe.output()).isNotZero();
        assertThat(get.exit()).as(get.output()).isZero();
        assertThat(get.output()).contains("\"data\":{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}")
                .contains("\"result\":\"000-00000\"");
        assertThat(update.exit()).as(update.output()).isZero();
        assertThat(update.output()).contains("{\"data_update_stop\":\"1\"}").contains("\"result\":\"000-00000\"")
                .doesNotContain("command not found");
        assertModes("1", "1");
        if (onPath("jq") != null) {
            Run pretty = run("get-maintenance-mode-setting.sh", ANSWERS);
            assertThat(pretty.output()).as("with jq the body is reformatted")
                    .contains("\"backyard_execute_stop\": \"1\"")
                    .doesNotContain("\"data\":{");
        }
    }

    @Test
    void backyardExecuteCheckPrintsTheEnvelope() {
        Run run = run(EXECUTE_CHECK_SCRIPT, ANSWERS);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("000-00000").contains("\"execute_count\"").contains("\"organizations\"");
        JsonNode body = body(run);
        assertThat(body.path("result").asString()).isEqualTo("000-00000");
        assertThat(body.path("data").path("execute_count").isInt()).as(run.output()).isTrue();
        assertThat(body.path("data").path("organizations").isArray()).as(run.output()).isTrue();
    }

    @Test
    void backyardExecuteCheckListsANewOrganizationLikeTheApi() {
        String org = unique("tool-org");
        createOrganization(org, "owner", "owner-pass");
        createWorkspace(http().as("owner", "owner-pass"), org, "ws1");

        Run run = run(EXECUTE_CHECK_SCRIPT, ANSWERS);

        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode organization = byId(body(run).path("data").path("organizations"), org);
        assertThat(organization.path("execute_count").asInt(-1)).isZero();
        assertThat(organization.path("workspaces").size()).isEqualTo(1);
        JsonNode workspace = byId(organization.path("workspaces"), "ws1");
        assertThat(workspace.path("execute_count").asInt(-1)).isZero();
        assertThat(new ArrayList<>(workspace.path("backyards").propertyNames())).containsExactlyElementsOf(BACKYARDS);
        BACKYARDS.forEach(name -> assertThat(workspace.path("backyards").path(name).isArray()).isTrue());
        Http.Reply api = admin().get(EXECUTE_CHECK);
        assertThat(api.status()).as(api.toString()).isEqualTo(200);
        assertThat(organization).isEqualTo(byId(api.data().path("organizations"), org));
    }

    @Test
    void backyardExecuteCheckWithAWrongPasswordFailsWith401() {
        Run run = run(EXECUTE_CHECK_SCRIPT, ADMIN + "\nnot-the-password\n");

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("401-00002").contains("HTTP status 401").doesNotContain("000-00000");
    }

    @Test
    void backyardExecuteCheckIsForSystemAdministratorsOnly() {
        String org = unique("tool-org");
        createOrganization(org, "owner", "owner-pass");

        Run run = run(EXECUTE_CHECK_SCRIPT, "owner\nowner-pass\n");

        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("403-00001").contains("HTTP status 403").doesNotContain("000-00000");
    }

    @Test
    void backyardExecuteCheckWorksWithoutJq() throws IOException {
        String org = unique("tool-org");
        createOrganization(org, "owner", "owner-pass");
        createWorkspace(http().as("owner", "owner-pass"), org, "ws1");
        Path noJq = pathWithoutJq();
        Run run;
        try {
            run = run(noJq, EXECUTE_CHECK_SCRIPT, ANSWERS);
        } finally {
            delete(noJq);
        }

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"result\":\"000-00000\"").contains("\"organizations\":[")
                .doesNotContain("command not found");
        JsonNode organization = byId(body(run).path("data").path("organizations"), org);
        JsonNode backyards = byId(organization.path("workspaces"), "ws1").path("backyards");
        assertThat(new ArrayList<>(backyards.propertyNames())).containsExactlyElementsOf(BACKYARDS);
    }

    private void assertModes(String backyardExecuteStop, String dataUpdateStop) {
        assertThat(admin().get(MODES).data().toString()).isEqualTo("{\"backyard_execute_stop\":\"" + backyardExecuteStop
                + "\",\"data_update_stop\":\"" + dataUpdateStop + "\"}");
    }

    private String logLevel(String service) {
        Http.Reply reply = admin().get(LOGLEVELS);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path(service).asString();
    }

    /** The JSON body a script printed: what lies between the first '{' and the last '}' of its output. */
    private static JsonNode body(Run run) {
        int start = run.output().indexOf('{');
        int end = run.output().lastIndexOf('}');
        assertThat(start).as("no JSON in: " + run.output()).isNotNegative().isLessThan(end);
        return Http.JSON.readTree(run.output().substring(start, end + 1));
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode node : list.values()) {
            if (node.path("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private Path json(String content) throws IOException {
        return Files.writeString(Files.createTempFile(temp, "setting", ".json"), content);
    }

    @Test
    void drainWithNothingRunningEndsDrainedWithLoadModeOn() {
        Run run = run("drain.sh", ANSWERS, "--timeout", "60", "--interval", "1");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("drained: execute_count 0").contains("load mode is ON");
        assertModes("1", "1");
        // A drain no longer running cannot be cancelled.
        Run cancel = run("drain.sh", ADMIN + "\n" + ADMIN_PASSWORD + "\n", "--cancel");
        assertThat(cancel.exit()).as(cancel.output()).isEqualTo(1);
        assertThat(cancel.output()).contains("400-00001");
    }

    @Test
    void drainCanKeepWritesOpen() {
        Run run = run("drain.sh", ANSWERS, "--keep-writes-open");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("writes stay open");
        assertModes("1", "0");
    }

    @Test
    void drainRefusesBadArgumentsWrongPasswordsAndAnswersOtherThanY() {
        assertThat(run("drain.sh", ANSWERS, "--timeout", "soon").exit()).isEqualTo(1);
        assertThat(run("drain.sh", ANSWERS, "--bogus").exit()).isEqualTo(1);
        assertThat(run("drain.sh", ADMIN + "\n" + ADMIN_PASSWORD + "\nn\n").exit()).isEqualTo(1);
        Run wrong = run("drain.sh", ADMIN + "\nnot-the-password\nY\n");
        assertThat(wrong.exit()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).contains("401-00002");
        assertModes("0", "0");
    }

    private Run run(String script, String input, String... args) {
        return run(null, script, input, args);
    }

    private Run run(Path path, String script, String input, String... args) {
        List<String> command = new ArrayList<>(List.of(bash, TOOLS.resolve(script).toString()));
        command.addAll(List.of(args));
        return run(path, command, input);
    }

    /** Runs {@code command} with {@code input} on stdin; {@code path} replaces PATH when not null. */
    private Run run(Path path, List<String> command, String input) {
        return Run.of(command, input, conf, temp, path);
    }

    /**
     * A directory holding links to only the commands the scripts need, so that jq is not found: it stands
     * for a machine without jq. It is not a {@code @TempDir}, whose cleanup warns about every link.
     */
    private static Path pathWithoutJq() throws IOException {
        Path dir = Files.createTempDirectory("jita-bin-without-jq");
        for (String command : SCRIPT_COMMANDS) {
            Path target = onPath(command);
            assertThat(target).as(command + " on PATH").isNotNull();
            Files.createSymbolicLink(dir.resolve(command), target.toAbsolutePath());
        }
        return dir;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> links = Files.list(dir)) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.delete(link);
            }
        }
        Files.delete(dir);
    }

    private static Path onPath(String command) {
        for (String entry : PATH_DIRS) {
            if (entry.isEmpty()) {
                continue;
            }
            Path file = Path.of(entry, command);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return file;
            }
        }
        return null;
    }
}
