package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.execution.WorkArea;
import dev.jita.test.TestDatabase;
import dev.jita.test.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A whole jita server (API, conductor and Ansible backyards) stopped while a conductor instance is half-way
 * and started again on the same database: the movement under way finishes before the server stops, the
 * instance waits, and after the restart it goes on from where it was to a normal end. The test's own server
 * only registers the class and its movements; it steps nothing and runs nothing.
 */
@TestPropertySource(properties = {"jita.conductor.enabled=false", "jita.ansible.enabled=false"})
class ConductorRestartTest extends ConductorTestSupport {

    @Autowired
    Environment environment;

    /** Apart from the test server's, for the reason ConductorKilledNodeTest gives. */
    private Path workDir;

    private ConfigurableApplicationContext startServer() {
        List<String> args = new ArrayList<>(TestDatabase.sameDatabase(environment));
        args.addAll(List.of("--jita.security.bcrypt-strength=4",
                "--jita.default-language=en", "--jita.ansible.enabled=true", "--jita.conductor.enabled=true",
                "--jita.terraform-cli.enabled=false", "--jita.terraform-cloud-ep.enabled=false",
                "--jita.conductor.monitoring-cycle=200ms", "--jita.backyard.poll-interval=100ms",
                "--jita.backyard.shutdown-grace=60s", "--jita.execution.work-dir=" + workDir));
        return SpringApplication.run(JitaApplication.class, args.toArray(String[]::new));
    }

    private static Http owner(ConfigurableApplicationContext server) {
        return new Http(((WebServerApplicationContext) server).getWebServer().getPort()).as("owner", "owner-pass");
    }

    private JsonNode instanceOn(Http client, String id) {
        Http.Reply reply = client.get(confirmation + id + "/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    /** The instance's backyard-execute-check entry. */
    private String conductorEntry(String id) {
        for (JsonNode organization : admin().get(ConductorMaintenanceTest.CHECK).data().path("organizations").values()) {
            for (JsonNode workspace : organization.path("workspaces").values()) {
                for (JsonNode entry : workspace.path("backyards").path("ita-by-conductor-synchronize").values()) {
                    if (entry.path("id").asString().equals(id)) {
                        return entry.toString();
                    }
                }
            }
        }
        throw new AssertionError(id + " is not listed by backyard-execute-check");
    }

    @AfterEach
    void removeWorkDir() throws IOException {
        if (workDir != null) {
            WorkArea.deleteTree(workDir);
        }
    }

    @Test
    void anInstanceHalfWayGoesOnAfterARestart() throws Exception {
        movement("mv-slow", "    - command: sleep 4\n");
        movement("mv-next", ConductorRunTest.OK_TASK);
        register(ConductorMaintenanceTest.slowThenNext("restarted"));
        workDir = Files.createTempDirectory("jita-work-");

        String id;
        String slow;
        try (ConfigurableApplicationContext first = startServer()) {
            Http client = owner(first);
            Http.Reply executed = client.post(classes + "execute/",
                    Map.of("conductor_class_name", "restarted", "operation_name", "op1"));
            assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
            id = executed.data().path("conductor_instance_id").asString();
            awaitInstance(id, i -> !ConductorMaintenanceTest.executionOf(i, "node-2").isEmpty(), "mv-slow registered");
            slow = ConductorMaintenanceTest.executionOf(instanceOn(client, id), "node-2");
            awaitStatus(slow, 3);
        }

        // Stopped cleanly: the movement finished in its driver; the instance waits, half-way.
        assertThat(status(slow).path("status_id").asString()).isEqualTo("5");
        JsonNode waiting = instance(id);
        assertThat(instanceStatus(waiting)).as(waiting.toString()).isEqualTo("3");
        assertThat(nodeStatus(waiting, "node-1")).isEqualTo("5");
        assertThat(nodeStatus(waiting, "node-3")).isEqualTo("1");
        // No node runs now: the waiting instance stays as it is, not handed over again and again by the sweep.
        String listed = conductorEntry(id);
        Thread.sleep(ConductorMaintenanceTest.SEVERAL_CYCLES_MS);
        assertThat(conductorEntry(id)).isEqualTo(listed);

        try (ConfigurableApplicationContext second = startServer()) {
            JsonNode done = awaitInstanceEnd(id);
            assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
            assertThat(nodeStatus(done, "node-2")).isEqualTo("5");
            assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
            assertThat(ConductorMaintenanceTest.executionOf(done, "node-2")).isEqualTo(slow);
            assertThat(instanceOn(owner(second), id).path("conductor").path("status_id").asString()).isEqualTo("6");
        }
    }
}
