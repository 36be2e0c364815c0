package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jitanode.NodeProcessMain;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A node serves the API, runs the backyards, or both, as its settings say. */
class NodeRolesTest {

    private static ConfigurableApplicationContext start(Map<String, String> database, String... settings) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--server.port=0", "--jita.security.bcrypt-strength=4", "--jita.admin.username=admin",
                "--jita.admin.password=admin-pass", "--jita.backyard.poll-interval=100ms",
                "--jita.backyard.shutdown-grace=1s", "--jita.terraform-cli.enabled=false", "--jita.terraform-cloud-ep.enabled=false"));
        args.addAll(List.of(settings));
        return SpringApplication.run(new Class<?>[] {JitaApplication.class, NodeProcessMain.NeverEndingJobs.class},
                args.toArray(String[]::new));
    }

    private static Http admin(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort()).as("admin", "admin-pass");
    }

    @Test
    void aBackyardOnlyNodeRefusesTheApiButRunsItems() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        try (ConfigurableApplicationContext node = start(database, "--jita.api.enabled=false")) {
            Http.Reply reply = admin(node).get("/api/platform/maintenance-mode-setting");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.result()).isEqualTo("503-00001");
            assertThat(admin(node).anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);

            String item = register(node);
            awaitStatus(node, item, 3);
        }
    }

    @Test
    void anApiOnlyNodeTakesNoItems() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        try (ConfigurableApplicationContext node = start(database, "--jita.backyard.enabled=false")) {
            assertThat(admin(node).get("/api/platform/maintenance-mode-setting").status()).isEqualTo(200);
            String item = register(node);
            Thread.sleep(1500);

            BackyardItems.Item stored = node.getBean(BackyardItems.class).find(item).orElseThrow();
            assertThat(stored.phase()).isEqualTo("W");
            assertThat(node.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM backyard_node")
                    .query(Integer.class).single()).isZero();
        }
    }

    private static String register(ConfigurableApplicationContext node) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        return node.getBean(TransactionTemplate.class).execute(s -> {
            jdbc.sql("INSERT INTO organization (organization_id, organization_name, created_by, created_at, "
                    + "last_update_user, last_update_timestamp) VALUES ('roles', 'roles', 't', ?, 't', ?)")
                    .params(java.time.LocalDateTime.now(), java.time.LocalDateTime.now()).update();
            jdbc.sql("INSERT INTO workspace (organization_id, workspace_id, workspace_name, created_by, created_at, "
                    + "last_update_user, last_update_timestamp) VALUES ('roles', 'ws1', 'ws1', 't', ?, 't', ?)")
                    .params(java.time.LocalDateTime.now(), java.time.LocalDateTime.now()).update();
            node.publishEvent(new dev.jita.platform.WorkspaceCreated("roles", "ws1"));
            return node.getBean(BackyardItems.class).register(Backyard.ANSIBLE_EXECUTE, "roles", "ws1", "t", null);
        });
    }

    private static void awaitStatus(ConfigurableApplicationContext node, String item, int status)
            throws InterruptedException {
        EngineTestSupport.await("item taken", Duration.ofSeconds(30),
                () -> node.getBean(BackyardItems.class).find(item).orElseThrow().statusId() == status);
    }
}
