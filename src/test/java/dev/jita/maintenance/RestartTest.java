package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.Waits;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A whole jita process life: first start on an empty database, changes, stop, start again on the same data. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static final String MODES = "/api/platform/maintenance-mode-setting";
    private static final String DRAIN = "/api/platform/maintenance-drain";

    private static ConfigurableApplicationContext start(Map<String, String> database, String... extra) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--jita.security.bcrypt-strength=4");
        args.addAll(List.of(extra));
        return SpringApplication.run(JitaApplication.class, args.toArray(String[]::new));
    }

    private static Http client(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void modesOrganizationsAndTheAuditTrailSurviveARestart() {
        Map<String, String> database = TestDatabase.fresh();
        try (ConfigurableApplicationContext first = start(database,
                "--jita.admin.username=root-admin", "--jita.admin.password=first-pass")) {
            Http admin = client(first).as("root-admin", "first-pass");
            assertThat(admin.patch("/api/platform/maintenance-mode-setting",
                    Map.of("backyard_execute_stop", "1", "data_update_stop", "1", "reason", "upgrade")).status())
                    .isEqualTo(200);
        }
        // The same administrator name with another password does not overwrite the stored one.
        try (ConfigurableApplicationContext second = start(database,
                "--jita.admin.username=root-admin", "--jita.admin.password=other-pass")) {
            Http admin = client(second).as("root-admin", "first-pass");
            Http.Reply modes = admin.get("/api/platform/maintenance-mode-setting");
            assertThat(modes.status()).as(modes.toString()).isEqualTo(200);
            assertThat(modes.data().toString()).isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"1\"}");
            Http.Reply audit = admin.get("/api/platform/maintenance-mode-setting/audit");
            assertThat(audit.data().size()).isEqualTo(2);
            assertThat(audit.data().get(0).path("reason").asString()).isEqualTo("upgrade");
            assertThat(client(second).as("root-admin", "other-pass").get("/api/platform/maintenance-mode-setting")
                    .status()).isEqualTo(401);
        }
    }

    /**
     * A drain that waits for an item of another node, with only Stop server side jobs ON: a restart keeps the
     * drain and that mode; once the other node dies, the restarted node ends the drain and turns load mode ON as
     * the drain was asked to. Then load mode alone survives a restart too.
     */
    @Test
    void aDrainUnderWayAndEachModeAloneSurviveARestart() throws InterruptedException {
        Map<String, String> database = TestDatabase.fresh();
        String[] node = {"--jita.admin.username=drain-admin", "--jita.admin.password=drain-pass",
                "--jita.backyard.heartbeat-interval=300ms", "--jita.backyard.dead-after=3s",
                "--jita.backyard.sweep-interval=300ms", "--jita.maintenance.drain-check-interval=300ms"};
        String otherNode = "other-node-" + System.nanoTime();
        String itemId = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start(database, node)) {
            Http admin = client(first).as("drain-admin", "drain-pass");
            assertThat(admin.post("/api/platform/organizations", Map.of("id", "drain-org", "name", "drain-org",
                    "organization_managers", List.of(Map.of("username", "owner", "enabled", true,
                            "credentials", List.of(Map.of("type", "password", "value", "owner-pass"))))))
                    .status()).isEqualTo(200);
            assertThat(client(first).as("owner", "owner-pass").post("/api/drain-org/platform/workspaces",
                    Map.of("id", "ws1", "name", "ws1", "informations", Map.of("description", "d"))).status()).isEqualTo(200);
            // Another node, alive until the test says otherwise, runs an item.
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("INSERT INTO backyard_node (node_id, host_name, process_id, started_at, last_heartbeat) "
                    + "VALUES (?, 'elsewhere', 1, ?, ?)").params(otherNode, now, now.plusYears(100)).update();
            jdbc.sql("INSERT INTO backyard_item (item_id, backyard, organization_id, workspace_id, phase, status_id, "
                            + "registered_by, registered_at, started_at, node_id, last_update_timestamp) "
                            + "VALUES (?, 'ita-by-ansible-execute', 'drain-org', 'ws1', 'R', 3, 'tester', ?, ?, ?, ?)")
                    .params(itemId, now, now, otherNode, now).update();
            Http.Reply drain = admin.post(DRAIN, Map.of("timeout_seconds", 600, "load_mode", true));
            assertThat(drain.status()).as(drain.toString()).isEqualTo(200);
            assertThat(drain.data().path("state").asString()).isEqualTo("draining");
        }
        try (ConfigurableApplicationContext second = start(database, node)) {
            Http admin = client(second).as("drain-admin", "drain-pass");
            assertThat(admin.get(DRAIN).data().path("state").asString()).isEqualTo("draining");
            assertThat(admin.get(MODES).data().toString()).isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");

            second.getBean(JdbcClient.class).sql("UPDATE backyard_node SET last_heartbeat = ? WHERE node_id = ?")
                    .params(LocalDateTime.of(2000, 1, 1, 0, 0), otherNode).update();
            Waits.awaitTrue("the drain to end", Duration.ofSeconds(30),
                    () -> admin.get(DRAIN).data().path("state").asString().equals("drained"));
            assertThat(admin.get(MODES).data().toString()).isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"1\"}");
            assertThat(admin.patch(MODES, Map.of("backyard_execute_stop", "0")).status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext third = start(database, node)) {
            Http admin = client(third).as("drain-admin", "drain-pass");
            assertThat(admin.get(MODES).data().toString()).isEqualTo("{\"backyard_execute_stop\":\"0\",\"data_update_stop\":\"1\"}");
            assertThat(admin.get(DRAIN).data().path("state").asString()).isEqualTo("drained");
        }
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndLoggedOnce(CapturedOutput output) {
        Map<String, String> database = TestDatabase.fresh();
        String password;
        try (ConfigurableApplicationContext first = start(database, "--jita.admin.username=generated-admin")) {
            Matcher matcher = Pattern.compile("Created system administrator 'generated-admin' with the generated "
                    + "password: (\\S+)").matcher(output.getOut());
            assertThat(matcher.find()).as("generated password in the log").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(client(first).as("generated-admin", password).get("/api/platform/maintenance-mode-setting")
                    .status()).isEqualTo(200);
        }
        int logged = output.getOut().split("with the generated password", -1).length - 1;
        try (ConfigurableApplicationContext second = start(database, "--jita.admin.username=generated-admin")) {
            assertThat(output.getOut().split("with the generated password", -1).length - 1).isEqualTo(logged);
            assertThat(client(second).as("generated-admin", password).get("/api/platform/maintenance-mode-setting")
                    .status()).isEqualTo(200);
        }
    }
}
