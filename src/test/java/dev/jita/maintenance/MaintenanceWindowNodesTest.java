package dev.jita.maintenance;

import static dev.jita.test.Waits.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jitanode.NodeProcessMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Windows on several nodes of one database: each step is taken exactly once, a step missed while no node ran is
 * taken at the next start and audited as late, and a drain that times out leaves load mode OFF and says so.
 * The nodes look for due steps every 100 ms; windows start a few seconds ahead.
 */
class MaintenanceWindowNodesTest {

    private static final String WINDOWS = "/api/platform/maintenance-windows";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Every event every node of this test published, as "type id late". */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    static class Recorder {
        @Bean
        Object maintenanceEventRecorder() {
            return new Object() {
                @EventListener
                void heard(MaintenanceEvent event) {
                    EVENTS.add(event.type() + " " + event.data().get("id") + " " + event.data().get("late"));
                }
            };
        }
    }

    @BeforeEach
    void forget() {
        EVENTS.clear();
    }

    private static ConfigurableApplicationContext node(Map<String, String> database, Class<?>... extra) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--server.port=0", "--jita.security.bcrypt-strength=4", "--jita.admin.username=admin",
                "--jita.admin.password=admin-pass", "--jita.default-language=en",
                "--jita.maintenance.window-check-interval=100ms", "--jita.maintenance.window-late-after=1s",
                "--jita.maintenance.drain-check-interval=200ms", "--jita.backyard.poll-interval=100ms",
                "--jita.backyard.shutdown-grace=1s", "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=false", "--jita.conductor.enabled=false",
                "--jita.menu-create.enabled=false", "--jita.menu-export-import.enabled=false",
                "--jita.excel-export-import.enabled=false", "--spring.datasource.hikari.maximum-pool-size=5"));
        List<Class<?>> sources = new ArrayList<>(List.of(JitaApplication.class, Recorder.class));
        sources.addAll(List.of(extra));
        return SpringApplication.run(sources.toArray(Class<?>[]::new), args.toArray(String[]::new));
    }

    private static Http admin(ConfigurableApplicationContext node) {
        return new Http(((WebServerApplicationContext) node).getWebServer().getPort()).as("admin", "admin-pass");
    }

    private static String schedule(Http admin, Instant start, Instant end, List<String> modes, String drainTimeout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start.toString());
        body.put("end", end == null ? null : end.toString());
        body.put("modes", modes);
        body.put("reason", "planned");
        body.put("drain_timeout", drainTimeout);
        Http.Reply reply = admin.post(WINDOWS, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("id").asString();
    }

    private static JsonNode window(Http admin, String id) {
        return admin.get(WINDOWS + "/" + id).data();
    }

    private static List<String> actions(Http admin, String id) {
        List<String> actions = new ArrayList<>();
        admin.get(WINDOWS + "/" + id + "/audit").data().values()
                .forEach(entry -> actions.add(0, entry.path("action").asString()));
        return actions;
    }

    private static Instant inSeconds(int seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void withTwoNodesEachStepOfAWindowRunsOnceAndBothModesAreDrainedIntoAndLeft() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        try (ConfigurableApplicationContext first = node(database);
             ConfigurableApplicationContext second = node(database)) {
            Http admin = admin(first);
            Instant start = inSeconds(4);
            String id = schedule(admin, start, start.plusSeconds(4), List.of("backyard_execute_stop", "data_update_stop"),
                    "PT1M");

            awaitTrue("the window started", WAIT, () -> !window(admin, id).path("state").asString().equals("scheduled"));
            assertError(admin.patch(WINDOWS + "/" + id, Map.of("reason", "too late")), 409, "409-34001");
            assertError(admin.delete(WINDOWS + "/" + id), 409, "409-34001");
            awaitTrue("the window ended", WAIT, () -> window(admin, id).path("state").asString().equals("ended"));

            JsonNode ended = window(admin, id);
            assertThat(ended.path("status").asString()).isEqualTo("past");
            assertThat(ended.path("modes_turned_on").toString())
                    .isEqualTo("[\"backyard_execute_stop\",\"data_update_stop\"]");
            assertThat(actions(admin, id)).containsExactly("scheduled", "started", "drain_drained", "ended");
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM maintenance_drain").query(Integer.class).single()).isEqualTo(1);
            // Stop jobs ON (the window's start, through its drain), load mode ON (the drain's end), both OFF (the end).
            List<String> changes = new ArrayList<>();
            admin.get("/api/platform/maintenance-mode-setting/audit").data().values().forEach(entry -> changes.add(0,
                    entry.path("mode").asString() + " " + entry.path("old_value").asString() + ">"
                            + entry.path("new_value").asString()));
            assertThat(changes).containsExactly("backyard_execute_stop 0>1", "data_update_stop 0>1",
                    "backyard_execute_stop 1>0", "data_update_stop 1>0");
            assertThat(admin.get("/api/platform/maintenance-mode-setting/audit").data().toString())
                    .contains("Maintenance window " + id + " started").contains("Maintenance window " + id + " ended");
            assertThat(EVENTS.stream().filter(event -> event.startsWith("window_")))
                    .containsExactly("window_scheduled " + id + " null", "window_started " + id + " false",
                            "window_ended " + id + " false");
            // One drain and three changes of the modes (stop jobs ON, load mode ON, both OFF), each told once.
            assertThat(EVENTS.stream().filter(event -> event.startsWith("drain_"))).containsExactly("drain_done null null");
            assertThat(EVENTS.stream().filter(event -> event.startsWith("mode_changed"))).hasSize(3);
            assertThat(admin(second).get("/api/platform/maintenance-mode-setting").data().toString())
                    .isEqualTo("{\"backyard_execute_stop\":\"0\",\"data_update_stop\":\"0\"}");
        }
    }

    @Test
    void aStartMissedWhileNoNodeRanIsTakenAtTheNextStartAndAuditedAsLate() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        String id;
        Instant start;
        try (ConfigurableApplicationContext before = node(database)) {
            start = inSeconds(3);
            id = schedule(admin(before), start, null, List.of("backyard_execute_stop"), null);
        }
        awaitTrue("the start and the lateness bound passed", WAIT,
                () -> Instant.now().isAfter(start.plusSeconds(2)));

        try (ConfigurableApplicationContext after = node(database)) {
            Http admin = admin(after);
            awaitTrue("the window started", WAIT, () -> window(admin, id).path("state").asString().equals("started"));

            JsonNode started = window(admin, id);
            assertThat(started.path("started_late").asBoolean(false)).isTrue();
            assertThat(started.path("status").asString()).isEqualTo("running");
            JsonNode audit = admin.get(WINDOWS + "/" + id + "/audit").data().get(0);
            assertThat(audit.path("action").asString()).isEqualTo("started");
            assertThat(audit.path("late").asBoolean(false)).isTrue();
            assertThat(audit.path("detail").asString()).contains("late: due " + start);
            JsonNode change = admin.get("/api/platform/maintenance-mode-setting/audit").data().get(0);
            assertThat(change.path("mode").asString()).isEqualTo("backyard_execute_stop");
            assertThat(change.path("new_value").asString()).isEqualTo("1");
            assertThat(change.path("reason").asString())
                    .isEqualTo("Maintenance window " + id + " started late (due " + start + "): planned");
            assertThat(EVENTS).contains("window_started " + id + " true");
            assertThat(admin.get("/api/platform/maintenance-mode-setting").data().toString())
                    .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");
        }
    }

    @Test
    void aDrainThatTimesOutLeavesLoadModeOffAndTheWindowSaysSo() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        try (ConfigurableApplicationContext node = node(database, NodeProcessMain.NeverEndingJobs.class)) {
            Http admin = admin(node);
            String item = register(node);
            BackyardItems items = node.getBean(BackyardItems.class);
            awaitTrue("the job runs", WAIT, () -> items.find(item).orElseThrow().statusId() == 3);
            Instant start = inSeconds(2);
            String id = schedule(admin, start, start.plusSeconds(4),
                    List.of("backyard_execute_stop", "data_update_stop"), "PT1S");

            awaitTrue("the drain timed out", WAIT,
                    () -> window(admin, id).path("state").asString().equals("drain_timed_out"));
            assertThat(admin.get("/api/platform/maintenance-mode-setting").data().toString())
                    .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");
            JsonNode audit = admin.get(WINDOWS + "/" + id + "/audit").data().get(0);
            assertThat(audit.path("action").asString()).isEqualTo("drain_timed_out");
            assertThat(audit.path("detail").asString()).contains("load mode was not turned ON");

            awaitTrue("the window ended", WAIT, () -> window(admin, id).path("state").asString().equals("ended"));
            assertThat(admin.get("/api/platform/maintenance-mode-setting").data().toString())
                    .isEqualTo("{\"backyard_execute_stop\":\"0\",\"data_update_stop\":\"0\"}");
        }
    }

    private static String register(ConfigurableApplicationContext node) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        return node.getBean(TransactionTemplate.class).execute(s -> {
            LocalDateTime now = LocalDateTime.now();
            jdbc.sql("INSERT INTO organization (organization_id, organization_name, created_by, created_at, "
                    + "last_update_user, last_update_timestamp) VALUES ('windows', 'windows', 't', ?, 't', ?)")
                    .params(now, now).update();
            jdbc.sql("INSERT INTO workspace (organization_id, workspace_id, workspace_name, created_by, created_at, "
                    + "last_update_user, last_update_timestamp) VALUES ('windows', 'ws1', 'ws1', 't', ?, 't', ?)")
                    .params(now, now).update();
            node.publishEvent(new dev.jita.platform.WorkspaceCreated("windows", "ws1"));
            return node.getBean(BackyardItems.class).register(Backyard.ANSIBLE_EXECUTE, "windows", "ws1", "t", null);
        });
    }

    private static void assertError(Http.Reply reply, int status, String result) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.result()).as(reply.toString()).isEqualTo(result);
    }
}
