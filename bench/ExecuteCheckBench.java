import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measuring client of bench/execute-check.sh (Java 17 source-file mode, PostgreSQL driver on the class
 * path). Times, interleaved round-robin so that machine noise hits every contender alike:
 *
 *   api   GET /api/ita/backyard-execute-check/ with Basic auth, whole body read
 *   a     one hand-written SQL statement that builds the same JSON in the database
 *   b     the per-workspace-per-type algorithm: one small query per workspace and backyard
 *   floor GET /api/platform/maintenance-mode-setting: an authenticated request doing almost nothing, so
 *         that the cost of HTTP + Basic auth (bcrypt) can be told apart from the endpoint's own work
 *
 * Usage: java -cp postgresql.jar ExecuteCheckBench.java key=value...
 *   base-url, user, password     jita and its system administrator
 *   jdbc-url, db-user, db-password
 *   expect-running, expect-counted   what the loader inserted (all running items / the counted ones)
 *   warmup (7), rounds (31)
 * Exit 0 after measuring (a missed goal is a result, not a failure); 1 when a check of the answers fails.
 */
public class ExecuteCheckBench {

    /** The seven backyards and their running statuses, as in dev.jita.backyard.Backyard / StatusTable. */
    static final Map<String, int[]> RUNNING = new LinkedHashMap<>();

    static {
        RUNNING.put("ita-by-ansible-execute", new int[] {2, 3, 4});
        RUNNING.put("ita-by-terraform-cloud-ep-execute", new int[] {2, 3, 4});
        RUNNING.put("ita-by-terraform-cli-execute", new int[] {2, 3, 4});
        RUNNING.put("ita-by-menu-create", new int[] {2});
        RUNNING.put("ita-by-menu-export-import", new int[] {2});
        RUNNING.put("ita-by-excel-export-import", new int[] {2});
        RUNNING.put("ita-by-conductor-synchronize", new int[] {3, 4, 5});
    }

    /**
     * (a): the whole answer built by PostgreSQL in one statement, the same JSON as the API's data (checked
     * equal when written). The 1,000 running items are found through ix_item_running, grouped per workspace
     * and backyard, and each workspace gets its seven backyards in name order, an empty list where it has
     * none; counts leave conductor out; then nested by organization. (Building the seven lists through a
     * cross join of workspaces and backyards instead gives the same answer in about twice the time.)
     */
    static final String AGGREGATE = """
            WITH by (backyard, status_table, counted) AS (VALUES
                    ('ita-by-ansible-execute', 'execution', true),
                    ('ita-by-terraform-cloud-ep-execute', 'execution', true),
                    ('ita-by-terraform-cli-execute', 'execution', true),
                    ('ita-by-menu-create', 'menu_create', true),
                    ('ita-by-menu-export-import', 'export_import', true),
                    ('ita-by-excel-export-import', 'export_import', true),
                    ('ita-by-conductor-synchronize', 'conductor', false)),
                 r AS (
                    SELECT i.organization_id, i.workspace_id, i.backyard, b.counted, i.registered_at, i.item_id,
                           json_build_object('id', i.item_id,
                               'last_update_timestamp', to_char(i.last_update_timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                               'status_id', i.status_id::text,
                               'status_name', coalesce(s.status_name_en, i.status_id::text)) AS entry
                    FROM backyard_item i
                    JOIN by b ON b.backyard = i.backyard
                    LEFT JOIN backyard_status s ON s.status_table = b.status_table AND s.status_id = i.status_id
                    WHERE i.phase = 'R'),
                 wb AS (
                    SELECT organization_id, workspace_id, backyard, count(*) FILTER (WHERE counted) AS n,
                           json_agg(entry ORDER BY registered_at, item_id) AS items
                    FROM r GROUP BY organization_id, workspace_id, backyard),
                 ws AS (
                    SELECT w.organization_id, w.workspace_id, coalesce(sum(wb.n), 0) AS n,
                           json_build_object(
                               'ita-by-ansible-execute', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-ansible-execute'))[1], '[]'::json),
                               'ita-by-conductor-synchronize', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-conductor-synchronize'))[1], '[]'::json),
                               'ita-by-excel-export-import', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-excel-export-import'))[1], '[]'::json),
                               'ita-by-menu-create', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-menu-create'))[1], '[]'::json),
                               'ita-by-menu-export-import', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-menu-export-import'))[1], '[]'::json),
                               'ita-by-terraform-cli-execute', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-terraform-cli-execute'))[1], '[]'::json),
                               'ita-by-terraform-cloud-ep-execute', coalesce((array_agg(wb.items) FILTER (WHERE wb.backyard = 'ita-by-terraform-cloud-ep-execute'))[1], '[]'::json)
                           ) AS backyards
                    FROM workspace w
                    LEFT JOIN wb ON wb.organization_id = w.organization_id AND wb.workspace_id = w.workspace_id
                    GROUP BY w.organization_id, w.workspace_id),
                 org AS (
                    SELECT o.organization_id, coalesce(sum(ws.n), 0) AS n,
                           coalesce(json_agg(json_build_object('id', ws.workspace_id, 'execute_count', ws.n,
                                                               'backyards', ws.backyards) ORDER BY ws.workspace_id)
                                    FILTER (WHERE ws.workspace_id IS NOT NULL), '[]'::json) AS workspaces
                    FROM organization o LEFT JOIN ws ON ws.organization_id = o.organization_id
                    GROUP BY o.organization_id)
            SELECT json_build_object('execute_count', coalesce(sum(n), 0),
                       'organizations', coalesce(json_agg(json_build_object('id', organization_id, 'execute_count', n,
                                                          'workspaces', workspaces) ORDER BY organization_id), '[]'::json))::text
            FROM org
            """;

    static final Pattern EXECUTE_COUNT = Pattern.compile("\"execute_count\"\\s*:\\s*(\\d+)");
    static final Pattern STATUS_NAME = Pattern.compile("\"status_name\"\\s*:");

    final Map<String, String> args;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final HttpRequest apiRequest;
    final HttpRequest floorRequest;
    final Connection aConnection;
    final PreparedStatement aggregate;
    final Connection bConnection;
    final PreparedStatement perWorkspaceOne;
    final PreparedStatement perWorkspaceThree;
    final List<String[]> workspaces = new ArrayList<>();

    ExecuteCheckBench(Map<String, String> args) throws SQLException {
        this.args = args;
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (arg("user") + ":" + arg("password")).getBytes(StandardCharsets.UTF_8));
        String base = arg("base-url");
        apiRequest = HttpRequest.newBuilder(URI.create(base + "/api/ita/backyard-execute-check/"))
                .header("Authorization", auth).timeout(Duration.ofMinutes(2)).GET().build();
        floorRequest = HttpRequest.newBuilder(URI.create(base + "/api/platform/maintenance-mode-setting"))
                .header("Authorization", auth).timeout(Duration.ofMinutes(2)).GET().build();
        // One connection per contender, kept for the whole run, as a pooled server would.
        aConnection = connect();
        aggregate = aConnection.prepareStatement(AGGREGATE);
        bConnection = connect();
        String perWorkspace = "SELECT item_id, status_id, last_update_timestamp FROM backyard_item "
                + "WHERE organization_id = ? AND workspace_id = ? AND backyard = ? AND status_id IN ";
        perWorkspaceOne = bConnection.prepareStatement(perWorkspace + "(?)");
        perWorkspaceThree = bConnection.prepareStatement(perWorkspace + "(?, ?, ?)");
        // (b) walks the workspaces it knows, as the original walks its workspace databases; listing them is
        // done once, outside the timing, which only favours (b).
        try (PreparedStatement list = bConnection.prepareStatement(
                "SELECT organization_id, workspace_id FROM workspace ORDER BY organization_id, workspace_id");
             ResultSet rs = list.executeQuery()) {
            while (rs.next()) {
                workspaces.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(arg("jdbc-url"), arg("db-user"), args.getOrDefault("db-password", ""));
    }

    String arg(String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + name + "=...");
        }
        return value;
    }

    // ---- the contenders; each returns its answer so that the work cannot be skipped and can be checked ----

    String api() throws Exception {
        return get(apiRequest);
    }

    String floor() throws Exception {
        return get(floorRequest);
    }

    String get(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    String aggregate() throws SQLException {
        try (ResultSet rs = aggregate.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Returns the number of running items found (7,000 queries). */
    int perWorkspace() throws SQLException {
        int found = 0;
        for (String[] workspace : workspaces) {
            for (Map.Entry<String, int[]> backyard : RUNNING.entrySet()) {
                int[] statuses = backyard.getValue();
                PreparedStatement ps = statuses.length == 1 ? perWorkspaceOne : perWorkspaceThree;
                ps.setString(1, workspace[0]);
                ps.setString(2, workspace[1]);
                ps.setString(3, backyard.getKey());
                for (int i = 0; i < statuses.length; i++) {
                    ps.setInt(4 + i, statuses[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rs.getInt(2);
                        rs.getTimestamp(3);
                        found++;
                    }
                }
            }
        }
        return found;
    }

    // ---- checks, once before timing ----

    boolean verify() throws Exception {
        int expectRunning = Integer.parseInt(arg("expect-running"));
        int expectCounted = Integer.parseInt(arg("expect-counted"));
        String api = api();
        String a = aggregate();
        int b = perWorkspace();
        floor();
        boolean ok = true;
        ok &= check("api answers 200 with execute_count = " + expectCounted, firstCount(api) == expectCounted,
                "execute_count " + firstCount(api));
        ok &= check("api lists " + expectRunning + " running items", count(STATUS_NAME, api) == expectRunning,
                count(STATUS_NAME, api) + " items");
        ok &= check("(a) reports execute_count = " + expectCounted, firstCount(a) == expectCounted,
                "execute_count " + firstCount(a));
        ok &= check("(a) lists " + expectRunning + " running items", count(STATUS_NAME, a) == expectRunning,
                count(STATUS_NAME, a) + " items");
        ok &= check("(b) finds " + expectRunning + " running items", b == expectRunning, b + " items");
        ok &= check("(a) is the API's data, byte for byte once whitespace is taken out",
                compact(dataOf(api)).equals(compact(a)), "they differ");
        System.out.printf("answer sizes: api %,d bytes (envelope included), (a) %,d bytes%n",
                api.getBytes(StandardCharsets.UTF_8).length, a.getBytes(StandardCharsets.UTF_8).length);
        return ok;
    }

    static boolean check(String what, boolean passed, String actual) {
        System.out.println("check: " + what + ": " + (passed ? "ok" : "FAILED (" + actual + ")"));
        return passed;
    }

    /** The envelope's data: Jackson writes the record's components in order, data last. */
    static String dataOf(String body) {
        int start = body.indexOf("\"data\":");
        return start < 0 ? "" : body.substring(start + 7, body.lastIndexOf('}'));
    }

    /** JSON without the whitespace between tokens (PostgreSQL writes "a" : 1, Jackson "a":1). */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first execute_count of an answer is the total: it precedes the organizations in both shapes. */
    static long firstCount(String json) {
        Matcher m = EXECUTE_COUNT.matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---- measuring ----

    interface Task {
        Object run() throws Exception;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value, got " + a);
            }
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        ExecuteCheckBench bench = new ExecuteCheckBench(args);
        if (!bench.verify()) {
            System.out.println("the answers disagree with the data set; no measurement");
            System.exit(1);
        }
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "7"));
        int rounds = Integer.parseInt(args.getOrDefault("rounds", "31"));

        String[] names = {"api", "a", "b", "floor"};
        Task[] tasks = {bench::api, bench::aggregate, bench::perWorkspace, bench::floor};
        double[][] ms = new double[names.length][rounds];
        System.out.printf("measuring: %d warm-up + %d measured rounds, each round one of each (%s), "
                + "the order rotated per round%n", warmup, rounds, String.join(", ", names));
        for (int round = -warmup; round < rounds; round++) {
            for (int k = 0; k < names.length; k++) {
                // Rotate who goes first, so that no contender always follows the same one.
                int t = Math.floorMod(k + round, names.length);
                long start = System.nanoTime();
                Object result = tasks[t].run();
                long elapsed = System.nanoTime() - start;
                if (result == null) {
                    throw new IllegalStateException(names[t] + " returned nothing");
                }
                if (round >= 0) {
                    ms[t][round] = elapsed / 1e6;
                }
            }
            if (round >= 0 && (round + 1) % 10 == 0) {
                System.out.printf("  %d/%d rounds%n", round + 1, rounds);
            }
        }

        System.out.println();
        System.out.printf("%-6s %10s %10s %10s %10s   %s%n", "", "median ms", "min", "p25", "p75", "what");
        String[] what = {
                "GET /api/ita/backyard-execute-check/ (HTTP + Basic auth + 3 queries + JSON)",
                "one SQL statement building the same JSON",
                "7,000 small queries (1,000 workspaces x 7 backyards), one connection",
                "GET /api/platform/maintenance-mode-setting (HTTP + Basic auth floor)"};
        double[] median = new double[names.length];
        for (int t = 0; t < names.length; t++) {
            double[] s = ms[t].clone();
            Arrays.sort(s);
            median[t] = quantile(s, 0.5);
            System.out.printf("%-6s %10.2f %10.2f %10.2f %10.2f   %s%n", names[t], median[t], s[0],
                    quantile(s, 0.25), quantile(s, 0.75), what[t]);
        }
        double apiOverA = median[0] / median[1];
        double bOverApi = median[2] / median[0];
        System.out.println();
        System.out.printf("api / a   = %8.2f   (median of per-round ratios %.2f)%n", apiOverA, pairedMedian(ms[0], ms[1]));
        System.out.printf("b / api   = %8.2f   (median of per-round ratios %.2f)%n", bOverApi, pairedMedian(ms[2], ms[0]));
        System.out.printf("api - floor = %6.2f ms   (the endpoint's own work, auth and HTTP taken out)%n",
                median[0] - median[3]);
        System.out.printf("goal: api within 2x of (a)            : %s (%.2fx)%n", apiOverA <= 2 ? "PASS" : "MISS", apiOverA);
        System.out.printf("goal: api at least 50x faster than (b): %s (%.1fx)%n", bOverApi >= 50 ? "PASS" : "MISS", bOverApi);
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** Ratios taken within each round are the least sensitive to noise that drifts over the run. */
    static double pairedMedian(double[] numerator, double[] denominator) {
        double[] r = new double[numerator.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = numerator[i] / denominator[i];
        }
        Arrays.sort(r);
        return quantile(r, 0.5);
    }
}
