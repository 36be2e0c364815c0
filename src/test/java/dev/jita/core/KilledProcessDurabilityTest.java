package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.NodeProcess;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * The embedded database's own durability is what the extra trials are for; a database server keeps what it
     * committed, and fewer trials show as well that jita answers only after the commit. Each trial is a process
     * start (about 6 s of the suite on H2), so their number is a trade of run time against samples.
     */
    private static final int TRIALS = "h2".equals(TestDatabase.KIND) ? 5 : 3;
    private static final String ADMIN = "durability-admin";
    private static final String PASSWORD = "durability-pass";
    private static final String MODES = "/api/platform/maintenance-mode-setting";

    private final Set<String> acknowledgedOrganizations = new HashSet<>();
    private final Set<String> acknowledgedReasons = new HashSet<>();

    @Test
    void everyChangeAnswered200SurvivesAKillNineAndARestart() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        for (int trial = 0; trial < TRIALS; trial++) {
            NodeProcess node = start(database);
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
                kill(node);
            }
        }
        NodeProcess last = start(database);
        try {
            assertAcknowledgedChangesAreThere(last.client().as(ADMIN, PASSWORD), "after the last trial");
        } catch (AssertionError | RuntimeException e) {
            throw last.withLog(e);
        } finally {
            kill(last);
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
    private static NodeProcess start(Map<String, String> database) throws IOException, InterruptedException {
        return NodeProcess.start(NodeProcessMain.class.getName(), "-Xmx256m", database, List.of(
                "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=false",
                "--jita.admin.username=" + ADMIN, "--jita.admin.password=" + PASSWORD));
    }

    /** SIGKILL (kill -9): no shutdown hook, no last words, no chance to flush anything. */
    private static void kill(NodeProcess node) throws IOException, InterruptedException {
        node.kill();
        node.discard();
    }
}
