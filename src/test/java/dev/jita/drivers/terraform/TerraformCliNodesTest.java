package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Terraform runs on nodes that share only the database: the test server serves the API and runs no
 * Terraform; other nodes, each with a work area of its own, run the executions.
 */
class TerraformCliNodesTest extends TerraformTestSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    /** A node of its own that runs only the Terraform backyard, on the test server's database. */
    private ConfigurableApplicationContext node(Path workDir) {
        List<String> args = new ArrayList<>(TestDatabase.sameDatabase(environment));
        args.addAll(List.of("--jita.api.enabled=false",
                "--jita.ansible.enabled=false", "--jita.terraform-cli.enabled=true", "--jita.backyard.enabled=true",
                "--jita.backyard.poll-interval=200ms", "--jita.backyard.shutdown-grace=1s",
                "--jita.execution.work-dir=" + workDir));
        return SpringApplication.run(JitaApplication.class, args.toArray(String[]::new));
    }

    @Test
    void aNodeContinuesTheStateAnotherNodeWroteAndRunsOfOneTerraformWorkspaceNeverOverlap() throws Exception {
        scenario(MAIN_TF + """
                resource "terraform_data" "pause" {
                  triggers_replace = [timestamp()]
                  provisioner "local-exec" {
                    command = "sleep 2"
                  }
                }
                """, "hello-nodes", null);
        Path workB = Files.createTempDirectory("jita-node-b-");
        Path workC = Files.createTempDirectory("jita-node-c-");

        try (ConfigurableApplicationContext nodeB = node(workB)) {
            JsonNode first = awaitEnd(apply());
            assertThat(first.path("status_id").asString()).as(first.toString()).isEqualTo("5");
            assertThat(log(first, "apply.log")).contains("terraform_data.hello: Creation complete");
        }
        assertThat(filesUnder(workB)).as("what node B left").isEmpty();

        try (ConfigurableApplicationContext nodeC = node(workC)) {
            JsonNode second = awaitEnd(apply());
            assertThat(second.path("status_id").asString()).as(second.toString()).isEqualTo("5");
            // Node C never saw node B's directory: it read the state from the database.
            assertThat(log(second, "plan.log")).doesNotContain("terraform_data.hello will be created")
                    .contains("terraform_data.pause must be replaced");
            assertThat(log(second, "apply.log")).contains("Resources: 1 added, 0 changed, 1 destroyed.").doesNotContain("terraform_data.hello: Creating");

            try (ConfigurableApplicationContext nodeB = node(workB)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ids.add(apply());
                }
                List<LocalDateTime[]> runs = new ArrayList<>();
                List<String> nodes = new ArrayList<>();
                for (String id : ids) {
                    JsonNode end = awaitEnd(id);
                    assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
                    jdbc.sql("SELECT started_at, ended_at, node_id FROM backyard_item WHERE item_id = ?").param(id)
                            .query(rs -> {
                                runs.add(new LocalDateTime[] {rs.getObject(1, LocalDateTime.class),
                                        rs.getObject(2, LocalDateTime.class)});
                                nodes.add(rs.getString(3));
                            });
                }
                runs.sort(Comparator.comparing(run -> run[0]));
                for (int i = 1; i < runs.size(); i++) {
                    assertThat(runs.get(i)[0]).as("run %d starts after run %d ended", i, i - 1)
                            .isAfterOrEqualTo(runs.get(i - 1)[1]);
                }
            }
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".lock")).toList();
        }
    }
}
