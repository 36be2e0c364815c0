package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conductor notices end to end: definitions through the menu API, {@link ConductorNotices#queue} driven as
 * the instances will drive it, and real POSTs to a local receiver sent by the server's own sender (and, for
 * the race, by further senders of the same database).
 */
class ConductorNoticeTest extends ApiTest {

    private static final String SECRET = "secret-token-123";

    @Autowired
    ConductorNotices notices;
    @Autowired
    NoticeOutbox outbox;
    @Autowired
    NoticeProperties properties;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** A request the receiver got. */
    record Received(String path, String uri, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    HttpServer receiver;
    ExecutorService handlers;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger flakyCalls = new AtomicInteger();
    final CountDownLatch hangReleased = new CountDownLatch(1);
    String base;
    String org;
    Http member;
    String menus;

    @BeforeEach
    void receiverAndWorkspace() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        receiver.setExecutor(handlers);
        receiver.createContext("/ok", exchange -> answer(exchange, 200));
        receiver.createContext("/hook", exchange -> answer(exchange, 200));
        receiver.createContext("/flaky", exchange -> answer(exchange, flakyCalls.incrementAndGet() == 1 ? 500 : 200));
        receiver.createContext("/hang", exchange -> {
            record(exchange);
            try {
                hangReleased.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();

        org = unique("cn-org");
        createOrganization(org, "owner", "owner-pass");
        member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
    }

    @AfterEach
    void stopReceiver() {
        hangReleased.countDown();
        receiver.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void aChosenStatusIsPostedWithTheDefinitionsHeadersAndTheRenderedFields() {
        define("teams", "/ok", Map.of("fqdn", "https://ita.example/", "fields", """
                {"text": "__NOTICE_NAME__|__CONDUCTOR_NAME__|__CONDUCTOR_INSTANCE_ID__|__STATUS_ID__|__OPERATION_ID__|\
                __OPERATION_NAME__|__EXECUTION_USER__|__REGISTER_TIME__|__TIME_START__|__TIME_END__|__TIME_BOOK__|\
                __ABORT_EXECUTE_FLAG__|__NOTE__|__PARENT_CONDUCTOR_NAME__|__TOP_CONDUCTOR_INSTANCE_ID__|__JUMP_URL__|__OTHER__",
                 "status": ["__STATUS_ID__"]}"""));
        String instance = UUID.randomUUID().toString();
        Instant started = Instant.parse("2026-01-02T03:04:05.123456Z");

        notices.queue(new NoticeEvent(org, "ws1", instance, "class-1", "c \"quoted\"\n", "op-1", "op1", 6, "owner",
                started.minusSeconds(60), started, started.plusSeconds(30), info("teams", "6", "7")));

        Received post = awaitReceived("/ok", instance);
        assertThat(post.headers().get("X-token")).containsExactly(SECRET);
        assertThat(post.headers().get("Content-type")).containsExactly("application/json");
        assertThat(post.json().path("text").asString()).isEqualTo(String.join("|", "teams", "c \"quoted\"\n", instance,
                "6", "op-1", "op1", "owner", "2026-01-02 03:03:05.123456", "2026-01-02 03:04:05.123456",
                "2026-01-02 03:04:35.123456", "", "0", "", "", "",
                "https://ita.example/ui/ws/" + org + "/ws1/conductor-instances/"
                        + instance, "__OTHER__"));
        assertThat(post.json().path("status").get(0).asString()).isEqualTo("6");
        awaitState(instance, NoticeOutbox.SENT);
        NoticeOutbox.Delivery delivery = only(instance);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.statusId()).isEqualTo(6);
        assertThat(delivery.noticeName()).isEqualTo("teams");
    }

    @Test
    void onlyChosenStatusesOfActiveUnsuppressedDefinitionsAreQueued() {
        define("chosen", "/ok", Map.of());
        define("suppressed", "/ok", Map.of("suppress_start", "2020/01/01 00:00:00"));
        define("window-over", "/ok", Map.of("suppress_start", "2020/01/01 00:00:00", "suppress_end", "2020/01/02 00:00:00"));
        JsonNode discarded = define("discarded", "/ok", Map.of());
        Http.Reply discard = member.patch(menus + NoticeDefinitions.MENU + "/maintenance/" + discarded.path("uuid").asString()
                + "/", Map.of("parameter", Map.of("discard", "1",
                "last_update_date_time", discarded.path("last_update_date_time").asString())));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(200);
        ObjectNode info = info("chosen", "6");
        info.putArray("suppressed").add("3");
        info.putArray("window-over").add(3);
        info.putArray("discarded").add("3");
        info.putArray("never-defined").add("3");
        String instance = UUID.randomUUID().toString();

        notices.queue(event(instance, 3, info));
        assertThat(notices.deliveries(org, "ws1", instance)).extracting(NoticeOutbox.Delivery::noticeName)
                .containsExactly("window-over");

        // A queue whose transaction rolls back leaves nothing to send.
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            notices.queue(event(instance, 6, info));
            status.setRollbackOnly();
        });
        notices.queue(event(instance, 7, info));
        notices.queue(event(instance, 1, null));
        assertThat(notices.deliveries(org, "ws1", instance)).extracting(NoticeOutbox.Delivery::noticeName)
                .containsExactly("window-over");
        awaitState(instance, NoticeOutbox.SENT);
    }

    @Test
    void aReceiverAnswering500IsTriedAgain() {
        define("flaky", "/flaky", Map.of());
        String instance = UUID.randomUUID().toString();

        notices.queue(event(instance, 7, info("flaky", "7")));

        awaitState(instance, NoticeOutbox.SENT);
        assertThat(only(instance).attempts()).isEqualTo(2);
        assertThat(only(instance).lastError()).isEqualTo("the receiver answered HTTP 500");
        assertThat(received.stream().filter(r -> r.path().equals("/flaky")).count()).isEqualTo(2);
    }

    @Test
    void aReceiverThatNeverAnswersEndsFailedAfterTheBoundedAttemptsAndHoldsUpNothing() {
        define("hang", "/hang", Map.of());
        define("fine", "/ok", Map.of());
        String hanging = UUID.randomUUID().toString();

        notices.queue(event(hanging, 11, info("hang", "11")));
        awaitReceived("/hang", null);
        String other = UUID.randomUUID().toString();
        notices.queue(event(other, 6, info("fine", "6")));
        awaitReceived("/ok", other);

        awaitState(hanging, NoticeOutbox.FAILED);
        NoticeOutbox.Delivery failed = only(hanging);
        assertThat(failed.attempts()).isEqualTo(properties.noticeAttempts());
        assertThat(failed.lastError()).isEqualTo("no answer within " + properties.noticeTimeout().toMillis() + " ms")
                .doesNotContain(SECRET);
        assertThat(received.stream().filter(r -> r.path().equals("/hang")).count())
                .isEqualTo(properties.noticeAttempts());
    }

    @Test
    void aNoticeIsDeliveredOnceWhateverTheNumberOfSenders() throws Exception {
        define("race", "/ok", Map.of());
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String instance = UUID.randomUUID().toString();
            instances.add(instance);
            notices.queue(event(instance, 6, info("race", "6")));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            NoticeSender sender = new NoticeSender(outbox, properties, false, json, node + "-" + UUID.randomUUID());
            runs.add(threads.submit(() -> {
                while (!instances.stream().allMatch(i -> ended(i))) {
                    sender.sendDue(3);
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        for (String instance : instances) {
            assertThat(only(instance).state()).isEqualTo(NoticeOutbox.SENT);
            assertThat(received.stream().filter(r -> r.body().contains(instance)).count()).as(instance).isEqualTo(1);
        }
    }

    @Test
    void aProxyGetsTheRequestForTheNoticeUrl() {
        define("proxied", "/unused", Map.of("notice_url", "http://notice.invalid/hook", "proxy_url", "http://127.0.0.1",
                "port_url", receiver.getAddress().getPort()));
        String instance = UUID.randomUUID().toString();

        notices.queue(event(instance, 9, info("proxied", "9")));

        assertThat(awaitReceived("/hook", instance).uri()).isEqualTo("http://notice.invalid/hook");
    }

    @Test
    void badDefinitionsAre499WithTheReasonPerColumn() {
        Map<String, Object> good = definition("good", base + "/ok");
        assertThat(register(good).status()).isEqualTo(200);

        record Bad(String column, Object value, String reasonOn) {
        }
        for (Bad bad : List.of(
                new Bad("notice_url", "ftp://receiver.example/hook", "notice_url"),
                new Bad("notice_url", "not a url", "notice_url"),
                new Bad("header", "{not json", "header"),
                new Bad("header", "[\"Content-Type\"]", "header"),
                new Bad("header", "{\"Host\": \"other.example\"}", "header"),
                new Bad("header", "{\"X-Count\": 3}", "header"),
                new Bad("fields", "{\"text\": __STATUS_ID__}", "fields"),
                new Bad("proxy_url", "proxy.example", "proxy_url"),
                new Bad("proxy_url", "http://proxy.example", "port_url"),
                new Bad("port_url", "8080", "proxy_url"),
                new Bad("port_url", "70000", "port_url"),
                new Bad("fqdn", "ita.example", "fqdn"),
                new Bad("suppress_end", "tomorrow", "suppress_end"))) {
            Map<String, Object> parameter = definition("bad", base + "/ok");
            parameter.put(bad.column(), bad.value());
            Http.Reply reply = register(parameter);
            assertError(reply, 499, "499-00201");
            assertThat(reply.data().path("errors").path("0").propertyNames()).as(bad.toString()).contains(bad.reasonOn());
            assertThat(reply.body()).doesNotContain(SECRET);
        }
        assertError(register(definition("good", base + "/ok")), 499, "499-00201");
        assertThat(member.get(menus + NoticeDefinitions.MENU + "/filter/count/").data().asInt()).isEqualTo(1);
    }

    @Test
    void aClassMayNameOnlyDefinedNotices() {
        define("defined", "/ok", Map.of());
        Http.Reply movement = member.post(menus + "movement_list_ansible_legacy/maintenance/",
                Map.of("parameter", Map.of("movement_name", "mv1")));
        assertThat(movement.status()).as(movement.toString()).isEqualTo(200);
        String classes = menus + "conductor_class_edit/conductor/class/maintenance/";

        ClassJson named = ClassJson.minimal("c1");
        ((ObjectNode) named.root.get("conductor")).putObject("notice_info").putArray("defined").add("6").add("7");
        Http.Reply registered = member.post(classes, named.json());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);

        ClassJson unknown = ClassJson.minimal("c2");
        ((ObjectNode) unknown.root.get("conductor")).putObject("notice_info").putArray("undefined").add("6");
        Http.Reply refused = member.post(classes, unknown.json());
        assertError(refused, 499, "499-00201");
        assertThat(refused.data().path("errors").path("conductor").toString())
                .contains("notice_info.undefined: no notice \\\"undefined\\\" in conductor_notice_definition");
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        record(exchange);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getHttpContext().getPath(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
    }

    private Map<String, Object> definition(String name, String url) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("notice_name", name);
        parameter.put("notice_url", url);
        parameter.put("header", "{\"Content-Type\": \"application/json\", \"X-Token\": \"" + SECRET + "\"}");
        parameter.put("fields", "{\"text\": \"__NOTICE_NAME__ __CONDUCTOR_INSTANCE_ID__ __STATUS_ID__\"}");
        return parameter;
    }

    private Http.Reply register(Map<String, Object> parameter) {
        return member.post(menus + NoticeDefinitions.MENU + "/maintenance/", Map.of("parameter", parameter));
    }

    /** Registers a definition sending to the receiver's {@code path}, with {@code overrides}; returns it as read. */
    private JsonNode define(String name, String path, Map<String, Object> overrides) {
        Map<String, Object> parameter = definition(name, base + path);
        parameter.putAll(overrides);
        Http.Reply reply = register(parameter);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode row : member.get(menus + NoticeDefinitions.MENU + "/filter/").data()) {
            if (name.equals(row.path("parameter").path("notice_name").asString())) {
                return row.path("parameter");
            }
        }
        throw new AssertionError("no definition " + name);
    }

    private static ObjectNode info(String name, String... statuses) {
        ObjectNode info = Http.JSON.createObjectNode();
        ArrayNode list = info.putArray(name);
        for (String status : statuses) {
            list.add(status);
        }
        return info;
    }

    private NoticeEvent event(String instance, int status, JsonNode info) {
        return new NoticeEvent(org, "ws1", instance, "class-1", "c1", null, null, status, "owner", Instant.now(),
                null, null, info);
    }

    private NoticeOutbox.Delivery only(String instance) {
        List<NoticeOutbox.Delivery> deliveries = notices.deliveries(org, "ws1", instance);
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private boolean ended(String instance) {
        return notices.deliveries(org, "ws1", instance).stream()
                .allMatch(d -> d.state().equals(NoticeOutbox.SENT) || d.state().equals(NoticeOutbox.FAILED));
    }

    private void awaitState(String instance, String state) {
        await("the notice of " + instance + " to be " + state,
                () -> notices.deliveries(org, "ws1", instance).stream().anyMatch(d -> d.state().equals(state)));
    }

    /** The first request to {@code path} whose body holds {@code text} (any, with null). */
    private Received awaitReceived(String path, String text) {
        await("a POST to " + path, () -> received.stream()
                .anyMatch(r -> r.path().equals(path) && (text == null || r.body().contains(text))));
        Received post = received.stream().filter(r -> r.path().equals(path) && (text == null || r.body().contains(text)))
                .findFirst().orElseThrow();
        assertThat(post.headers()).containsKey("X-token");
        return post;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
