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
 * The client of bench/export.sh (Java 17 source-file mode, the database's JDBC driver on the class path).
 * Arguments are key=value; the first is the step:
 * <ul>
 * <li>{@code setup}: creates the organization "bench" and its workspace "ws1" through jita's API;</li>
 * <li>{@code load}: writes the menu's records straight into menu_record and its value index menu_value, as jita
 *     writes them;</li>
 * <li>{@code measure}: times a menu export and an Excel export of the menu (each from its request until its job
 *     ends), each beside a streaming JDBC read of the same stored rows, interleaved in one run, and prints rows/s
 *     and the ratios.</li>
 * </ul>
 */
public class ExportBench {

    private static final Pattern COUNT = Pattern.compile("\"data\"\\s*:\\s*(\\d+)");
    private static final Pattern EXECUTION_NO = Pattern.compile("\"execution_no\"\\s*:\\s*\"([^\"]+)\"");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS");
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final int BATCH = 1_000;
    private static final String MENU_LIST = "menu_export_import_list";
    private static final String EXCEL_LIST = "bulk_excel_export_import_list";

    private final Map<String, String> args;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ExportBench(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        ExportBench bench = new ExportBench(args);
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
        send("POST", "/api/platform/organizations", body, admin);
        send("POST", "/api/bench/platform/workspaces", "{\"id\":\"ws1\",\"name\":\"ws1\"}", manager());
    }

    // ------------------------------------------------------------------ load

    private void load() throws SQLException {
        int records = Integer.parseInt(args.getOrDefault("records", "100000"));
        String menu = args.getOrDefault("menu", "device_list");
        long started = System.nanoTime();
        String insertRecord = "INSERT INTO menu_record (record_id, menu_name, organization_id, workspace_id, discard, "
                + "record_data, created_by, created_at, last_update_user, last_update_timestamp) "
                + "VALUES (?, ?, 'bench', 'ws1', '0', ?, 'bench', ?, 'bench', ?)";
        try (Connection db = connect(); Connection copyDb = args.containsKey("plain-url")
                ? DriverManager.getConnection(args.get("plain-url"), "sa", "") : null) {
            db.setAutoCommit(false);
            if (copyDb != null) {
                // H2: jita holds its database file, so the streaming read reads the same rows from a copy of its own.
                try (Statement ddl = copyDb.createStatement()) {
                    ddl.execute("CREATE TABLE menu_record (record_id VARCHAR(36) NOT NULL PRIMARY KEY, "
                            + "menu_name VARCHAR(255) NOT NULL, organization_id VARCHAR(36) NOT NULL, "
                            + "workspace_id VARCHAR(36) NOT NULL, discard VARCHAR(1) NOT NULL, record_data CLOB NOT NULL, "
                            + "created_by VARCHAR(64), created_at TIMESTAMP(6) NOT NULL, last_update_user VARCHAR(64), "
                            + "last_update_timestamp TIMESTAMP(6) NOT NULL)");
                    ddl.execute("CREATE INDEX ix_copy ON menu_record (organization_id, workspace_id, menu_name, "
                            + "created_at, record_id)");
                }
                copyDb.setAutoCommit(false);
            }
            try (PreparedStatement record = db.prepareStatement(insertRecord);
                 PreparedStatement copy = copyDb == null ? null : copyDb.prepareStatement(insertRecord);
                 PreparedStatement value = db.prepareStatement("INSERT INTO menu_value (record_id, column_key, "
                         + "value_key, value_num) VALUES (?, ?, ?, ?)")) {
                Map<String, Long> keys = new HashMap<>();
                for (int i = 0; i < records; i++) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("host_name", String.format(Locale.ROOT, "host-%06d", i));
                    data.put("ip_address", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
                    data.put("login_user", "user-" + i % 1000);
                    data.put("port_no", i % 65_536);
                    data.put("connection_type", "ssh");
                    String id = UUID.randomUUID().toString();
                    LocalDateTime at = START.plusNanos(i * 1_000L);
                    StringBuilder json = new StringBuilder("{");
                    data.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
                            .append("\":").append(v instanceof Number ? v.toString() : "\"" + v + "\""));
                    record.setString(1, id);
                    record.setString(2, menu);
                    record.setString(3, json.append('}').toString());
                    record.setTimestamp(4, Timestamp.valueOf(at));
                    record.setTimestamp(5, Timestamp.valueOf(at));
                    record.addBatch();
                    if (copy != null) {
                        copy.setString(1, id);
                        copy.setString(2, menu);
                        copy.setString(3, json.toString());
                        copy.setTimestamp(4, Timestamp.valueOf(at));
                        copy.setTimestamp(5, Timestamp.valueOf(at));
                        copy.addBatch();
                    }
                    Map<String, Object> values = new LinkedHashMap<>(data);
                    values.put("discard", "0");
                    values.put("last_update_date_time", STAMP.format(at));
                    values.put("last_updated_user", "bench");
                    for (Map.Entry<String, Object> entry : values.entrySet()) {
                        value.setString(1, id);
                        value.setLong(2, keys.computeIfAbsent(entry.getKey(), c -> columnKey(menu, c)));
                        value.setString(3, String.valueOf(entry.getValue()));
                        value.setBigDecimal(4, entry.getValue() instanceof Number number
                                ? new BigDecimal(number.toString()) : null);
                        value.addBatch();
                    }
                    if ((i + 1) % BATCH == 0 || i + 1 == records) {
                        record.executeBatch();
                        value.executeBatch();
                        db.commit();
                        if (copy != null) {
                            copy.executeBatch();
                            copyDb.commit();
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "loaded %,d records of %s in %.0f s%n", records, menu,
                (System.nanoTime() - started) / 1e9);
    }

    /** As jita's MenuStore.columnKey: the first 64 bits of the SHA-256 of the names, each followed by a zero byte. */
    private static long columnKey(String menu, String column) {
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
    }

    // ------------------------------------------------------------------ measure

    private void measure() throws Exception {
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
        String menu = args.getOrDefault("menu", "device_list");
        String menus = "/api/bench/workspaces/ws1/ita/menu/";
        String manager = manager();
        long all = count(send("GET", menus + menu + "/filter/count/", null, manager));
        try (Connection db = args.containsKey("stream-url")
                ? DriverManager.getConnection(args.get("stream-url"), "sa", "") : connect()) {
            long streamed = stream(db, menu);
            if (streamed != all) {
                throw new IllegalStateException("jita counts " + all + " records, the streaming read " + streamed);
            }
            System.out.printf(Locale.ROOT, "the menu %s holds %,d records; %d rounds, the order rotated each round%n",
                    menu, all, rounds);
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                List<Map.Entry<String, Callable>> contenders = List.of(
                        Map.entry("stream (JDBC)", () -> stream(db, menu)),
                        Map.entry("menu export", () -> job(menus + "bulk/export/execute/", "{\"mode\":\"1\","
                                + "\"abolished_type\":\"1\",\"journal_type\":\"2\",\"menu\":[\"" + menu + "\"]}",
                                menus + MENU_LIST)),
                        Map.entry("excel export", () -> job("/api/bench/workspaces/ws1/ita/excel/bulk/export/execute/",
                                "{\"abolished_type\":\"1\",\"menu\":[\"" + menu + "\"]}", menus + EXCEL_LIST)));
                for (int c = 0; c < contenders.size(); c++) {
                    Map.Entry<String, Callable> contender = contenders.get((c + round) % contenders.size());
                    long t = System.nanoTime();
                    contender.getValue().call();
                    seconds.computeIfAbsent(contender.getKey(), x -> new ArrayList<>()).add((System.nanoTime() - t) / 1e9);
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %12s%n", "", "median s", "min s", "max s", "rows/s");
            seconds.forEach((name, list) -> System.out.printf(Locale.ROOT, "%-16s %10.2f %10.2f %10.2f %,12.0f%n", name,
                    median(list), list.stream().mapToDouble(d -> d).min().orElse(0),
                    list.stream().mapToDouble(d -> d).max().orElse(0), all / median(list)));
            System.out.println();
            double stream = median(seconds.get("stream (JDBC)"));
            for (String name : List.of("menu export", "excel export")) {
                System.out.printf(Locale.ROOT, "%-16s / stream: %6.1f (time ratio)%n", name, median(seconds.get(name)) / stream);
            }
        }
    }

    @FunctionalInterface
    private interface Callable {
        Object call() throws Exception;
    }

    /**
     * The menu's stored rows in the order an export pages through them, read with a cursor and each record's JSON
     * parsed into a map (what any export must do at least); how many.
     */
    private static long stream(Connection db, String menu) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        long rows = 0;
        long chars = 0;
        try (PreparedStatement select = db.prepareStatement("SELECT record_id, discard, record_data, created_at, "
                + "last_update_user, last_update_timestamp FROM menu_record WHERE organization_id = 'bench' "
                + "AND workspace_id = 'ws1' AND menu_name = ? ORDER BY created_at, record_id")) {
            select.setFetchSize(1_000);
            select.setString(1, menu);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    chars += rs.getString(1).length() + rs.getString(2).length() + parse(rs.getString(3)).size()
                            + rs.getTimestamp(4).getNanos() % 2 + rs.getString(5).length()
                            + rs.getTimestamp(6).getNanos() % 2;
                    rows++;
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(auto);
        }
        return chars < 0 ? -1 : rows;
    }

    /** A flat JSON object of strings and numbers, as the loader writes them. */
    private static Map<String, String> parse(String json) {
        Map<String, String> map = new HashMap<>();
        for (String pair : json.substring(1, json.length() - 1).split(",")) {
            int colon = pair.indexOf(':');
            map.put(pair.substring(1, colon - 1), pair.substring(colon + 1));
        }
        return map;
    }

    /** Registers the job and waits until its row in the list says it ended; fails unless Completed. */
    private Object job(String path, String body, String list) throws Exception {
        Matcher matcher = EXECUTION_NO.matcher(send("POST", path, body, manager()).body());
        if (!matcher.find()) {
            throw new IllegalStateException("no execution_no from " + path);
        }
        String no = matcher.group(1);
        Pattern row = Pattern.compile("\"execution_no\"\\s*:\\s*\"" + Pattern.quote(no) + "\"[^}]*?\"status\"\\s*:\\s*\"([^\"]*)\"");
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            String answer = send("POST", list + "/filter/", "{\"execution_no\":{\"LIST\":[\"" + no + "\"]}}", manager()).body();
            Matcher status = row.matcher(answer);
            if (status.find() && status.group(1).startsWith("Completed")) {
                if (!status.group(1).equals("Completed")) {
                    throw new IllegalStateException(path + " job " + no + " ended " + status.group(1));
                }
                return no;
            }
            if (!status.find(0) && !answer.contains(no)) {
                throw new IllegalStateException("job " + no + " is not in " + list + ": " + answer);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("job " + no + " did not end in 30 minutes");
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

    private static long count(HttpResponse<String> response) {
        Matcher matcher = COUNT.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no count in " + response.body());
        }
        return Long.parseLong(matcher.group(1));
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
