package dev.jita.drivers.terraform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Terraform Cloud / Terraform Enterprise API v2, for tests only: a real TFC is outside
 * this machine. It serves the calls the Cloud/EP driver makes (see docs/decisions.md, "Fake Terraform Cloud
 * (tests)") on 127.0.0.1 with JSON:API bodies, and lets a test shape the scenario: organizations and
 * workspaces, a failing plan, a passing or failing policy, phase durations, and injected faults.
 *
 * <p>Runs advance by time: their status is computed from their start on every request, never by a background
 * thread, so a test waits only as long as the phases it configured. {@link #clock(Clock)} with a
 * {@link ManualClock} makes the timeline fully deterministic.
 *
 * <p>Faults ({@link #fail}, {@link #hang}, {@link #malformed}) match a method and a regular expression over the
 * whole path (without the query); the first matching fault with uses left applies, and the request is then not
 * carried out (a hang carries it out after its delay).
 *
 * <p>Every request is recorded ({@link #requests()}) so a test can assert the call order, what was sent and
 * that the token travelled only in {@code Authorization} headers ({@link #requestsLeakingToken()}).
 */
public final class FakeTerraformCloud implements AutoCloseable {

    public static final String JSON_API = "application/vnd.api+json";
    public static final Duration DEFAULT_PHASE = Duration.ofSeconds(1);
    /** The Terraform version the logs and the state name. */
    public static final String TERRAFORM_VERSION = "1.9.5";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 100;

    /** Whether a workspace's runs get a policy check, and its result. */
    public enum Policy { NONE, PASS, FAIL }

    /** What a {@link #malformed} answer looks like: not JSON at all, or JSON without the expected members. */
    public enum Malformation { NOT_JSON, WRONG_SHAPE }

    /** One request as it arrived (headers with lower-case names). */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** "METHOD /path" (without the query), handy to assert a call order. */
        public String line() {
            return method + " " + path;
        }
    }

    /** A workspace variable as the fake holds it (the value in clear, even when sensitive). */
    public record Variable(String id, String key, String value, String category, boolean hcl, boolean sensitive) {
    }

    /** A clock a test moves by hand; thread-safe. */
    public static final class ManualClock extends Clock {
        private volatile Instant now;

        public ManualClock() {
            this(Instant.parse("2026-01-01T00:00:00Z"));
        }

        public ManualClock(Instant start) {
            now = start;
        }

        public synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the fake's clock is UTC");
        }
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Clock clock = Clock.systemUTC();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final AtomicInteger stateVersionSequence = new AtomicInteger();

    // All state below is guarded by "this".
    private final Map<String, Organization> organizations = new LinkedHashMap<>();
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, String> variableWorkspace = new LinkedHashMap<>();
    private final Map<String, ConfigurationVersion> configurationVersions = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, Run> runsByPlan = new LinkedHashMap<>();
    private final Map<String, Run> runsByApply = new LinkedHashMap<>();
    private final Map<String, Run> runsByPolicyCheck = new LinkedHashMap<>();
    private final Map<String, ConfigurationVersion> uploads = new LinkedHashMap<>();
    private final Map<String, LogRef> logs = new LinkedHashMap<>();
    private final List<StateVersion> stateVersions = new ArrayList<>();
    private final Map<String, StateVersion> stateDownloads = new LinkedHashMap<>();

    private FakeTerraformCloud(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-tfc-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake with a random token. */
    public static FakeTerraformCloud start() throws IOException {
        return start("fake-tfc-token-" + secret());
    }

    public static FakeTerraformCloud start(String token) throws IOException {
        return new FakeTerraformCloud(token);
    }

    public String token() {
        return token;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:<port>/api/v2} */
    public String apiUrl() {
        return baseUrl() + "/api/v2";
    }

    /** Replaces the clock runs are timed with (a {@link ManualClock} makes a test deterministic). */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- scenario -------------------------------------------------------------------------------------------

    /** Creates an organization (its TFC id is its name); no-op when it exists. */
    public synchronized void organization(String name) {
        organizations.computeIfAbsent(name, Organization::new);
    }

    /** Creates a workspace (and its organization if needed) without auto-apply. */
    public Workspace workspace(String organization, String name) {
        return workspace(organization, name, false);
    }

    public synchronized Workspace workspace(String organization, String name, boolean autoApply) {
        organization(organization);
        if (findWorkspace(organization, name).isPresent()) {
            throw new IllegalArgumentException("workspace exists: " + organization + "/" + name);
        }
        Workspace workspace = new Workspace(organization, name, autoApply);
        workspaces.put(workspace.id, workspace);
        return workspace;
    }

    public synchronized Optional<Workspace> findWorkspace(String organization, String name) {
        return workspaces.values().stream()
                .filter(w -> w.organization.equals(organization) && w.name.equals(name))
                .findFirst();
    }

    /** A TFC workspace and the test's controls over its runs. Settings apply to runs started afterwards. */
    public final class Workspace {
        private final String id = "ws-" + shortId();
        private final String organization;
        private final String name;
        private final String lineage = UUID.randomUUID().toString();
        private boolean autoApply;
        private Policy policy = Policy.NONE;
        private String planError;
        private boolean noChanges;
        private Duration phase = DEFAULT_PHASE;
        private int resources;
        private int serial;
        private ConfigurationVersion latestUpload;

        private Workspace(String organization, String name, boolean autoApply) {
            this.organization = organization;
            this.name = name;
            this.autoApply = autoApply;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String organization() {
            return organization;
        }

        public Workspace autoApply(boolean value) {
            synchronized (FakeTerraformCloud.this) {
                autoApply = value;
            }
            return this;
        }

        public Workspace policy(Policy value) {
            synchronized (FakeTerraformCloud.this) {
                policy = value;
            }
            return this;
        }

        /** Makes plans end in "errored" with this line in the plan log. */
        public Workspace planFails(String errorLine) {
            synchronized (FakeTerraformCloud.this) {
                planError = errorLine;
            }
            return this;
        }

        public Workspace planFails() {
            return planFails("Error: Reference to undeclared input variable");
        }

        /** Makes plans (other than destroys) find nothing to change: the run ends in planned_and_finished. */
        public Workspace noChanges(boolean value) {
            synchronized (FakeTerraformCloud.this) {
                noChanges = value;
            }
            return this;
        }

        /** How long each phase lasts (pending, planning, applying). */
        public Workspace phaseDuration(Duration value) {
            synchronized (FakeTerraformCloud.this) {
                phase = value;
            }
            return this;
        }

        /** The workspace's variables now, in creation order. */
        public List<Variable> variables() {
            synchronized (FakeTerraformCloud.this) {
                return variables.values().stream().filter(v -> id.equals(variableWorkspace.get(v.id()))).toList();
            }
        }

        /** Files (name → content) of the latest configuration version uploaded to this workspace. */
        public Map<String, String> uploadedFiles() {
            synchronized (FakeTerraformCloud.this) {
                return latestUpload == null ? Map.of() : Map.copyOf(latestUpload.files);
            }
        }

        /** Ids of the runs created in this workspace, oldest first. */
        public List<String> runIds() {
            synchronized (FakeTerraformCloud.this) {
                return runs.values().stream().filter(r -> r.workspace == this).map(r -> r.id).toList();
            }
        }

        /** Number of resources the workspace's state holds (1 after an apply, 0 after a destroy). */
        public int resources() {
            synchronized (FakeTerraformCloud.this) {
                refresh();
                return resources;
            }
        }
    }

    /** The current status of a run ({@code attributes.status}), as a GET would answer it. */
    public synchronized String runStatus(String runId) {
        Run run = runs.get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run " + runId);
        }
        refresh();
        return run.view(clock.instant()).status;
    }

    // ---- fault injection ------------------------------------------------------------------------------------

    /** The next {@code times} requests matching answer {@code status} with an errors body, unprocessed. */
    public synchronized void fail(String method, String pathRegex, int status, int times) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.FAIL, status, null, null, times));
    }

    /** Every request matching waits {@code delay} before being processed (the client has given up by then). */
    public void hang(String method, String pathRegex, Duration delay) {
        hang(method, pathRegex, delay, Integer.MAX_VALUE);
    }

    /** The next {@code times} requests matching wait {@code delay} before being processed. */
    public synchronized void hang(String method, String pathRegex, Duration delay, int times) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.HANG, 0, delay, null, times));
    }

    /** The next {@code times} requests matching answer 200 with a body that is not JSON, unprocessed. */
    public void malformed(String method, String pathRegex, int times) {
        malformed(method, pathRegex, times, Malformation.NOT_JSON);
    }

    public synchronized void malformed(String method, String pathRegex, int times, Malformation kind) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.MALFORMED, 200, null, kind, times));
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    // ---- request record -------------------------------------------------------------------------------------

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** "METHOD /path" of every request so far, in arrival order. */
    public List<String> requestLines() {
        return requests.stream().map(RecordedRequest::line).toList();
    }

    /** Requests carrying the token anywhere but the Authorization header (path, query, other headers, body). */
    public List<RecordedRequest> requestsLeakingToken() {
        return requests.stream().filter(r -> r.path.contains(token) || r.query.contains(token)
                || r.bodyText().contains(token)
                || r.headers.entrySet().stream().anyMatch(h -> !h.getKey().equals("authorization")
                        && h.getValue().stream().anyMatch(v -> v.contains(token))))
                .toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    private record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, Object body) {
            return new Answer(status, JSON_API, JSON.writeValueAsBytes(body));
        }

        static Answer text(String body) {
            return new Answer(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer empty(int status) {
            return new Answer(status, null, new byte[0]);
        }
    }

    /** An API error answered as a JSON:API errors body. */
    private static final class ApiError extends RuntimeException {
        final int status;
        final String title;

        ApiError(int status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        Answer answer() {
            Map<String, Object> error = obj("status", String.valueOf(status), "title", title);
            if (getMessage() != null) {
                error.put("detail", getMessage());
            }
            return Answer.json(status, obj("errors", List.of(error)));
        }
    }

    private static ApiError notFound(String what) {
        return new ApiError(404, "not found", what);
    }

    private static ApiError unprocessable(String detail) {
        return new ApiError(422, "invalid attribute", detail);
    }

    private static ApiError conflict(String detail) {
        return new ApiError(409, "transition not allowed", detail);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            requests.add(new RecordedRequest(method, path, query, Map.copyOf(headers), body));

            Answer answer;
            Fault fault = takeFault(method, path);
            if (fault != null && fault.kind == FaultKind.HANG) {
                try {
                    Thread.sleep(fault.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                fault = null;
            }
            if (fault != null && fault.kind == FaultKind.FAIL) {
                answer = new ApiError(fault.status, "injected failure", null).answer();
            } else if (fault != null) {
                answer = fault.malformation == Malformation.NOT_JSON
                        ? new Answer(200, "text/html", "<html><body>Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8))
                        : Answer.json(200, obj("unexpected", List.of()));
            } else {
                try {
                    answer = route(method, path, query, headers, body);
                } catch (ApiError e) {
                    answer = e.answer();
                } catch (RuntimeException e) {
                    // A bug of the fake shows as a 500 naming it rather than as a dropped connection.
                    answer = new ApiError(500, "fake failure", e.toString()).answer();
                }
            }
            send(exchange, answer);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType);
        }
        boolean noBody = answer.body.length == 0;
        exchange.sendResponseHeaders(answer.status, noBody ? -1 : answer.body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body);
            }
        }
    }

    private synchronized Fault takeFault(String method, String path) {
        for (Fault fault : faults) {
            if (fault.remaining > 0 && fault.method.equalsIgnoreCase(method) && fault.path.matcher(path).matches()) {
                fault.remaining--;
                return fault;
            }
        }
        return null;
    }

    private static final Pattern WORKSPACES = Pattern.compile("/api/v2/organizations/([^/]+)/workspaces");
    private static final Pattern VARS = Pattern.compile("/api/v2/workspaces/([^/]+)/vars");
    private static final Pattern VAR = Pattern.compile("/api/v2/vars/([^/]+)");
    private static final Pattern CONFIGURATION_VERSIONS = Pattern.compile("/api/v2/workspaces/([^/]+)/configuration-versions");
    private static final Pattern RUN = Pattern.compile("/api/v2/runs/([^/]+)");
    private static final Pattern RUN_ACTION = Pattern.compile("/api/v2/runs/([^/]+)/actions/(apply|discard|cancel)");
    private static final Pattern POLICY_CHECKS = Pattern.compile("/api/v2/runs/([^/]+)/policy-checks");
    private static final Pattern POLICY_CHECK_OUTPUT = Pattern.compile("/api/v2/policy-checks/([^/]+)/output");
    private static final Pattern PLAN = Pattern.compile("/api/v2/plans/([^/]+)");
    private static final Pattern APPLY = Pattern.compile("/api/v2/applies/([^/]+)");
    private static final Pattern UPLOAD = Pattern.compile("/upload/([^/]+)");
    private static final Pattern LOG = Pattern.compile("/logs/([^/]+)");
    private static final Pattern STATE = Pattern.compile("/state/([^/]+)");

    private synchronized Answer route(String method, String path, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        refresh();
        Map<String, String> query = parseQuery(rawQuery);
        Matcher m;
        // The archivist URLs carry their own secret and no Authorization header, as in TFC.
        if ((m = UPLOAD.matcher(path)).matches() && method.equals("PUT")) {
            return upload(m.group(1), body);
        }
        if ((m = LOG.matcher(path)).matches() && method.equals("GET")) {
            LogRef ref = logs.get(m.group(1));
            if (ref == null) {
                throw notFound("log");
            }
            RunView view = ref.run.view(clock.instant());
            return Answer.text(ref.plan ? ref.run.planLog(view) : ref.run.applyLog(view));
        }
        if ((m = STATE.matcher(path)).matches() && method.equals("GET")) {
            StateVersion version = stateDownloads.get(m.group(1));
            if (version == null) {
                throw notFound("state");
            }
            return new Answer(200, "application/json", JSON.writeValueAsBytes(version.state));
        }
        if (!path.startsWith("/api/v2/")) {
            throw notFound(path);
        }
        List<String> authorization = headers.getOrDefault("authorization", List.of());
        if (authorization.size() != 1 || !authorization.get(0).equals("Bearer " + token)) {
            throw new ApiError(401, "unauthorized", null);
        }
        switch (method) {
            case "GET" -> {
                if (path.equals("/api/v2/organizations")) {
                    return Answer.json(200, obj("data", organizations.values().stream().map(o -> obj(
                            "id", o.name, "type", "organizations", "attributes", obj("name", o.name))).toList()));
                }
                if ((m = WORKSPACES.matcher(path)).matches()) {
                    return listWorkspaces(decode(m.group(1)), query);
                }
                if ((m = VARS.matcher(path)).matches()) {
                    Workspace workspace = workspace(m.group(1));
                    return Answer.json(200, obj("data", workspace.variables().stream().map(this::varJson).toList()));
                }
                if ((m = POLICY_CHECKS.matcher(path)).matches()) {
                    return policyChecks(run(m.group(1)));
                }
                if ((m = POLICY_CHECK_OUTPUT.matcher(path)).matches()) {
                    Run run = runsByPolicyCheck.get(m.group(1));
                    if (run == null) {
                        throw notFound("policy check " + m.group(1));
                    }
                    return Answer.text(run.policyOutput(run.view(clock.instant())));
                }
                if ((m = RUN.matcher(path)).matches()) {
                    Run run = run(m.group(1));
                    return Answer.json(200, obj("data", run.json(run.view(clock.instant()))));
                }
                if ((m = PLAN.matcher(path)).matches()) {
                    Run run = runsByPlan.get(m.group(1));
                    if (run == null) {
                        throw notFound("plan " + m.group(1));
                    }
                    return Answer.json(200, obj("data", obj("id", run.planId, "type", "plans", "attributes", obj(
                            "status", run.view(clock.instant()).planStatus,
                            "log-read-url", baseUrl() + "/logs/" + run.planLogSecret))));
                }
                if ((m = APPLY.matcher(path)).matches()) {
                    Run run = runsByApply.get(m.group(1));
                    if (run == null) {
                        throw notFound("apply " + m.group(1));
                    }
                    return Answer.json(200, obj("data", obj("id", run.applyId, "type", "applies", "attributes", obj(
                            "status", run.view(clock.instant()).applyStatus,
                            "log-read-url", baseUrl() + "/logs/" + run.applyLogSecret))));
                }
                if (path.equals("/api/v2/state-versions")) {
                    return listStateVersions(query);
                }
            }
            case "POST" -> {
                if (path.equals("/api/v2/vars")) {
                    return createVariable(parse(body));
                }
                if ((m = CONFIGURATION_VERSIONS.matcher(path)).matches()) {
                    return createConfigurationVersion(workspace(m.group(1)), parse(body));
                }
                if (path.equals("/api/v2/runs")) {
                    return createRun(parse(body));
                }
                if ((m = RUN_ACTION.matcher(path)).matches()) {
                    return runAction(run(m.group(1)), m.group(2));
                }
            }
            case "DELETE" -> {
                if ((m = VAR.matcher(path)).matches()) {
                    if (variables.remove(m.group(1)) == null) {
                        throw notFound("var " + m.group(1));
                    }
                    variableWorkspace.remove(m.group(1));
                    return Answer.empty(204);
                }
            }
            default -> {
            }
        }
        throw notFound(method + " " + path);
    }

    private Workspace workspace(String id) {
        Workspace workspace = workspaces.get(id);
        if (workspace == null) {
            throw notFound("workspace " + id);
        }
        return workspace;
    }

    private Run run(String id) {
        Run run = runs.get(id);
        if (run == null) {
            throw notFound("run " + id);
        }
        return run;
    }

    private Answer listWorkspaces(String organization, Map<String, String> query) {
        if (!organizations.containsKey(organization)) {
            throw notFound("organization " + organization);
        }
        List<Object> all = workspaces.values().stream().filter(w -> w.organization.equals(organization))
                .map(w -> (Object) obj("id", w.id, "type", "workspaces",
                        "attributes", obj("name", w.name, "auto-apply", w.autoApply)))
                .toList();
        return page(all, query);
    }

    /** One page of {@code all} after {@code page[number]} and {@code page[size]}, with TFC's pagination meta. */
    private static Answer page(List<Object> all, Map<String, String> query) {
        int size = Math.min(MAX_PAGE_SIZE, Math.max(1, intParam(query, "page[size]", DEFAULT_PAGE_SIZE)));
        int number = Math.max(1, intParam(query, "page[number]", 1));
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        List<Object> data = all.subList(Math.min(all.size(), (number - 1) * size), Math.min(all.size(), number * size));
        return Answer.json(200, obj("data", data, "meta", obj("pagination", obj(
                "current-page", number, "page-size", size,
                "prev-page", number > 1 ? number - 1 : null,
                "next-page", number < totalPages ? number + 1 : null,
                "total-pages", totalPages, "total-count", all.size()))));
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad request", name + " is not a number");
        }
    }

    private Map<String, Object> varJson(Variable v) {
        return obj("id", v.id(), "type", "vars",
                "attributes", obj("key", v.key(), "value", v.sensitive() ? null : v.value(), "category", v.category(),
                        "hcl", v.hcl(), "sensitive", v.sensitive(), "description", null),
                "relationships", obj("configurable", obj("data", obj("id", variableWorkspace.get(v.id()),
                        "type", "workspaces"))));
    }

    private Answer createVariable(JsonNode body) {
        JsonNode data = primaryData(body, "vars");
        JsonNode attributes = data.path("attributes");
        Workspace workspace = workspace(Optional.ofNullable(
                text(data.path("relationships").path("workspace").path("data").path("id")))
                .orElseThrow(() -> unprocessable("relationships.workspace.data.id is required")));
        String key = text(attributes.path("key"));
        String category = text(attributes.path("category"));
        if (key == null || key.isBlank()) {
            throw unprocessable("Key can't be blank");
        }
        if (!"terraform".equals(category) && !"env".equals(category)) {
            throw unprocessable("Category must be terraform or env");
        }
        JsonNode valueNode = attributes.path("value");
        if (!valueNode.isMissingNode() && !valueNode.isNull() && !valueNode.isString()) {
            throw unprocessable("Value must be a string");
        }
        if (workspace.variables().stream().anyMatch(v -> v.key().equals(key) && v.category().equals(category))) {
            throw unprocessable("Key has already been taken");
        }
        Variable variable = new Variable("var-" + shortId(), key, valueNode.isString() ? valueNode.stringValue() : "",
                category, bool(attributes.path("hcl")), bool(attributes.path("sensitive")));
        variables.put(variable.id(), variable);
        variableWorkspace.put(variable.id(), workspace.id);
        return Answer.json(201, obj("data", varJson(variable)));
    }

    private Answer createConfigurationVersion(Workspace workspace, JsonNode body) {
        JsonNode attributes = primaryData(body, "configuration-versions").path("attributes");
        ConfigurationVersion cv = new ConfigurationVersion(workspace, bool(attributes.path("speculative")));
        configurationVersions.put(cv.id, cv);
        uploads.put(cv.uploadSecret, cv);
        return Answer.json(201, obj("data", cv.json()));
    }

    private Answer upload(String secret, byte[] body) {
        ConfigurationVersion cv = uploads.get(secret);
        if (cv == null) {
            throw notFound("upload");
        }
        try {
            cv.files = untarGz(body);
        } catch (IOException e) {
            throw new ApiError(400, "bad request", "not a tar.gz archive: " + e.getMessage());
        }
        cv.status = "uploaded";
        cv.workspace.latestUpload = cv;
        return Answer.empty(200);
    }

    private Answer createRun(JsonNode body) {
        JsonNode data = primaryData(body, "runs");
        JsonNode attributes = data.path("attributes");
        JsonNode relationships = data.path("relationships");
        Workspace workspace = workspace(Optional.ofNullable(text(relationships.path("workspace").path("data").path("id")))
                .orElseThrow(() -> unprocessable("relationships.workspace.data.id is required")));
        boolean destroy = bool(attributes.path("is-destroy"));
        String cvId = text(relationships.path("configuration-version").path("data").path("id"));
        ConfigurationVersion cv = null;
        if (cvId != null) {
            cv = configurationVersions.get(cvId);
            if (cv == null) {
                throw notFound("configuration version " + cvId);
            }
            if (cv.workspace != workspace) {
                throw unprocessable("configuration version " + cvId + " belongs to another workspace");
            }
        } else if (!destroy) {
            throw unprocessable("relationships.configuration-version is required");
        } else {
            // A destroy without a configuration version uses the workspace's latest, as TFC does.
            cv = workspace.latestUpload;
        }
        if (cv == null || !cv.status.equals("uploaded")) {
            throw unprocessable("configuration version is not uploaded");
        }
        String message = Optional.ofNullable(text(attributes.path("message"))).orElse("Queued manually via the API");
        Run run = new Run(workspace, cv, destroy, message, clock.instant());
        runs.put(run.id, run);
        runsByPlan.put(run.planId, run);
        runsByApply.put(run.applyId, run);
        if (run.policyCheckId != null) {
            runsByPolicyCheck.put(run.policyCheckId, run);
        }
        logs.put(run.planLogSecret, new LogRef(run, true));
        logs.put(run.applyLogSecret, new LogRef(run, false));
        return Answer.json(201, obj("data", run.json(run.view(clock.instant()))));
    }

    private Answer runAction(Run run, String action) {
        Instant now = clock.instant();
        RunView view = run.view(now);
        switch (action) {
            case "apply" -> {
                if (!view.confirmable) {
                    throw conflict("run " + run.id + " is " + view.status + " and cannot be applied");
                }
                run.confirmedAt = now;
            }
            case "discard" -> {
                if (!view.discardable) {
                    throw conflict("run " + run.id + " is " + view.status + " and cannot be discarded");
                }
                run.discardedAt = now;
            }
            default -> {
                if (!view.cancelable) {
                    throw conflict("run " + run.id + " is " + view.status + " and cannot be canceled");
                }
                run.canceledAt = now;
            }
        }
        return Answer.empty(202);
    }

    private Answer policyChecks(Run run) {
        if (run.policyCheckId == null) {
            return Answer.json(200, obj("data", List.of()));
        }
        RunView view = run.view(clock.instant());
        Map<String, Object> result = null;
        if (view.policyStatus.equals("passed") || view.policyStatus.equals("hard_failed")) {
            boolean passed = run.policy == Policy.PASS;
            result = obj("result", passed, "passed", passed ? 1 : 0, "total-failed", passed ? 0 : 1,
                    "hard-failed", passed ? 0 : 1, "soft-failed", 0, "advisory-failed", 0);
        }
        return Answer.json(200, obj("data", List.of(obj("id", run.policyCheckId, "type", "policy-checks",
                "attributes", obj("status", view.policyStatus, "scope", "organization", "result", result),
                "links", obj("output", "/api/v2/policy-checks/" + run.policyCheckId + "/output")))));
    }

    private Answer listStateVersions(Map<String, String> query) {
        String workspaceName = query.get("filter[workspace][name]");
        String organization = query.get("filter[organization][name]");
        if (workspaceName == null || organization == null) {
            throw new ApiError(400, "bad request",
                    "filter[workspace][name] and filter[organization][name] are required");
        }
        Workspace workspace = findWorkspace(organization, workspaceName)
                .orElseThrow(() -> notFound("workspace " + organization + "/" + workspaceName));
        List<Object> all = stateVersions.stream().filter(s -> s.workspace == workspace)
                .sorted(Comparator.comparing((StateVersion s) -> s.createdAt).thenComparing(s -> s.sequence).reversed())
                .map(s -> (Object) obj("id", s.id, "type", "state-versions",
                        "attributes", obj("serial", s.serial, "created-at", s.createdAt.toString(), "status", "finalized",
                                "hosted-state-download-url", baseUrl() + "/state/" + s.downloadSecret),
                        "relationships", obj("run", obj("data", obj("id", s.run.id, "type", "runs")))))
                .toList();
        return page(all, query);
    }

    /** Writes the state version of every run that reached "applied" since the last request. */
    private void refresh() {
        Instant now = clock.instant();
        runs.values().stream()
                .filter(r -> !r.stateWritten)
                .map(r -> Map.entry(r, r.view(now)))
                .filter(e -> e.getValue().status.equals("applied"))
                .sorted(Comparator.comparing(e -> e.getValue().applyEnd))
                .forEach(e -> writeState(e.getKey(), e.getValue().applyEnd));
    }

    private void writeState(Run run, Instant at) {
        run.stateWritten = true;
        Workspace workspace = run.workspace;
        workspace.resources = run.destroy ? 0 : 1;
        workspace.serial++;
        Map<String, Object> outputs = new LinkedHashMap<>();
        List<Object> resources = new ArrayList<>();
        if (!run.destroy) {
            run.variables.stream().filter(v -> v.category().equals("terraform")).forEach(v -> outputs.put(v.key(),
                    obj("value", v.value(), "type", "string", "sensitive", v.sensitive())));
            resources.add(obj("mode", "managed", "type", "null_resource", "name", "fake",
                    "provider", "provider[\"registry.terraform.io/hashicorp/null\"]",
                    "instances", List.of(obj("schema_version", 0, "attributes", obj("id", run.resourceId, "triggers", null),
                            "sensitive_attributes", List.of()))));
        }
        Map<String, Object> state = obj("version", 4, "terraform_version", TERRAFORM_VERSION,
                "serial", workspace.serial, "lineage", workspace.lineage, "outputs", outputs,
                "resources", resources, "check_results", null);
        StateVersion version = new StateVersion(workspace, run, workspace.serial, at, state);
        stateVersions.add(version);
        stateDownloads.put(version.downloadSecret, version);
    }

    // ---- model ----------------------------------------------------------------------------------------------

    private record Organization(String name) {
    }

    private enum FaultKind { FAIL, HANG, MALFORMED }

    private static final class Fault {
        final String method;
        final Pattern path;
        final FaultKind kind;
        final int status;
        final Duration delay;
        final Malformation malformation;
        int remaining;

        Fault(String method, Pattern path, FaultKind kind, int status, Duration delay, Malformation malformation,
                int times) {
            this.method = method;
            this.path = path;
            this.kind = kind;
            this.status = status;
            this.delay = delay;
            this.malformation = malformation;
            this.remaining = times;
        }
    }

    private final class ConfigurationVersion {
        final String id = "cv-" + shortId();
        final String uploadSecret = secret();
        final Workspace workspace;
        final boolean speculative;
        String status = "pending";
        Map<String, String> files = Map.of();

        ConfigurationVersion(Workspace workspace, boolean speculative) {
            this.workspace = workspace;
            this.speculative = speculative;
        }

        Map<String, Object> json() {
            return obj("id", id, "type", "configuration-versions", "attributes", obj("status", status,
                    "speculative", speculative, "upload-url", baseUrl() + "/upload/" + uploadSecret));
        }
    }

    private record LogRef(Run run, boolean plan) {
    }

    private final class StateVersion {
        final String id = "sv-" + shortId();
        final String downloadSecret = secret();
        final int sequence = stateVersionSequence.incrementAndGet();
        final Workspace workspace;
        final Run run;
        final int serial;
        final Instant createdAt;
        final Map<String, Object> state;

        StateVersion(Workspace workspace, Run run, int serial, Instant createdAt, Map<String, Object> state) {
            this.workspace = workspace;
            this.run = run;
            this.serial = serial;
            this.createdAt = createdAt;
            this.state = state;
        }
    }

    /** What a run looks like at one instant. */
    private record RunView(String status, String planStatus, String applyStatus, String policyStatus,
            boolean confirmable, boolean discardable, boolean cancelable, Instant applyEnd) {
    }

    /**
     * A run: the workspace's settings and variables are taken when it is created, as TFC does; its timeline is
     * pending (one phase) → planning (one phase) → plan end → [waits for apply/discard unless auto-apply] →
     * applying (one phase) → applied. The actions only record when they happened.
     */
    private final class Run {
        final String id = "run-" + shortId();
        final String planId = "plan-" + shortId();
        final String applyId = "apply-" + shortId();
        final String planLogSecret = secret();
        final String applyLogSecret = secret();
        final String resourceId = String.valueOf(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
        final Workspace workspace;
        final ConfigurationVersion cv;
        final boolean destroy;
        final String message;
        final Instant created;
        final Duration phase;
        final String planError;
        final boolean changes;
        final Policy policy;
        final String policyCheckId;
        final boolean autoApply;
        final List<Variable> variables;
        Instant confirmedAt;
        Instant discardedAt;
        Instant canceledAt;
        boolean stateWritten;

        Run(Workspace workspace, ConfigurationVersion cv, boolean destroy, String message, Instant created) {
            this.workspace = workspace;
            this.cv = cv;
            this.destroy = destroy;
            this.message = message;
            this.created = created;
            phase = workspace.phase;
            planError = workspace.planError;
            changes = destroy ? workspace.resources > 0 : !workspace.noChanges;
            policy = workspace.policy;
            policyCheckId = policy == Policy.NONE ? null : "polchk-" + shortId();
            autoApply = workspace.autoApply;
            variables = workspace.variables();
        }

        RunView view(Instant now) {
            Instant planStart = created.plus(phase);
            Instant planEnd = planStart.plus(phase);
            if (canceledAt != null && canceledAt.isBefore(planEnd)) {
                return new RunView("canceled", "canceled", "unreachable", endedPolicy(), false, false, false, null);
            }
            if (now.isBefore(planStart)) {
                return new RunView("pending", "pending", "pending", waitingPolicy(), false, false, true, null);
            }
            if (now.isBefore(planEnd)) {
                return new RunView("planning", "running", "pending", waitingPolicy(), false, false, true, null);
            }
            if (planError != null) {
                return new RunView("errored", "errored", "unreachable", endedPolicy(), false, false, false, null);
            }
            String checked = policy == Policy.NONE ? "" : policy == Policy.PASS ? "passed" : "hard_failed";
            if (!changes) {
                return new RunView("planned_and_finished", "finished", "unreachable", checked, false, false, false, null);
            }
            if (policy == Policy.FAIL) {
                return new RunView("errored", "finished", "unreachable", checked, false, false, false, null);
            }
            Instant confirmed = autoApply ? planEnd : confirmedAt;
            if (discardedAt != null) {
                return new RunView("discarded", "finished", "unreachable", checked, false, false, false, null);
            }
            if (confirmed == null) {
                String waiting = policy == Policy.NONE ? "planned" : "policy_checked";
                return new RunView(waiting, "finished", "pending", checked, true, true, false, null);
            }
            Instant applyEnd = confirmed.plus(phase);
            if (canceledAt != null) {
                return new RunView("canceled", "finished", "canceled", checked, false, false, false, null);
            }
            if (now.isBefore(applyEnd)) {
                return new RunView("applying", "finished", "running", checked, false, false, true, null);
            }
            return new RunView("applied", "finished", "finished", checked, false, false, false, applyEnd);
        }

        private String waitingPolicy() {
            return policy == Policy.NONE ? "" : "queued";
        }

        private String endedPolicy() {
            return policy == Policy.NONE ? "" : "unreachable";
        }

        Map<String, Object> json(RunView view) {
            Map<String, Object> relationships = obj(
                    "workspace", obj("data", obj("id", workspace.id, "type", "workspaces")),
                    "plan", obj("data", obj("id", planId, "type", "plans")),
                    "apply", obj("data", obj("id", applyId, "type", "applies")));
            if (cv != null) {
                relationships.put("configuration-version", obj("data", obj("id", cv.id, "type", "configuration-versions")));
            }
            return obj("id", id, "type", "runs",
                    "attributes", obj("status", view.status, "is-destroy", destroy, "message", message,
                            "created-at", created.toString(), "auto-apply", autoApply,
                            "actions", obj("is-confirmable", view.confirmable, "is-discardable", view.discardable,
                                    "is-cancelable", view.cancelable, "is-force-cancelable", false)),
                    "relationships", relationships);
        }

        String planLog(RunView view) {
            if (view.planStatus.equals("pending")) {
                return "";
            }
            List<String> lines = new ArrayList<>(List.of("Terraform v" + TERRAFORM_VERSION, "on linux_amd64",
                    "Initializing plugins and modules..."));
            switch (view.planStatus) {
                case "canceled" -> lines.add("Plan canceled.");
                case "errored" -> lines.addAll(List.of("", planError));
                case "finished" -> {
                    if (!changes) {
                        lines.addAll(List.of("", "No changes. Your infrastructure matches the configuration."));
                    } else {
                        lines.addAll(List.of("",
                                "Terraform used the selected providers to generate the following execution plan.",
                                "Resource actions are indicated with the following symbols:",
                                destroy ? "  - destroy" : "  + create", "",
                                "Terraform will perform the following actions:", ""));
                        lines.addAll(destroy
                                ? List.of("  # null_resource.fake will be destroyed",
                                        "  - resource \"null_resource\" \"fake\" {", "      - id = \"" + resourceId + "\"",
                                        "    }", "", "Plan: 0 to add, 0 to change, 1 to destroy.")
                                : List.of("  # null_resource.fake will be created",
                                        "  + resource \"null_resource\" \"fake\" {", "      + id = (known after apply)",
                                        "    }", "", "Plan: 1 to add, 0 to change, 0 to destroy."));
                    }
                }
                default -> {
                }
            }
            return String.join("\n", lines) + "\n";
        }

        String applyLog(RunView view) {
            if (view.applyStatus.equals("pending") || view.applyStatus.equals("unreachable")) {
                return "";
            }
            List<String> lines = new ArrayList<>(List.of("Terraform v" + TERRAFORM_VERSION, "on linux_amd64",
                    "Initializing plugins and modules...",
                    destroy ? "null_resource.fake: Destroying... [id=" + resourceId + "]" : "null_resource.fake: Creating..."));
            switch (view.applyStatus) {
                case "canceled" -> lines.add("Apply canceled.");
                case "finished" -> {
                    if (destroy) {
                        lines.addAll(List.of("null_resource.fake: Destruction complete after 0s", "",
                                "Destroy complete! Resources: 1 destroyed."));
                    } else {
                        lines.addAll(List.of("null_resource.fake: Creation complete after 0s [id=" + resourceId + "]",
                                "", "Apply complete! Resources: 1 added, 0 changed, 0 destroyed."));
                        List<Variable> outputs = variables.stream().filter(v -> v.category().equals("terraform")).toList();
                        if (!outputs.isEmpty()) {
                            lines.addAll(List.of("", "Outputs:", ""));
                            outputs.forEach(v -> lines.add(v.key() + " = "
                                    + (v.sensitive() ? "<sensitive>" : v.hcl() ? v.value() : "\"" + v.value() + "\"")));
                        }
                    }
                }
                default -> {
                }
            }
            return String.join("\n", lines) + "\n";
        }

        String policyOutput(RunView view) {
            if (!view.policyStatus.equals("passed") && !view.policyStatus.equals("hard_failed")) {
                return "";
            }
            boolean passed = policy == Policy.PASS;
            return "Sentinel Result: " + passed + "\n\n"
                    + (passed ? "This result means that Sentinel policies returned true and the protected behavior"
                            + " is allowed by Sentinel policies.\n"
                            : "Sentinel evaluated to false because one or more Sentinel policies evaluated to false."
                                    + " This false was not due to an undefined value or runtime error.\n")
                    + "\n1 policies evaluated.\n\n## Policy 1: fake-policy (hard-mandatory)\n\nResult: " + passed + "\n";
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** An insertion-ordered map from alternating keys and values (values may be null, unlike Map.of). */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ApiError(400, "bad request", "body is not JSON");
        }
    }

    /** The request's {@code data}, checked to be of the JSON:API type the endpoint takes. */
    private static JsonNode primaryData(JsonNode body, String type) {
        JsonNode data = body.path("data");
        if (!data.isObject()) {
            throw new ApiError(400, "bad request", "data is required");
        }
        if (!type.equals(text(data.path("type")))) {
            throw new ApiError(409, "conflict", "data.type must be " + type);
        }
        return data;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static boolean bool(JsonNode node) {
        return node.isBoolean() && node.booleanValue();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String shortId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The regular files of a gzipped tar (ustar, with GNU long names and pax paths), name → UTF-8 content;
     * directories are skipped and a leading "./" dropped.
     */
    static Map<String, String> untarGz(byte[] archive) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512) {
                    throw new IOException("truncated tar header");
                }
                if (allZero(header)) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] content = in.readNBytes((int) size);
                if (content.length < size) {
                    throw new IOException("truncated tar entry " + name);
                }
                in.readNBytes((int) ((512 - size % 512) % 512));
                switch (type) {
                    case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                    case 'x' -> longName = paxPath(content);
                    case '0', '\0' -> {
                        String path = longName != null ? longName : name;
                        files.put(path.startsWith("./") ? path.substring(2) : path,
                                new String(content, StandardCharsets.UTF_8));
                        longName = null;
                    }
                    default -> longName = null;
                }
            }
        }
        return files;
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The "path" record of a pax extended header ("<len> path=<value>\n" records), or null. */
    private static String paxPath(byte[] content) {
        for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }
}
