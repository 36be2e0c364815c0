import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of bench/search.sh (Java 17 source-file mode, the database's JDBC driver on the class path).
 * Arguments are key=value; the first is the step:
 * <ul>
 * <li>{@code setup}: creates the organization "bench" and its workspace "ws1" through jita's API;</li>
 * <li>{@code load}: writes the records of the searched menu ("the sheet") and of other menus of the workspace
 *     straight into menu_record and its value index menu_value (as jita writes them), and the same sheet
 *     records into a plain table with a real column and a B-tree index per searched column;</li>
 * <li>{@code measure}: times jita's {@code filter/count/} and {@code filter/} against hand-written indexed SQL
 *     on the plain table for the same answer, interleaved in one run, and prints the ratios.</li>
 * </ul>
 */
public class SearchBench {

    private static final Pattern COUNT = Pattern.compile("\"data\"\\s*:\\s*(\\d+)");
    private static final Pattern UUID_FIELD = Pattern.compile("\"uuid\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS");
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final int BATCH = 1_000;
    /** The same endpoint and its authentication, with a condition that reads nothing (an empty LIST). */
    private static final String FLOOR = "floor | count of LIST []";

    /** A search: its conditions for jita, and the same for the plain table. */
    private record Query(String name, String conditions, String where, List<Object> params) {
    }

    private final Map<String, String> args;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SearchBench(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SearchBench bench = new SearchBench(args);
        switch (args.get("step")) {
            case "setup" -> bench.setup();
            case "load" -> bench.load();
            case "measure" -> bench.measure();
            default -> throw new IllegalArgumentException("step=setup|load|measure");
        }
    }

    // ------------------------------------------------------------------ setup

    private void setup() throws Exception {
        String admin = basic(args.get("user"), args.get("password"));
        String body = "{\"id\":\"bench\",\"name\":\"bench\",\"organization_managers\":[{\"username\":\"bench-manager\","
                + "\"email\":\"m@example.com\",\"credentials\":[{\"type\":\"password\",\"value\":\"bench-manager-pass\"}],"
                + "\"enabled\":true}]}";
        expect(send("POST", "/api/platform/organizations", body, admin), "create the organization");
        expect(send("POST", "/api/bench/platform/workspaces", "{\"id\":\"ws1\",\"name\":\"ws1\"}", manager()),
                "create the workspace");
    }

    // ------------------------------------------------------------------ load

    private void load() throws SQLException {
        int records = Integer.parseInt(args.getOrDefault("records", "100000"));
        int others = Integer.parseInt(args.getOrDefault("others", "1000000"));
        String sheet = args.getOrDefault("sheet", "device_list");
        long started = System.nanoTime();
        try (Connection db = connect(); Connection plainDb = args.containsKey("plain-url")
                ? DriverManager.getConnection(args.get("plain-url"), args.getOrDefault("jdbc-user", ""),
                args.getOrDefault("jdbc-password", "")) : connect()) {
            db.setAutoCommit(false);
            plainDb.setAutoCommit(false);
            try (Statement ddl = plainDb.createStatement()) {
                ddl.execute("CREATE TABLE bench_plain (record_id VARCHAR(36) NOT NULL PRIMARY KEY, host_name VARCHAR(255), "
                        + "login_user VARCHAR(255), port_no INTEGER, created_at " + (args.get("jdbc-url").contains("mariadb")
                        ? "DATETIME(6)" : "TIMESTAMP(6)") + " NOT NULL)");
                ddl.execute("CREATE INDEX bench_plain_host ON bench_plain (host_name)");
                ddl.execute("CREATE INDEX bench_plain_user ON bench_plain (login_user)");
                ddl.execute("CREATE INDEX bench_plain_port ON bench_plain (port_no)");
                ddl.execute("CREATE INDEX bench_plain_order ON bench_plain (created_at, record_id)");
            }
            plainDb.commit();
            // As a restore would: the rows first, the value index built after them (menu_record's indexes stay:
            // MariaDB keeps one for the foreign key to the workspace).
            boolean mariadb = args.get("jdbc-url").contains("mariadb");
            Map<String, String> indexes = new LinkedHashMap<>();
            indexes.put("ix_menu_value_key", "menu_value (column_key, value_key, record_id)");
            indexes.put("ix_menu_value_num", "menu_value (column_key, value_num, record_id)");
            try (Statement ddl = db.createStatement()) {
                for (Map.Entry<String, String> index : indexes.entrySet()) {
                    ddl.execute("DROP INDEX " + index.getKey()
                            + (mariadb ? " ON " + index.getValue().substring(0, index.getValue().indexOf(' ')) : ""));
                }
            }
            db.commit();
            Loader loader = new Loader(db, plainDb);
            for (int i = 0; i < records; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("host_name", host(i));
                data.put("ip_address", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
                data.put("login_user", "user-" + i % 1000);
                data.put("port_no", i % 65_536);
                data.put("connection_type", "ssh");
                String id = loader.record(sheet, i, data);
                loader.plain(id, i, data);
            }
            for (int i = 0; i < others; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                if (i % 2 == 0) {
                    data.put("operation_name", "operation-" + i);
                    data.put("environment", "env-" + i % 100);
                    loader.record("operation_list", records + i, data);
                } else {
                    data.put("movement_name", "movement-" + i);
                    data.put("delay_timer", i % 60);
                    loader.record("movement_list_ansible_legacy", records + i, data);
                }
            }
            loader.flush();
            try (Statement ddl = db.createStatement()) {
                for (Map.Entry<String, String> index : indexes.entrySet()) {
                    ddl.execute("CREATE INDEX " + index.getKey() + " ON " + index.getValue());
                }
            }
            db.commit();
        }
        System.out.printf(Locale.ROOT, "loaded %,d records of %s and %,d of other menus in %.0f s%n", records, sheet, others,
                (System.nanoTime() - started) / 1e9);
    }

    private static String host(int i) {
        return String.format(Locale.ROOT, "host-%06d", i);
    }

    /** Batched inserts of menu_record, menu_value and bench_plain rows, committed every few batches. */
    private static final class Loader {
        private final Connection db;
        private final Connection plainDb;
        private final PreparedStatement record;
        private final PreparedStatement value;
        private final PreparedStatement plain;
        private int pending;

        Loader(Connection db, Connection plainDb) throws SQLException {
            this.db = db;
            this.plainDb = plainDb;
            record = db.prepareStatement("INSERT INTO menu_record (record_id, menu_name, organization_id, workspace_id, "
                    + "discard, record_data, created_by, created_at, last_update_user, last_update_timestamp) "
                    + "VALUES (?, ?, 'bench', 'ws1', '0', ?, 'bench', ?, 'bench', ?)");
            value = db.prepareStatement("INSERT INTO menu_value (record_id, column_key, value_key, value_num) "
                    + "VALUES (?, ?, ?, ?)");
            plain = plainDb.prepareStatement("INSERT INTO bench_plain (record_id, host_name, login_user, port_no, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)");
        }

        String record(String menu, int n, Map<String, Object> data) throws SQLException {
            String id = UUID.randomUUID().toString();
            LocalDateTime at = START.plusNanos(n * 1_000L);
            StringBuilder json = new StringBuilder("{");
            data.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(v instanceof Number ? v.toString() : "\"" + v + "\""));
            record.setString(1, id);
            record.setString(2, menu);
            record.setString(3, json.append('}').toString());
            record.setTimestamp(4, Timestamp.valueOf(at));
            record.setTimestamp(5, Timestamp.valueOf(at));
            record.addBatch();
            Map<String, Object> values = new LinkedHashMap<>(data);
            values.put("discard", "0");
            values.put("last_update_date_time", STAMP.format(at));
            values.put("last_updated_user", "bench");
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                value.setString(1, id);
                value.setLong(2, columnKey(menu, entry.getKey()));
                value.setString(3, String.valueOf(entry.getValue()));
                value.setBigDecimal(4, entry.getValue() instanceof Number number ? new BigDecimal(number.toString()) : null);
                value.addBatch();
            }
            if (++pending == BATCH) {
                flush();
            }
            return id;
        }

        /** As jita's MenuStore.columnKey: the first 64 bits of the SHA-256 of the names, each followed by a zero byte. */
        private final Map<String, Long> columnKeys = new HashMap<>();

        private long columnKey(String menu, String column) {
            return columnKeys.computeIfAbsent(menu + "." + column, k -> {
                try {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    for (String name : List.of("bench", "ws1", menu, column)) {
                        digest.update(name.getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    }
                    return Long.parseUnsignedLong(HexFormat.of().formatHex(digest.digest()).substring(0, 16), 16);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        void plain(String id, int n, Map<String, Object> data) throws SQLException {
            plain.setString(1, id);
            plain.setString(2, (String) data.get("host_name"));
            plain.setString(3, (String) data.get("login_user"));
            plain.setInt(4, (Integer) data.get("port_no"));
            plain.setTimestamp(5, Timestamp.valueOf(START.plusNanos(n * 1_000L)));
            plain.addBatch();
        }

        void flush() throws SQLException {
            record.executeBatch();
            value.executeBatch();
            plain.executeBatch();
            db.commit();
            plainDb.commit();
            pending = 0;
        }
    }

    // ------------------------------------------------------------------ measure

    private void measure() throws Exception {
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "3"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "21"));
        String sheet = args.getOrDefault("sheet", "device_list");
        String path = "/api/bench/workspaces/ws1/ita/menu/" + sheet + "/filter/";
        String manager = manager();
        long all = count(send("GET", path + "count/", null, manager));
        // host-050000 to host-050009 of 100,000 records.
        String hosts = host((int) all / 2).substring(0, 10);
        List<Query> queries = List.of(
                new Query("LIST login_user (100 rows)", "{\"login_user\":{\"LIST\":[\"user-7\"]}}",
                        "login_user IN (?)", List.of("user-7")),
                new Query("NORMAL host_name (10 rows)", "{\"host_name\":{\"NORMAL\":\"" + hosts + "\"}}",
                        "host_name LIKE ?", List.of("%" + hosts + "%")),
                new Query("RANGE port_no (150 rows)", "{\"port_no\":{\"RANGE\":{\"START\":\"1000\",\"END\":\"1099\"}}}",
                        "port_no >= ? AND port_no <= ?", List.of(1000, 1099)));
        try (Connection db = connect()) {
            // The answers agree before anything is timed.
            for (Query query : queries) {
                long apiCount = count(send("POST", path + "count/", query.conditions(), manager));
                List<String> apiIds = ids(send("POST", path, query.conditions(), manager));
                List<String> sqlIds = sqlRows(db, query);
                if (apiCount != sqlCount(db, query) || !apiIds.equals(sqlIds) || apiIds.isEmpty()) {
                    throw new IllegalStateException(query.name() + ": jita answers " + apiCount + " / " + apiIds.size()
                            + " records, the plain table " + sqlIds.size());
                }
            }
            System.out.printf(Locale.ROOT, "answers agree; the sheet holds %,d records%n", all);

            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                for (int k = 0; k < queries.size(); k++) {
                    Query query = queries.get((k + round) % queries.size());
                    List<Map.Entry<String, Callable>> contenders = List.of(
                            Map.entry(query.name() + " | api count", () -> send("POST", path + "count/", query.conditions(), manager)),
                            Map.entry(query.name() + " | sql count", () -> sqlCount(db, query)),
                            Map.entry(query.name() + " | api filter", () -> send("POST", path, query.conditions(), manager)),
                            Map.entry(query.name() + " | sql filter", () -> sqlRows(db, query)));
                    for (int c = 0; c < contenders.size(); c++) {
                        Map.Entry<String, Callable> contender = contenders.get((c + round) % contenders.size());
                        long t = System.nanoTime();
                        contender.getValue().call();
                        double ms = (System.nanoTime() - t) / 1e6;
                        if (measured) {
                            times.computeIfAbsent(contender.getKey(), x -> new ArrayList<>()).add(ms);
                        }
                    }
                }
                List<Double> floor = times.computeIfAbsent(FLOOR, x -> new ArrayList<>());
                long t = System.nanoTime();
                send("POST", path + "count/", "{\"login_user\":{\"LIST\":[]}}", manager);
                if (measured) {
                    floor.add((System.nanoTime() - t) / 1e6);
                }
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "%-48s %9s %9s %9s%n", "ms (" + rounds + " rounds)", "median", "min", "max");
            times.forEach((name, list) -> System.out.printf(Locale.ROOT, "%-48s %9.2f %9.2f %9.2f%n", name, median(list),
                    list.stream().mapToDouble(d -> d).min().orElse(0), list.stream().mapToDouble(d -> d).max().orElse(0)));
            System.out.println();
            boolean pass = true;
            for (Query query : queries) {
                for (String kind : List.of("count", "filter")) {
                    double ratio = median(times.get(query.name() + " | api " + kind)) / median(times.get(query.name() + " | sql " + kind));
                    double net = (median(times.get(query.name() + " | api " + kind)) - median(times.get(FLOOR)))
                            / median(times.get(query.name() + " | sql " + kind));
                    pass &= ratio <= 3;
                    System.out.printf(Locale.ROOT, "%-32s api / sql %-6s %6.2f   (less the floor: %6.2f)%n", query.name(), kind,
                            ratio, net);
                }
            }
            System.out.println("goal: every api within 3x of its sql: " + (pass ? "PASS" : "MISS"));
        }
    }

    @FunctionalInterface
    private interface Callable {
        Object call() throws Exception;
    }

    private static long sqlCount(Connection db, Query query) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT COUNT(*) FROM bench_plain WHERE " + query.where())) {
            bind(select, query.params());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> sqlRows(Connection db, Query query) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT record_id, host_name, login_user, port_no, created_at "
                + "FROM bench_plain WHERE " + query.where() + " ORDER BY created_at, record_id")) {
            bind(select, query.params());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(args.get("jdbc-url"), args.getOrDefault("jdbc-user", ""),
                args.getOrDefault("jdbc-password", ""));
    }

    // ------------------------------------------------------------------ HTTP

    private static String manager() {
        return basic("bench-manager", "bench-manager-pass");
    }

    private HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(args.get("base-url") + path))
                .timeout(Duration.ofMinutes(5)).header("Authorization", auth);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response;
    }

    private static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static long count(HttpResponse<String> response) {
        Matcher matcher = COUNT.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no count in " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }

    private static List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = UUID_FIELD.matcher(response.body());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
