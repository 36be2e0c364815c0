package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jitanode.NodeProcessMain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An answer of 200 means the change is in the database for good: a jita process killed with SIGKILL right
 * after it answered, and started again on the same database, still has every acknowledged change. On the
 * embedded H2 database this needs every commit to reach the file before it returns (WRITE_DELAY=0).
 */
class KilledProcessDurabilityTest {

    /**
     * The embedded database's own durability is what most trials are for; a database server keeps what it
     * committed, and fewer trials show as well that jita answers only after the commit.
     */
    private static final int TRIALS = "h2".equals(TestDatabase.KIND) ? 15 : 5;
    private static final String ADMIN = "durability-admin";
    private static final String PASSWORD = "durability-pass";
    private static final String MODES = "/api/platform/maintenance-mode-setting";
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private final Set<String> acknowledgedOrganizations = new HashSet<>();
    private final Set<String> acknowledgedReasons = new HashSet<>();

    @Test
    void everyChangeAnswered200SurvivesAKillNineAndARestart() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        for (int trial = 0; trial < TRIALS; trial++) {
            Node node = Node.start(database);
            try {
                Http admin = node.client().as(ADMIN, PASSWORD);
                assertAcknowledgedChangesAreThere(admin, "before trial " + trial);
                // A write, then load mode ON; SIGKILL comes the moment the last 200 has arrived.
                acknowledge(admin.patch(MODES, Map.of("data_update_stop", "0", "reason", "open " + trial)),
                        "open " + trial, null);
                String organization = "durable-" + trial;
                acknowledge(admin.post("/api/platform/organizations", organization(organization)), null, organization);
                acknowledge(admin.patch(MODES, Map.of("data_update_stop", "1", "reason", "close " + trial)),
                        "close " + trial, null);
            } catch (AssertionError | RuntimeException e) {
                throw node.withLog(e);
            } finally {
                node.kill();
            }
        }
        Node last = Node.start(database);
        try {
            assertAcknowledgedChangesAreThere(last.client().as(ADMIN, PASSWORD), "after the last trial");
        } catch (AssertionError | RuntimeException e) {
            throw last.withLog(e);
        } finally {
            last.kill();
        }
    }

    private void acknowledge(Http.Reply reply, String reason, String organization) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        if (reason != null) {
            acknowledgedReasons.add(reason);
        }
        if (organization != null) {
            acknowledgedOrganizations.add(organization);
        }
    }

    private void assertAcknowledgedChangesAreThere(Http admin, String when) {
        if (acknowledgedReasons.isEmpty()) {
            return;
        }
        Http.Reply modes = admin.get(MODES);
        assertThat(modes.data().path("data_update_stop").asString()).as(when + ": load mode " + modes).isEqualTo("1");

        Set<String> reasons = new HashSet<>();
        for (JsonNode entry : admin.get(MODES + "/audit?limit=1000").data()) {
            reasons.add(entry.path("reason").asString());
        }
        assertThat(reasons).as(when + ": audit rows").containsAll(acknowledgedReasons);

        Set<String> organizations = new HashSet<>();
        for (JsonNode entry : admin.get("/api/platform/organizations").data()) {
            organizations.add(entry.path("id").asString());
        }
        assertThat(organizations).as(when + ": organizations").containsAll(acknowledgedOrganizations);
    }

    private static Map<String, Object> organization(String id) {
        return Map.of("id", id, "name", id,
                "organization_managers", List.of(Map.of("username", "manager", "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", "manager-pass")))));
    }

    /** A jita process of its own on the given database. */
    private record Node(Process process, Path log, int port) {

        static Node start(Map<String, String> database) throws IOException, InterruptedException {
            Path log = Files.createTempFile("jita-durability-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // A quick start matters more than peak speed for a process that lives a few seconds.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), NodeProcessMain.class.getName(),
                    "--server.port=0", "--spring.main.banner-mode=off", "--jita.ansible.enabled=false", "--jita.terraform-cli.enabled=false", "--jita.terraform-cloud-ep.enabled=false",
                    "--jita.security.bcrypt-strength=4",
                    "--jita.admin.username=" + ADMIN, "--jita.admin.password=" + PASSWORD));
            database.forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher started = STARTED.matcher(Files.readString(log));
                if (started.find()) {
                    Node node = new Node(process, log, Integer.parseInt(started.group(1)));
                    if (node.live()) {
                        return node;
                    }
                }
                Thread.sleep(50);
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the jita process did not start:\n" + Files.readString(log));
        }

        Http client() {
            return new Http(port);
        }

        private boolean live() {
            try {
                return client().get("/actuator/health/liveness").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        }

        /** SIGKILL (kill -9): no shutdown hook, no last words, no chance to flush anything. */
        void kill() throws IOException, InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ended").isTrue();
            Files.deleteIfExists(log);
        }

        AssertionError withLog(Throwable e) {
            String text;
            try {
                text = Files.readString(log);
            } catch (IOException unreadable) {
                text = "(log unreadable: " + unreadable.getMessage() + ")";
            }
            return new AssertionError(e.getMessage() + "\nnode log:\n" + text, e);
        }
    }
}
