package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.NodeProcess;
import dev.jita.JitaApplication;
import dev.jita.execution.WorkArea;
import dev.jita.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A node process stepping a conductor instance is killed with SIGKILL in the middle of a step, while the
 * instance's movement still runs: the dead-node sweep hands the instance over (still Executing, not failed),
 * a surviving node takes it up and it ends normally once the movement ends. The movement runs on the test's
 * own server (Ansible on, conductor off); the killed node and the survivor only step conductors, so the
 * kill never touches the movement itself.
 */
@TestPropertySource(properties = "jita.conductor.enabled=false")
class ConductorKilledNodeTest extends ConductorTestSupport {

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /**
     * A work directory of the test's nodes, apart from the test server's: a node that starts in this JVM probes
     * the file locks of the work directories it finds, and closing that probe would drop the lock of the test
     * server's directory, where the movement runs, for every other process on the host.
     */
    private Path workDir;

    private List<String> nodeArguments() {
        List<String> args = new ArrayList<>(TestDatabase.sameDatabase(environment));
        args.addAll(List.of("--jita.api.enabled=false",
                "--jita.ansible.enabled=false", "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=false", "--jita.conductor.enabled=true",
                "--jita.conductor.monitoring-cycle=200ms", "--jita.backyard.poll-interval=100ms",
                "--jita.backyard.heartbeat-interval=300ms", "--jita.backyard.shutdown-grace=1s",
                "--jita.security.bcrypt-strength=4", "--jita.execution.work-dir=" + workDir));
        return args;
    }

    private String nodeOf(String id) {
        return jdbc.sql("SELECT node_id FROM backyard_item WHERE item_id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    private String phaseOf(String id) {
        return jdbc.sql("SELECT phase FROM backyard_item WHERE item_id = ?").param(id).query(String.class).single();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + waitLimit().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Holds the instance's row lock, as a step does: the node's next step waits for it, holding the instance. */
    private Connection lockInstance(String id) throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT conductor_instance_id FROM conductor_instance WHERE conductor_instance_id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
        }
        return connection;
    }

    @Test
    void theInstanceOfAKilledNodeIsTakenUpByAnotherAndEndsNormally() throws Exception {
        movement("mv-slow", "    - command: sleep 8\n");
        movement("mv-next", ConductorRunTest.OK_TASK);
        register(ConductorMaintenanceTest.slowThenNext("survives"));
        workDir = Files.createTempDirectory("jita-work-");
        Path log = Files.createTempFile("jita-node-", ".log");
        List<String> command = NodeProcess.java(JitaApplication.class.getName(), "-Xmx256m");
        command.addAll(nodeArguments());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Connection lock = null;
        try {
            String id = execute("survives");
            JsonNode started = awaitInstance(id, i -> !ConductorMaintenanceTest.executionOf(i, "node-2").isEmpty(),
                    "the node to start mv-slow");
            String slow = ConductorMaintenanceTest.executionOf(started, "node-2");
            awaitStatus(slow, 3);

            // The node's next step takes the instance and then waits on its row: it is killed mid-step.
            lock = lockInstance(id);
            // A step under way when the lock was taken has handed the instance back by now.
            Thread.sleep(500);
            await("the node to hold the instance", () -> nodeOf(id) != null);
            String killedNode = nodeOf(id);
            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(nodeOf(id)).as("killed while it held the instance").isEqualTo(killedNode);
            assertThat(status(slow).path("status_id").asString()).as("mv-slow still runs").isEqualTo("3");
            lock.rollback();
            lock.close();
            lock = null;

            await("the sweep to hand the instance over", () -> nodeOf(id) == null);
            assertThat(phaseOf(id)).isEqualTo("R");
            JsonNode handedOver = instance(id);
            assertThat(instanceStatus(handedOver)).as(handedOver.toString()).isEqualTo("3");
            assertThat(nodeStatus(handedOver, "node-2")).isEqualTo("3");

            try (ConfigurableApplicationContext survivor = SpringApplication.run(JitaApplication.class,
                    nodeArguments().toArray(String[]::new))) {
                JsonNode done = awaitInstanceEnd(id);
                assertThat(instanceStatus(done)).as(done + "\nmv-slow: " + status(slow)).isEqualTo("6");
                assertThat(nodeStatus(done, "node-2")).isEqualTo("5");
                assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
                assertThat(status(slow).path("status_id").asString()).isEqualTo("5");
                assertThat(nodeOf(id)).as("ended by the survivor").isNotNull().isNotEqualTo(killedNode);
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nnode log:\n" + Files.readString(log), e);
        } finally {
            if (lock != null) {
                lock.rollback();
                lock.close();
            }
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
            WorkArea.deleteTree(workDir);
        }
    }
}
