package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.NodeProcess;
import dev.jita.test.TestDatabase;
import jitanode.NodeProcessMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node process killed with SIGKILL while it runs items: the other nodes end its items within bounds. On H2
 * both processes open the database in H2's automatic mixed mode, the one way H2 serves several processes.
 */
class KilledNodeTest extends EngineTestSupport {

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void databaseOpenToAnotherProcess(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, true);
    }

    @Test
    void itemsOfAKilledNodeEndInUnexpectedErrorWithANote() throws Exception {
        String org = organization("ws1");
        List<String> ids = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 2);
        Path log = Files.createTempFile("jita-node-", ".log");
        List<String> command = NodeProcess.java(NodeProcessMain.class.getName(), "-Xmx384m");
        command.addAll(List.of("--jita.backyard.poll-interval=100ms", "--jita.backyard.concurrency=2",
                "--jita.security.bcrypt-strength=4", "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=false"));
        command.addAll(TestDatabase.sameDatabase(environment));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await("the node holds both items", Duration.ofSeconds(90),
                    () -> ids.stream().allMatch(id -> item(id).statusId() == 3));
            String nodeId = item(ids.get(0)).nodeId();

            // SIGKILL (kill -9): no shutdown hook, no last words.
            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // dead-after is 3 s for the test server: the sweep must end them soon after.
            await("swept", Duration.ofSeconds(30), () -> ids.stream().allMatch(id -> item(id).phase().equals("E")));
            for (String id : ids) {
                BackyardItems.Item item = item(id);
                assertThat(item.statusId()).isEqualTo(7);
                assertThat(item.note()).contains(nodeId).contains("stopped sending heartbeats");
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM backyard_node WHERE node_id = ?").param(nodeId)
                    .query(Integer.class).single()).isZero();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nnode log:\n" + Files.readString(log), e);
        } finally {
            node.destroyForcibly();
            node.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }
}
