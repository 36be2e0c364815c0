import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Menu writes per second (POST .../menu/operation_list/maintenance/, one record each) by many concurrent clients on
 * two jita nodes of the same database: one with the load-mode guard (as always), one started without it
 * (jita.maintenance.bench-unguarded-writes). Rounds alternate between them, order rotated; medians and ratios.
 * Then checks that load mode ON refuses the guarded node's writes. Run by bench/write-guard.sh.
 */
public class WriteGuardBench {

    private static final String MODES = "/api/platform/maintenance-mode-setting";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String guardedBase;
    private final String unguardedBase;
    private final String admin;
    private final String manager = basic("bench-manager", "bench-manager-pass");
    private final String org = "bench";

    WriteGuardBench(Map<String, String> args) {
        guardedBase = args.get("guarded-url");
        unguardedBase = args.get("unguarded-url");
        admin = basic(args.get("user"), args.get("password"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            args.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new WriteGuardBench(args).run(Integer.parseInt(args.getOrDefault("clients", "50")),
                Integer.parseInt(args.getOrDefault("seconds", "5")),
                Integer.parseInt(args.getOrDefault("warmup", "2")),
                Integer.parseInt(args.getOrDefault("rounds", "9")));
    }

    void run(int clients, int seconds, int warmup, int rounds) throws Exception {
        String body = "{\"id\":\"" + org + "\",\"name\":\"bench\",\"organization_managers\":[{\"username\":\"bench-manager\","
                + "\"email\":\"m@example.com\",\"credentials\":[{\"type\":\"password\",\"value\":\"bench-manager-pass\"}],"
                + "\"enabled\":true}]}";
        expect(send("POST", guardedBase + "/api/platform/organizations", body, admin), 200, "create the organization");
        expect(send("POST", guardedBase + "/api/" + org + "/platform/workspaces", "{\"id\":\"ws1\",\"name\":\"ws1\"}", manager),
                200, "create the workspace");

        // One request per node first: its credential cache then spares the concurrent clients the password check.
        for (String base : new String[] {guardedBase, unguardedBase}) {
            expect(send("GET", base + "/api/" + org + "/workspaces/ws1/ita/menu/operation_list/filter/count/", null, manager),
                    200, "a first request");
        }
        System.out.printf(Locale.ROOT, "%d clients, %d s per contender and round, %d warm-up and %d measured rounds%n",
                clients, seconds, warmup, rounds);
        String[] names = {"guarded", "unguarded"};
        String[] bases = {guardedBase, unguardedBase};
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        List<Double> roundRatios = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            double[] rate = new double[2];
            for (int k = 0; k < 2; k++) {
                int c = (round + k) % 2;
                rate[c] = load(bases[c], names[c] + "-r" + round, clients, seconds);
            }
            boolean measured = round >= warmup;
            System.out.printf(Locale.ROOT, "%s %2d: guarded %7.1f/s, unguarded %7.1f/s, ratio %.3f%n",
                    measured ? "round " : "warm-up", measured ? round - warmup + 1 : round + 1, rate[0], rate[1], rate[0] / rate[1]);
            if (measured) {
                rates.get(0).add(rate[0]);
                rates.get(1).add(rate[1]);
                roundRatios.add(rate[0] / rate[1]);
            }
        }
        checkGuard();

        System.out.println();
        System.out.println("writes per second  median      min      p25      p75      max");
        for (int c = 0; c < 2; c++) {
            double[] sorted = rates.get(c).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-16s %8.1f %8.1f %8.1f %8.1f %8.1f%n", names[c], quantile(sorted, 0.5),
                    sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.75), sorted[sorted.length - 1]);
        }
        double ratio = median(rates.get(0)) / median(rates.get(1));
        double perRound = median(roundRatios);
        System.out.printf(Locale.ROOT, "guarded / unguarded: %.3f (medians), %.3f (median of per-round ratios)%n", ratio, perRound);
        System.out.printf(Locale.ROOT, "goal: guarded / unguarded at least 0.9: %s%n", perRound >= 0.9 ? "PASS" : "MISS");
    }

    /** {@code clients} threads writing one record per request for {@code seconds}; writes answered 200 per second. */
    private double load(String base, String prefix, int clients, int seconds) throws Exception {
        String url = base + "/api/" + org + "/workspaces/ws1/ita/menu/operation_list/maintenance/";
        AtomicLong done = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    for (int i = 0; System.nanoTime() < window[1] && failure.get() == null; i++) {
                        String record = "{\"parameter\":{\"operation_name\":\"" + prefix + "-" + thread + "-" + i
                                + "\",\"scheduled_date_for_execution\":\"2026/12/01 10:00:00\"}}";
                        HttpResponse<String> reply = send("POST", url, record, manager);
                        if (reply.statusCode() != 200) {
                            failure.compareAndSet(null, reply.statusCode() + " " + reply.body());
                        } else if (System.nanoTime() < window[1]) {
                            done.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e.toString());
                }
            });
            worker.start();
            threads.add(worker);
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + Duration.ofSeconds(seconds).toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a write on " + base + " failed: " + failure.get());
        }
        return done.get() / (seconds * 1.0);
    }

    /** Load mode ON refuses the guarded node's write with 498; the unguarded node, which ignores it, writes. */
    private void checkGuard() throws Exception {
        expect(send("PATCH", guardedBase + MODES, "{\"data_update_stop\":\"1\"}", admin), 200, "load mode ON");
        String url = "/api/" + org + "/workspaces/ws1/ita/menu/operation_list/maintenance/";
        String record = "{\"parameter\":{\"operation_name\":\"during-load-mode-%s\"}}";
        int guarded = send("POST", guardedBase + url, record.formatted("guarded"), manager).statusCode();
        int unguarded = send("POST", unguardedBase + url, record.formatted("unguarded"), manager).statusCode();
        expect(send("PATCH", guardedBase + MODES, "{\"data_update_stop\":\"0\"}", admin), 200, "load mode OFF");
        System.out.printf(Locale.ROOT, "in load mode: guarded node answered %d, unguarded node %d%n", guarded, unguarded);
        if (guarded != 498) {
            throw new IllegalStateException("the guarded node wrote in load mode: " + guarded);
        }
    }

    private HttpResponse<String> send(String method, String url, String body, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> reply, int status, String what) {
        if (reply.statusCode() != status) {
            throw new IllegalStateException(what + ": " + reply.statusCode() + " " + reply.body());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
