import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * No-op items claimed and ended per second: by two jita nodes through the backyard engine (bench/ClaimsNode.java)
 * against a minimal hand-written FOR UPDATE SKIP LOCKED loop in two threads, on the same table, the same number of
 * waiting items, rounds interleaved with the order rotated. Run by bench/claims.sh.
 */
public class ClaimsBench {

    private static final String ENGINE = "ita-by-ansible-execute";
    private static final String HAND = "bench-hand-loop";

    private final Map<String, String> args;
    private final String url;
    private final String user;
    private final String password;
    private final List<String[]> workspaces = new ArrayList<>();
    private double firstTakeMillis;

    ClaimsBench(Map<String, String> args) {
        this.args = args;
        url = args.get("jdbc-url");
        user = args.get("jdbc-user");
        password = args.getOrDefault("jdbc-password", "");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new ClaimsBench(args).run();
    }

    void run() throws Exception {
        int items = Integer.parseInt(args.getOrDefault("items", "2000"));
        int threads = Integer.parseInt(args.getOrDefault("threads", "2"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "2"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "9"));
        setup(Integer.parseInt(args.getOrDefault("workspaces", "4")));
        System.out.printf(Locale.ROOT, "%d items per contender and round over %d workspaces; hand loop: %d threads; "
                + "%d warm-up and %d measured rounds%n", items, workspaces.size(), threads, warmup, rounds);
        List<Double> engine = new ArrayList<>();
        List<Double> waits = new ArrayList<>();
        List<Double> hand = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            double e = 0;
            double h = 0;
            for (int k = 0; k < 2; k++) {
                if ((round + k) % 2 == 0) {
                    e = engine(items);
                } else {
                    h = hand(items, threads);
                }
            }
            boolean measured = round >= warmup;
            System.out.printf(Locale.ROOT, "%s %2d: engine %7.1f/s (first take %4.0f ms after the commit), "
                            + "hand loop %7.1f/s, ratio %.3f%n", measured ? "round " : "warm-up",
                    measured ? round - warmup + 1 : round + 1, e, firstTakeMillis, h, e / h);
            if (measured) {
                engine.add(e);
                waits.add(firstTakeMillis);
                hand.add(h);
                ratios.add(e / h);
            }
        }
        System.out.println();
        System.out.println("items per second   median      min      p25      p75      max");
        row("engine (2 nodes)", engine);
        row("hand loop", hand);
        System.out.printf(Locale.ROOT, "engine / hand loop: %.3f (medians), %.3f (median of per-round ratios)%n",
                median(engine) / median(hand), median(ratios));
        System.out.printf(Locale.ROOT, "goal: engine / hand loop at least 0.5: %s%n", median(ratios) >= 0.5 ? "PASS" : "MISS");
        System.out.printf(Locale.ROOT, "(not in the rates: the engine's first take came a median %.0f ms after the commit, "
                + "the wait for a node's next poll)%n", median(waits));
    }

    /** An organization and its workspaces through the API (which gives them their backyard turns). */
    private void setup(int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = args.get("base-url");
        String admin = basic(args.get("user"), args.get("password"));
        String manager = basic("bench-manager", "bench-manager-pass");
        post(client, base + "/api/platform/organizations", "{\"id\":\"bench\",\"name\":\"bench\",\"organization_managers\":"
                + "[{\"username\":\"bench-manager\",\"email\":\"m@example.com\",\"credentials\":[{\"type\":\"password\","
                + "\"value\":\"bench-manager-pass\"}],\"enabled\":true}]}", admin);
        for (int i = 1; i <= count; i++) {
            post(client, base + "/api/bench/platform/workspaces", "{\"id\":\"ws" + i + "\",\"name\":\"ws" + i + "\"}", manager);
            workspaces.add(new String[] {"bench", "ws" + i});
        }
        // The hand loop at its best: its one query reads this index in order instead of sorting the waiting items.
        // The engine's queries name the workspace, which ix_item_claim serves; both contenders keep this index up to date.
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX bench_ix_hand_loop ON backyard_item (backyard, phase, registered_at, item_id)");
        }
    }

    private static void post(HttpClient client, String url, String body, String auth) throws Exception {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + reply.statusCode() + " " + reply.body());
        }
    }

    private Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    /** {@code items} waiting items of {@code backyard}, spread over the workspaces, committed at once. */
    private void insert(String backyard, int items) throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO backyard_item (item_id, backyard, "
                    + "organization_id, workspace_id, phase, status_id, registered_by, registered_at, last_update_timestamp) "
                    + "VALUES (?, ?, ?, ?, 'W', 1, 'bench', ?, ?)")) {
                for (int i = 0; i < items; i++) {
                    String[] workspace = workspaces.get(i % workspaces.size());
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, backyard);
                    insert.setString(3, workspace[0]);
                    insert.setString(4, workspace[1]);
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /** Items of {@code backyard} not ended, or ended otherwise than as Completed (5). */
    private int[] tally(Connection connection, String backyard) throws Exception {
        try (PreparedStatement count = connection.prepareStatement("SELECT SUM(CASE WHEN phase <> 'E' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN phase = 'E' AND status_id <> 5 THEN 1 ELSE 0 END), COUNT(DISTINCT node_id) "
                + "FROM backyard_item WHERE backyard = ?")) {
            count.setString(1, backyard);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
            }
        }
    }

    private void clear(Connection connection, String backyard, int items) throws Exception {
        int[] tally = tally(connection, backyard);
        if (tally[0] != 0 || tally[1] != 0) {
            throw new IllegalStateException(backyard + ": " + tally[0] + " not ended, " + tally[1] + " not Completed");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM backyard_item WHERE backyard = ?")) {
            delete.setString(1, backyard);
            int deleted = delete.executeUpdate();
            if (deleted != items) {
                throw new IllegalStateException(backyard + ": " + deleted + " items, not " + items);
            }
        }
    }

    /**
     * The two nodes take the items: items per second from the first take to the last end, as the items' own times
     * say. The wait from the commit to the first take, up to one poll interval, is kept apart in
     * {@link #firstTakeMillis}: it is how soon a node looks, not how fast the engine works.
     */
    private double engine(int items) throws Exception {
        try (Connection watch = connect()) {
            insert(ENGINE, items);
            LocalDateTime committed = LocalDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement left = watch.prepareStatement(
                    "SELECT COUNT(*) FROM backyard_item WHERE backyard = ? AND phase IN ('W', 'R')")) {
                left.setString(1, ENGINE);
                while (true) {
                    try (ResultSet rs = left.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 0) {
                            break;
                        }
                    }
                    if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                        throw new IllegalStateException("the engine did not end its items within 10 minutes");
                    }
                    Thread.sleep(5);
                }
            }
            int nodes = tally(watch, ENGINE)[2];
            if (nodes != 2) {
                throw new IllegalStateException("the items were ended by " + nodes + " nodes, not 2: a node looks for items "
                        + "once per poll interval (1 s), so a round must last longer than that; raise BENCH_ITEMS");
            }
            LocalDateTime[] span = span(watch, ENGINE);
            firstTakeMillis = Duration.between(committed, span[0]).toNanos() / 1e6;
            clear(watch, ENGINE, items);
            return items / seconds(span);
        }
    }

    /** The first take and the last end of a contender's items, by their started_at and ended_at. */
    private static LocalDateTime[] span(Connection connection, String backyard) throws Exception {
        try (PreparedStatement span = connection.prepareStatement(
                "SELECT MIN(started_at), MAX(ended_at) FROM backyard_item WHERE backyard = ?")) {
            span.setString(1, backyard);
            try (ResultSet rs = span.executeQuery()) {
                rs.next();
                return new LocalDateTime[] {rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()};
            }
        }
    }

    private static double seconds(LocalDateTime[] span) {
        return Duration.between(span[0], span[1]).toNanos() / 1e9;
    }

    /** The hand-written loop: take the oldest waiting item skipping locked ones, mark it running, commit; end it. */
    private double hand(int items, int threads) throws Exception {
        insert(HAND, items);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection connection = connect();
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        for (int t = 0; t < threads; t++) {
            Connection connection = connections.get(t);
            String node = "hand-" + t;
            Thread worker = new Thread(() -> {
                try (PreparedStatement take = connection.prepareStatement("SELECT item_id FROM backyard_item "
                        + "WHERE backyard = ? AND phase = 'W' ORDER BY registered_at, item_id LIMIT 1 FOR UPDATE SKIP LOCKED");
                     PreparedStatement running = connection.prepareStatement("UPDATE backyard_item SET phase = 'R', "
                             + "status_id = 2, node_id = ?, started_at = ?, last_update_timestamp = ? WHERE item_id = ?");
                     PreparedStatement end = connection.prepareStatement("UPDATE backyard_item SET phase = 'E', "
                             + "status_id = 5, ended_at = ?, last_update_timestamp = ? WHERE item_id = ? AND node_id = ?")) {
                    take.setString(1, HAND);
                    while (true) {
                        try {
                            if (!handOne(connection, take, running, end, node)) {
                                return;
                            }
                        } catch (SQLTransactionRollbackException deadlock) {
                            // MariaDB picks one of two such loops as a deadlock victim now and then: begin again.
                            connection.rollback();
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (Connection connection : connections) {
            connection.close();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        try (Connection watch = connect()) {
            double seconds = seconds(span(watch, HAND));
            clear(watch, HAND, items);
            return items / seconds;
        }
    }

    /** One item of the hand loop taken and ended; false when none was left. */
    private static boolean handOne(Connection connection, PreparedStatement take, PreparedStatement running,
                                   PreparedStatement end, String node) throws Exception {
        String item;
        try (ResultSet rs = take.executeQuery()) {
            item = rs.next() ? rs.getString(1) : null;
        }
        if (item == null) {
            connection.commit();
            return false;
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        running.setString(1, node);
        running.setTimestamp(2, now);
        running.setTimestamp(3, now);
        running.setString(4, item);
        running.executeUpdate();
        connection.commit();
        // Taken and committed: it is ended, however many times that has to be tried.
        while (true) {
            try {
                now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
                end.setTimestamp(1, now);
                end.setTimestamp(2, now);
                end.setString(3, item);
                end.setString(4, node);
                end.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLTransactionRollbackException deadlock) {
                connection.rollback();
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void row(String name, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-16s %8.1f %8.1f %8.1f %8.1f %8.1f%n", name, quantile(sorted, 0.5), sorted[0],
                quantile(sorted, 0.25), quantile(sorted, 0.75), sorted[sorted.length - 1]);
    }

    private static double median(List<Double> values) {
        return quantile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
