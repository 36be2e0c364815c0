package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.NodeProcess;
import dev.jita.JitaApplication;
import dev.jita.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A node that follows a Terraform Cloud run is killed with SIGKILL: the run goes on at Terraform Cloud, the
 * dead-node sweep hands the execution over (still running, still counted), and another node follows the
 * same run to its end. The test's own server runs no Cloud/EP backyard.
 */
@TestPropertySource(properties = "jita.terraform-cloud-ep.enabled=false")
class TerraformCloudEpNodeKilledTest extends TerraformCloudTestSupport {

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    private List<String> nodeArguments() {
        List<String> args = new ArrayList<>(TestDatabase.sameDatabase(environment));
        args.addAll(List.of("--jita.api.enabled=false",
                "--jita.ansible.enabled=false", "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=true", "--jita.backyard.poll-interval=200ms",
                "--jita.security.bcrypt-strength=4", "--jita.backyard.shutdown-grace=1s"));
        return args;
    }

    private String nodeOf(String id) {
        return jdbc.sql("SELECT node_id FROM backyard_item WHERE item_id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    private String phaseOf(String id) {
        return jdbc.sql("SELECT phase FROM backyard_item WHERE item_id = ?").param(id).query(String.class).single();
    }

    @Test
    void anotherNodeFollowsTheRunOfAKilledNodeToItsEnd() throws Exception {
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "survives");
        workspace.phaseDuration(Duration.ofSeconds(4));
        Path log = Files.createTempFile("jita-node-", ".log");
        List<String> command = NodeProcess.java(JitaApplication.class.getName(), "-Xmx384m");
        command.addAll(nodeArguments());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String id = apply();
            awaitStatus(id, s -> s.path("status_id").asString().equals("3"), "the node to start the run");
            String killedNode = nodeOf(id);
            assertThat(killedNode).isNotNull();
            assertThat(workspace.runIds()).hasSize(1);

            // SIGKILL: no shutdown hook, no last words. The run goes on at Terraform Cloud.
            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            awaitStatus(id, s -> nodeOf(id) == null, "the sweep to hand the execution over");
            assertThat(phaseOf(id)).isEqualTo("R");
            assertThat(status(id).path("status_id").asString()).isEqualTo("3");
            assertThat(admin().get("/api/ita/backyard-execute-check/").data().path("execute_count").asInt())
                    .as("a handed-over run still counts: a drain waits for it").isPositive();

            try (ConfigurableApplicationContext other = SpringApplication.run(JitaApplication.class,
                    nodeArguments().toArray(String[]::new))) {
                JsonNode end = awaitEnd(id);
                assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
                assertThat(log(end, "apply.log")).contains("Apply complete!");
                assertThat(errorLog(end)).contains("this node follows it on");
                assertThat(end.path("outputs").path("greeting").path("value").asString()).isEqualTo("survives");
                assertThat(nodeOf(id)).isNotEqualTo(killedNode);
            }
            assertThat(workspace.runIds()).as("the run was followed, not started again").hasSize(1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nnode log:\n" + Files.readString(log), e);
        } finally {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }
}
