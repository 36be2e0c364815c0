package dev.jita.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jita.test.ApiTest;
import dev.jita.test.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** tools/maintenance-window.sh against the real server, its prompts answered on stdin as an operator types them. */
class MaintenanceWindowScriptTest extends ApiTest {

    private static final Path TOOLS = Path.of("tools").toAbsolutePath();
    private static final String SCRIPT = "maintenance-window.sh";
    private static final String CREDENTIALS = ADMIN + "\n" + ADMIN_PASSWORD + "\n";
    private static final String WINDOWS = "/api/platform/maintenance-windows";

    @TempDir
    Path temp;

    private Path conf;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @BeforeAll
    static void bashAndCurlAreInstalled() {
        assumeTrue(onPath("bash") && onPath("curl"), "bash or curl is not on PATH: the scripts cannot be run");
    }

    @BeforeEach
    void confForThisServer() throws IOException {
        conf = Files.writeString(temp.resolve("api-auth.conf"),
                "CONF_BASE_URL=http://127.0.0.1:" + port + "\nCURL_OPT=-s\n");
    }

    @Test
    void aWindowIsScheduledListedChangedAndCancelled() throws IOException {
        String start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS).toString();
        Path body = json("{\"start\": \"" + start + "\", \"modes\": [\"backyard_execute_stop\"], \"reason\": \"from a script\"}");

        Run declined = run(CREDENTIALS + "n\n", "schedule", body.toString());
        assertThat(declined.exit()).as(declined.output()).isEqualTo(1);
        assertThat(admin().get(WINDOWS).data().path("upcoming").size()).isZero();

        Run scheduled = run(CREDENTIALS + "Y\n", "schedule", body.toString());
        assertThat(scheduled.exit()).as(scheduled.output()).isZero();
        assertThat(scheduled.output()).contains("from a script").contains("\"state\"");
        JsonNode window = admin().get(WINDOWS).data().path("upcoming").get(0);
        String id = window.path("id").asString();
        assertThat(window.path("start").asString()).isEqualTo(start);

        Run list = run(CREDENTIALS, "list");
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output()).contains(id);
        Run one = run(CREDENTIALS, "get", id);
        assertThat(one.exit()).as(one.output()).isZero();
        assertThat(one.output()).contains(start);

        Run changed = run(CREDENTIALS + "Y\n", "change", id, json("{\"modes\": [\"data_update_stop\"]}").toString());
        assertThat(changed.exit()).as(changed.output()).isZero();
        assertThat(admin().get(WINDOWS + "/" + id).data().path("modes").toString()).isEqualTo("[\"data_update_stop\"]");

        Run bad = run(CREDENTIALS + "Y\n", "change", id, json("{\"end\": \"2020-01-01T00:00:00Z\"}").toString());
        assertThat(bad.exit()).as(bad.output()).isEqualTo(1);
        assertThat(bad.output()).contains("400-34002").contains("HTTP status 400");

        Run cancelled = run(CREDENTIALS + "Y\n", "cancel", id);
        assertThat(cancelled.exit()).as(cancelled.output()).isZero();
        assertThat(admin().get(WINDOWS + "/" + id).data().path("state").asString()).isEqualTo("cancelled");
        Run again = run(CREDENTIALS + "Y\n", "cancel", id);
        assertThat(again.exit()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("409-34001");
    }

    @Test
    void theShippedSampleIsAValidWindow() throws IOException {
        Run scheduled = run(CREDENTIALS + "Y\n", "schedule", TOOLS.resolve("maintenance-window.sample.json").toString());

        assertThat(scheduled.exit()).as(scheduled.output()).isZero();
        JsonNode window = admin().get(WINDOWS).data().path("upcoming").get(0);
        assertThat(window.path("modes").size()).isEqualTo(2);
        assertThat(admin().delete(WINDOWS + "/" + window.path("id").asString()).status()).isEqualTo(200);
    }

    @Test
    void badArgumentsWrongPasswordsAndOrganizationUsersFail() throws IOException {
        for (List<String> args : List.of(List.<String>of(), List.of("nope"), List.of("get"), List.of("get", "../x"),
                List.of("schedule", temp.resolve("missing.json").toString()), List.of("cancel", "a b"))) {
            Run run = run(CREDENTIALS + "Y\n", args.toArray(String[]::new));
            assertThat(run.exit()).as(args + ": " + run.output()).isEqualTo(1);
        }
        Run wrong = run(ADMIN + "\nwrong\n", "list");
        assertThat(wrong.exit()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.output()).contains("401-00002");
        String org = unique("mw-tools");
        createOrganization(org, "boss", "boss-pass");
        Run manager = run("boss\nboss-pass\n", "list");
        assertThat(manager.exit()).as(manager.output()).isEqualTo(1);
        assertThat(manager.output()).contains("403-00001");
    }

    private Path json(String content) throws IOException {
        return Files.writeString(Files.createTempFile(temp, "window", ".json"), content);
    }

    private Run run(String input, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", TOOLS.resolve(SCRIPT).toString()));
        command.addAll(List.of(args));
        return Run.of(command, input, conf, temp, null);
    }

    private static boolean onPath(String command) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}
