package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.NodeProcesses;
import dev.jita.test.ServerDatabasesOnly;
import dev.jita.test.TestDatabase;
import dev.jita.test.Waits;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import jitanode.LoadNodeMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Three jita processes on one database (two serve the API and run backyards, one runs backyards only), 200
 * concurrent writers on the two API nodes registering menu records and Ansible executions, and an operator who
 * turns Stop server side jobs, load mode, and both, ON and OFF several times. Each change goes in through one
 * API node and is taken back through the other, so that half of the writers are always on a node other than
 * the one that made the change, and the backyard-only node claims items without ever being asked.
 *
 * <p>Everything is checked in the database afterwards. When a change turned a mode ON is taken as the database's
 * own clock read right after its PATCH answered, and its end as that clock read right before the PATCH that
 * turned it OFF was sent; a node stamps rows with its own clock, which on this one machine is the clock the
 * database reads. Counts taken at both ends of each window check the same without any clock. Not on H2
 * ({@link ServerDatabasesOnly}): three processes under load need a database server.
 */
@Tag(ServerDatabasesOnly.TAG)
class MultiNodeLoadTest {

    private static final int WRITERS = 200;
    private static final String ADMIN = "load-admin";
    private static final String ADMIN_PASSWORD = "load-admin-pass";
    private static final String MODES = "/api/platform/maintenance-mode-setting";
    private static final String ORG = "load";
    private static final String MENUS = "/api/" + ORG + "/workspaces/ws1/ita/menu/";
    private static final String EXECUTE = MENUS + "execution_ansible_legacy/driver/execute/";
    private static final String OPERATIONS = "operation_list";
    /** How long each mode stays ON, and how long both stay OFF between two changes. */
    private static final Duration HOLD = Duration.ofMillis(2000);
    private static final Duration OPEN = Duration.ofMillis(1500);
    /** A writer's pause between two requests: 200 writers stay concurrent without leaving the operator no CPU. */
    private static final Duration THINK = Duration.ofMillis(200);
    /** A change refused with 503-00002 (the mode rows stayed held) changed nothing and is sent again, as it says. */
    private static final int CHANGE_ATTEMPTS = 10;

    private enum Kind { MENU, EXECUTION }

    private enum Window {
        STOP(Map.of("backyard_execute_stop", "1"), Map.of("backyard_execute_stop", "0")),
        LOAD(Map.of("data_update_stop", "1"), Map.of("data_update_stop", "0")),
        BOTH(Map.of("backyard_execute_stop", "1", "data_update_stop", "1"),
                Map.of("backyard_execute_stop", "0", "data_update_stop", "0"));

        final Map<String, String> on;
        final Map<String, String> off;

        Window(Map<String, String> on, Map<String, String> off) {
            this.on = on;
            this.off = off;
        }

        boolean refusesWrites() {
            return this != STOP;
        }
    }

    /** One writer's request: what, through which node, when sent and answered (this JVM's monotonic clock). */
    private record Outcome(Kind kind, String node, String key, long sent, long answered, int status, String result) {
    }

    /**
     * Counts in the database at one moment: menu records, items, items taken by a node. (Not runs: an item taken
     * just before a mode change may reach its job a moment after.)
     */
    private record Snapshot(long records, long items, long started, Set<String> itemIds) {
    }

    /** One time a mode was ON: from the answer of the PATCH that turned it ON to the sending of the one that turned it OFF. */
    private record Held(Window window, String onThrough, String offThrough, long onAnswered, long offSent,
                        LocalDateTime dbOn, LocalDateTime dbOff, Snapshot atOn, Snapshot atOff) {
    }

    private static final java.util.concurrent.atomic.AtomicInteger busyChanges = new java.util.concurrent.atomic.AtomicInteger();
    private static NodeProcesses cluster;
    private static SingleConnectionDataSource connection;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startNodes() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        cluster = NodeProcesses.start(LoadNodeMain.class, database, List.of(
                        "--jita.security.bcrypt-strength=4",
                        "--jita.admin.username=" + ADMIN, "--jita.admin.password=" + ADMIN_PASSWORD,
                        "--jita.default-language=en",
                        "--jita.backyard.poll-interval=100ms",
                        "--jita.backyard.concurrency=8",
                        // Two cores under load: a node late with its heartbeat must not be taken for dead.
                        "--jita.backyard.heartbeat-interval=1s", "--jita.backyard.dead-after=20s",
                        "--jita.terraform-cli.enabled=false",
                        "--jita.terraform-cloud-ep.enabled=false",
                        // Requests wait for a request thread rather than for a connection, which gives up after 30 s.
                        "--server.tomcat.threads.max=40", "--spring.datasource.hikari.maximum-pool-size=16",
                        "--jita.test.utc-now=" + TestDatabase.utcNowSql()),
                List.of(NodeProcesses.Spec.apiAndBackyard("api-a"), NodeProcesses.Spec.apiAndBackyard("api-b"),
                        NodeProcesses.Spec.backyardOnly("backyard-c")),
                Duration.ofSeconds(240));
        connection = TestDatabase.connect(database);
        jdbc = JdbcClient.create(connection);
    }

    @AfterAll
    static void stopNodes() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (connection != null) {
                connection.destroy();
            }
        }
    }

    @Test
    void modeChangesUnderLoadHoldOnEveryNode() throws Exception {
        try {
            run();
        } catch (AssertionError | RuntimeException e) {
            throw cluster.withLogs(e);
        }
    }

    private void run() throws Exception {
        NodeProcesses.Node a = cluster.node("api-a");
        NodeProcesses.Node b = cluster.node("api-b");
        HttpClient clientA = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpClient clientB = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, Http> admins = Map.of(a.name(), a.http(clientA).as(ADMIN, ADMIN_PASSWORD),
                b.name(), b.http(clientB).as(ADMIN, ADMIN_PASSWORD));
        assertThat(cluster.node("backyard-c").http().as(ADMIN, ADMIN_PASSWORD).get(MODES).status())
                .as("the backyard-only node serves no API").isEqualTo(503);

        prepareWorkspace(admins.get(a.name()), a.http(clientA));
        jdbc.sql("CREATE TABLE load_item_run (item_id VARCHAR(36) NOT NULL, node_id VARCHAR(64), ran_at "
                + TestDatabase.timestampType() + " NOT NULL)").update();

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Held> windows = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                NodeProcesses.Node node = i % 2 == 0 ? a : b;
                Http member = node.http(node == a ? clientA : clientB).as("owner", "owner-pass");
                Kind kind = (i / 2) % 2 == 0 ? Kind.MENU : Kind.EXECUTION;
                int writer = i;
                writers.submit(() -> write(writer, kind, node.name(), member, done, outcomes));
            }
            Thread.sleep(OPEN.toMillis());
            List<Window> plan = List.of(Window.STOP, Window.LOAD, Window.BOTH, Window.STOP, Window.LOAD, Window.BOTH);
            for (int k = 0; k < plan.size(); k++) {
                String onThrough = k % 2 == 0 ? a.name() : b.name();
                String offThrough = k % 2 == 0 ? b.name() : a.name();
                windows.add(hold(plan.get(k), onThrough, offThrough, admins));
                Thread.sleep(OPEN.toMillis());
            }
        } finally {
            done.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(90, TimeUnit.SECONDS)).as("the writers ended").isTrue();
        }
        Waits.awaitTrue("every item ended", Duration.ofSeconds(120), () -> jdbc.sql(
                "SELECT COUNT(*) FROM backyard_item WHERE organization_id = ? AND phase <> 'E'")
                .param(ORG).query(Long.class).single() == 0);

        List<Outcome> all = List.copyOf(outcomes);
        assertEveryAnswerIsAcceptedOrRefused(all);
        assertNothingWrittenOrStartedWhileHeld(windows, all);
        assertCountsAddUp(all);
        assertHeldItemsRanAfterwards(windows);
        System.out.printf("multi-node load on %s: %d requests (%d answered 200, %d answered 498, %d answered 503), "
                        + "%d items run, %d mode changes answered 503 and sent again%n", TestDatabase.KIND, all.size(), all.stream().filter(o -> o.status() == 200).count(),
                all.stream().filter(o -> o.status() == 498).count(),
                all.stream().filter(o -> o.status() == 503).count(),
                jdbc.sql("SELECT COUNT(*) FROM load_item_run").query(Long.class).single(), busyChanges.get());
    }

    private static void prepareWorkspace(Http admin, Http anonymous) {
        Http.Reply created = admin.post("/api/platform/organizations", Map.of("id", ORG, "name", ORG,
                "organization_managers", List.of(Map.of("username", "owner", "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", "owner-pass"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        Http owner = anonymous.as("owner", "owner-pass");
        Http.Reply workspace = owner.post("/api/" + ORG + "/platform/workspaces",
                Map.of("id", "ws1", "name", "ws1", "informations", Map.of("description", "load")));
        assertThat(workspace.status()).as(workspace.toString()).isEqualTo(200);
        for (Map.Entry<String, Map<String, Object>> record : Map.of(
                "movement_list_ansible_legacy", Map.<String, Object>of("movement_name", "mv-load"),
                OPERATIONS, Map.<String, Object>of("operation_name", "op-load")).entrySet()) {
            Http.Reply reply = owner.post(MENUS + record.getKey() + "/maintenance/", Map.of("parameter", record.getValue()));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
    }

    /** One writer: requests one after another until the operator is done. */
    private static void write(int writer, Kind kind, String node, Http member, AtomicBoolean done,
                              ConcurrentLinkedQueue<Outcome> outcomes) {
        for (int n = 0; !done.get(); n++) {
            String key = "w" + writer + "-" + n;
            long sent = System.nanoTime();
            try {
                Http.Reply reply = kind == Kind.MENU
                        ? member.post(MENUS + OPERATIONS + "/maintenance/", Map.of("parameter", Map.of("operation_name", key)))
                        : member.post(EXECUTE, Map.of("movement_name", "mv-load", "operation_name", "op-load"));
                long answered = System.nanoTime();
                String result = reply.body().startsWith("{") ? reply.result() : reply.body();
                if (kind == Kind.EXECUTION && reply.status() == 200) {
                    key = reply.data().path("execution_no").asString();
                }
                outcomes.add(new Outcome(kind, node, key, sent, answered, reply.status(), result));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(kind, node, key, sent, System.nanoTime(), -1, e.getMessage()));
            }
            try {
                Thread.sleep(THINK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A mode change, sent again while it answers 503-00002 (nothing changed: the mode rows stayed held). */
    private static Http.Reply change(Http admin, Map<String, String> modes) {
        Http.Reply reply = admin.patch(MODES, modes);
        for (int attempt = 1; attempt < CHANGE_ATTEMPTS && reply.status() == 503; attempt++) {
            assertThat(reply.result()).as(reply.toString()).isEqualTo("503-00002");
            busyChanges.incrementAndGet();
            reply = admin.patch(MODES, modes);
        }
        return reply;
    }

    /** Turns the window's modes ON through one node, keeps them a while, and OFF through the other. */
    private static Held hold(Window window, String onThrough, String offThrough, Map<String, Http> admins)
            throws InterruptedException {
        Http.Reply on = change(admins.get(onThrough), window.on);
        long onAnswered = System.nanoTime();
        LocalDateTime dbOn = databaseNow();
        Snapshot atOn = snapshot();
        assertThat(on.status()).as(window + " ON: " + on).isEqualTo(200);
        Thread.sleep(HOLD.toMillis());
        if (window == Window.STOP) {
            // Kept ON until an execution was registered meanwhile, however slow the machine.
            Waits.awaitTrue("an execution registered while server side jobs are stopped", Duration.ofSeconds(60),
                    () -> jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE organization_id = ?").param(ORG)
                            .query(Long.class).single() > atOn.items());
        }
        Snapshot atOff = snapshot();
        LocalDateTime dbOff = databaseNow();
        long offSent = System.nanoTime();
        Http.Reply off = change(admins.get(offThrough), window.off);
        assertThat(off.status()).as(window + " OFF: " + off).isEqualTo(200);
        return new Held(window, onThrough, offThrough, onAnswered, offSent, dbOn, dbOff, atOn, atOff);
    }

    private static LocalDateTime databaseNow() {
        return jdbc.sql("SELECT " + TestDatabase.utcNowSql()).query(LocalDateTime.class).single();
    }

    private static Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("SELECT COUNT(*) FROM menu_record WHERE organization_id = ? AND menu_name = ?")
                        .params(ORG, OPERATIONS).query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE organization_id = ?").param(ORG)
                        .query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE organization_id = ? AND started_at IS NOT NULL")
                        .param(ORG).query(Long.class).single(),
                new HashSet<>(jdbc.sql("SELECT item_id FROM backyard_item WHERE organization_id = ?").param(ORG)
                        .query(String.class).list()));
    }

    private static void assertEveryAnswerIsAcceptedOrRefused(List<Outcome> all) {
        // 503: the node could not serve the request now (e.g. no database connection in time); nothing changed.
        List<Outcome> others = all.stream().filter(o -> o.status() != 200 && o.status() != 498 && o.status() != 503)
                .toList();
        assertThat(others.stream().limit(10).map(Outcome::toString).toList())
                .as("answers other than 200, 498 and 503 (first 10 of " + others.size() + ")").isEmpty();
        assertThat(all.stream().filter(o -> o.status() == 498).map(Outcome::result).collect(Collectors.toSet()))
                .as("refusals say load mode").isSubsetOf("498-00001", "498-00010");
    }

    private static void assertNothingWrittenOrStartedWhileHeld(List<Held> windows, List<Outcome> all) {
        for (Held held : windows) {
            String which = held.window() + " ON through " + held.onThrough() + " (" + held.dbOn() + " to " + held.dbOff() + ")";
            assertThat(held.atOff().started()).as(which + ": items started while it was ON").isEqualTo(held.atOn().started());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE organization_id = ? AND started_at > ? "
                            + "AND started_at < ?").params(ORG, held.dbOn(), held.dbOff()).query(Long.class).single())
                    .as(which + ": items stamped as started while it was ON").isZero();
            List<Outcome> inside = all.stream()
                    .filter(o -> o.sent() > held.onAnswered() && o.answered() < held.offSent()).toList();
            if (held.window().refusesWrites()) {
                assertThat(held.atOff().records()).as(which + ": menu records committed").isEqualTo(held.atOn().records());
                assertThat(held.atOff().items()).as(which + ": executions committed").isEqualTo(held.atOn().items());
                assertThat(jdbc.sql("SELECT COUNT(*) FROM menu_record WHERE organization_id = ? AND menu_name = ? "
                                + "AND last_update_timestamp > ? AND last_update_timestamp < ?")
                        .params(ORG, OPERATIONS, held.dbOn(), held.dbOff()).query(Long.class).single())
                        .as(which + ": menu records stamped while it was ON").isZero();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE organization_id = ? "
                                + "AND registered_at > ? AND registered_at < ?")
                        .params(ORG, held.dbOn(), held.dbOff()).query(Long.class).single())
                        .as(which + ": executions stamped as registered while it was ON").isZero();
                assertThat(inside).as(which + ": every write sent while it was ON is refused")
                        .allMatch(o -> o.status() == 498);
            } else {
                assertThat(inside).as(which + ": writes go on while only server side jobs are stopped")
                        .noneMatch(o -> o.status() == 498);
            }
        }
    }

    private static void assertCountsAddUp(List<Outcome> all) {
        Map<String, Long> stored = new HashMap<>();
        for (String data : jdbc.sql("SELECT record_data FROM menu_record WHERE organization_id = ? AND menu_name = ?")
                .params(ORG, OPERATIONS).query(String.class).list()) {
            JsonNode name = Http.JSON.readTree(data).findValue("operation_name");
            stored.merge(name == null ? "?" : name.asString(), 1L, Long::sum);
        }
        Set<String> accepted = new HashSet<>();
        for (Outcome o : all) {
            if (o.kind() == Kind.MENU && o.status() == 200) {
                accepted.add(o.key());
                assertThat(stored.get(o.key())).as("menu record " + o.key() + " answered 200").isEqualTo(1L);
            } else if (o.kind() == Kind.MENU) {
                assertThat(stored).as("menu record " + o.key() + " answered " + o.status()).doesNotContainKey(o.key());
            }
        }
        Set<String> extra = new HashSet<>(stored.keySet());
        extra.removeAll(accepted);
        assertThat(extra).as("menu records nobody was told of").containsExactly("op-load");

        Set<String> executions = all.stream().filter(o -> o.kind() == Kind.EXECUTION && o.status() == 200)
                .map(Outcome::key).collect(Collectors.toSet());
        Set<String> items = new HashSet<>(jdbc.sql("SELECT item_id FROM backyard_item WHERE organization_id = ?")
                .param(ORG).query(String.class).list());
        assertThat(items).as("executions registered: exactly those answered 200").isEqualTo(executions);
        assertThat(jdbc.sql("SELECT item_id, status_id, node_id, note FROM backyard_item WHERE organization_id = ? "
                        + "AND status_id <> 5").param(ORG).query((rs, n) -> rs.getString(1) + " status " + rs.getInt(2)
                        + " on " + rs.getString(3) + ": " + rs.getString(4)).list())
                .as("executions not Completed").isEmpty();
        Map<String, Long> runs = new HashMap<>();
        jdbc.sql("SELECT item_id FROM load_item_run").query(String.class).list()
                .forEach(item -> runs.merge(item, 1L, Long::sum));
        assertThat(runs.keySet()).as("executions run").isEqualTo(executions);
        assertThat(runs.entrySet().stream().filter(e -> e.getValue() != 1).toList()).as("executions run twice").isEmpty();
    }

    private static void assertHeldItemsRanAfterwards(List<Held> windows) {
        int waited = 0;
        for (Held held : windows) {
            if (held.window() != Window.STOP) {
                continue;
            }
            // Committed while it was ON: there at its end, not at its start (no clock needed).
            Set<String> registered = new HashSet<>(held.atOff().itemIds());
            registered.removeAll(held.atOn().itemIds());
            waited += registered.size();
            for (String item : registered) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM load_item_run WHERE item_id = ? AND ran_at > ?")
                        .params(item, held.dbOff()).query(Long.class).single())
                        .as("execution " + item + " registered during " + held.window() + " ran once after it").isEqualTo(1L);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE item_id = ? AND started_at > ?")
                        .params(item, held.dbOff()).query(Long.class).single())
                        .as("execution " + item + " registered during " + held.window() + " started after it").isEqualTo(1L);
            }
        }
        assertThat(waited).as("executions registered while server side jobs were stopped").isPositive();
    }
}
