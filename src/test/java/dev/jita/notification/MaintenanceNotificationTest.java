package dev.jita.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.maintenance.MaintenanceEvent;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.Waits;
import dev.jita.test.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = {"jita.notifications.backoff=100ms", "jita.notifications.timeout=2s",
        "jita.notifications.poll-interval=100ms"})
class MaintenanceNotificationTest extends ApiTest {

    private static final String NOTIFICATIONS = "/api/platform/maintenance-notifications";
    private static final String DRAIN = "/api/platform/maintenance-drain";
    private static final String SECRET = "s3cret-Hmac-Key";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void noWebhooksLeft() {
        admin().put(NOTIFICATIONS, Map.of("webhooks", List.of()));
        receiver.close();
        admin().delete(DRAIN);
        setModes("0", "0");
    }

    private void webhooks(Object... urlsAndSecrets) {
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i < urlsAndSecrets.length; i += 2) {
            list.add(urlsAndSecrets[i + 1] == null ? Map.of("url", (String) urlsAndSecrets[i])
                    : Map.of("url", (String) urlsAndSecrets[i], "secret", (String) urlsAndSecrets[i + 1]));
        }
        Http.Reply reply = admin().put(NOTIFICATIONS, Map.of("webhooks", list));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void modeChangesDrainsAndOtherEventsArePostedSigned() throws Exception {
        webhooks(receiver.url(), SECRET);
        Http.Reply changed = admin().patch(MODES, Map.of("backyard_execute_stop", "1"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        admin().patch(MODES, Map.of("backyard_execute_stop", "0"));

        WebhookReceiver.Received modeChanged = receiver.await("mode_changed",
                "\"after\":{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}", WAIT);
        assertThat(modeChanged.signedWith(SECRET)).as(modeChanged.toString()).isTrue();
        assertThat(modeChanged.signedWith("another")).isFalse();
        JsonNode body = modeChanged.json();
        assertThat(body.path("event").asString()).isEqualTo("mode_changed");
        assertThat(body.path("id").asString()).isEqualTo(modeChanged.delivery());
        assertThat(body.path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(body.path("data").path("before").toString())
                .isEqualTo("{\"backyard_execute_stop\":\"0\",\"data_update_stop\":\"0\"}");
        assertThat(body.path("data").path("after").toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");
        assertThat(body.path("data").path("changed_by").asString()).isEqualTo(ADMIN);
        WebhookReceiver.Received back = receiver.await("mode_changed", "\"after\":{\"backyard_execute_stop\":\"0\"", WAIT);
        assertThat(back.signedWith(SECRET)).isTrue();

        Http.Reply drain = admin().post(DRAIN, Map.of("load_mode", true));
        assertThat(drain.status()).as(drain.toString()).isEqualTo(200);
        String drainId = drain.data().path("id").asString();
        WebhookReceiver.Received done = receiver.await("drain_done", drainId, WAIT);
        assertThat(done.signedWith(SECRET)).isTrue();
        assertThat(done.json().path("data").path("load_mode").asBoolean()).isTrue();
        assertThat(done.json().path("data").path("execute_count").asInt()).isZero();
        assertThat(done.json().path("data").path("started_by").asString()).isEqualTo(ADMIN);
        receiver.await("mode_changed", "\"data_update_stop\":\"1\"},\"changed_by", WAIT);

        // Window events come from elsewhere in the application: any MaintenanceEvent goes out the same way.
        String window = unique("window-");
        events.publishEvent(new MaintenanceEvent("window_started", Map.of("window_id", window)));
        WebhookReceiver.Received started = receiver.await("window_started", window, WAIT);
        assertThat(started.signedWith(SECRET)).isTrue();
        assertThat(started.json().path("data").path("window_id").asString()).isEqualTo(window);
    }

    @Test
    void aFailedDeliveryIsTriedAgainWithTheSameBodyAndSignature() throws Exception {
        webhooks(receiver.url(), SECRET);
        receiver.failNext(2);
        String window = unique("window-");

        events.publishEvent(new MaintenanceEvent("window_scheduled", Map.of("window_id", window)));

        WebhookReceiver.Received delivered = receiver.await("window_scheduled", window, WAIT);
        List<WebhookReceiver.Received> attempts = receiver.received().stream()
                .filter(r -> r.body().contains(window)).toList();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(WebhookReceiver.Received::accepted).containsExactly(false, false, true);
        assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(delivered.body());
        assertThat(attempts).allMatch(r -> r.signedWith(SECRET));
        Waits.awaitTrue("recorded as sent", WAIT,
                () -> !admin().get(NOTIFICATIONS).data().path("webhooks").get(0).path("last_sent_at").isNull());
        JsonNode webhook = admin().get(NOTIFICATIONS).data().path("webhooks").get(0);
        assertThat(webhook.path("pending").asInt()).isZero();
        assertThat(webhook.path("last_error").asString()).contains("HTTP 500");
    }

    @Test
    void aDeadOrSlowReceiverNeverHoldsUpAModeChange() throws Exception {
        // One receiver never answers, one port refuses connections; the good one still hears of everything.
        WebhookReceiver slow = new WebhookReceiver();
        try {
            slow.hold();
            webhooks(slow.url(), SECRET, "http://127.0.0.1:9/refused", SECRET, receiver.url(), SECRET);

            setModes("1", "0");
            Waits.awaitTrue("the slow receiver holds a request", WAIT, () -> slow.held() > 0);
            setModes("0", "0");
            setModes("1", "1");

            assertThat(slow.received()).as("still unanswered").isEmpty();
            receiver.await("mode_changed", "\"after\":{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"1\"}", WAIT);
        } finally {
            slow.close();
        }
    }

    @Test
    void secretsAreStoredSealedAndNeverShown() throws Exception {
        webhooks(receiver.url(), SECRET, "https://hooks.example.com/jita?token=t", "other-secret");

        Http.Reply reply = admin().get(NOTIFICATIONS);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(SECRET).doesNotContain("other-secret").doesNotContain("secret\"");
        assertThat(reply.data().path("webhooks").get(0).path("url").asString()).isEqualTo(receiver.url());
        assertThat(reply.data().path("webhooks").get(1).path("url").asString())
                .isEqualTo("https://hooks.example.com/jita?token=t");
        assertThat(reply.data().path("webhooks").get(0).path("updated_by").asString()).isEqualTo(ADMIN);
        List<String> stored = jdbc.sql("SELECT secret_sealed FROM maintenance_webhook").query(String.class).list();
        assertThat(stored).hasSize(2).noneMatch(s -> s.contains(SECRET) || s.contains("other-secret"));

        // Given again without its secret, a webhook keeps the one it had.
        webhooks(receiver.url(), null);
        assertThat(admin().get(NOTIFICATIONS).data().path("webhooks").size()).isEqualTo(1);
        String window = unique("window-");
        events.publishEvent(new MaintenanceEvent("window_ended", Map.of("window_id", window)));
        assertThat(receiver.await("window_ended", window, WAIT).signedWith(SECRET)).isTrue();
    }

    @Test
    void badRequestsChangeNothing() {
        webhooks(receiver.url(), SECRET);
        List<Object> bodies = new ArrayList<>(List.of("not json", "[]", Map.of(), Map.of("webhooks", "x"),
                Map.of("webhooks", List.of("x")), Map.of("other", List.of()),
                Map.of("webhooks", List.of(Map.of("url", "ftp://host/x", "secret", "s"))),
                Map.of("webhooks", List.of(Map.of("url", "file:///etc/passwd", "secret", "s"))),
                Map.of("webhooks", List.of(Map.of("url", "http://user:pw@host/x", "secret", "s"))),
                Map.of("webhooks", List.of(Map.of("url", "not a url", "secret", "s"))),
                Map.of("webhooks", List.of(Map.of("url", "http:///nohost", "secret", "s"))),
                Map.of("webhooks", List.of(Map.of("url", 42, "secret", "s"))),
                Map.of("webhooks", List.of(Map.of("url", "https://new.example.com/"))),
                Map.of("webhooks", List.of(Map.of("url", "https://new.example.com/", "secret", ""))),
                Map.of("webhooks", List.of(Map.of("url", "https://new.example.com/", "secret", 1))),
                Map.of("webhooks", List.of(Map.of("url", "https://new.example.com/", "secret", "s", "x", 1))),
                Map.of("webhooks", List.of(Map.of("url", "https://a.example.com/", "secret", "s"),
                        Map.of("url", "https://a.example.com/", "secret", "t"))),
                Map.of("webhooks", List.of(Map.of("url", "https://a.example.com/", "secret", "s".repeat(257))))));
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(Map.of("url", "https://h" + i + ".example.com/", "secret", "s"));
        }
        bodies.add(Map.of("webhooks", tooMany));
        for (Object body : bodies) {
            Http.Reply reply = admin().put(NOTIFICATIONS, body);
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(400);
            assertThat(reply.result()).as(body + " → " + reply).startsWith("400-");
            assertThat(reply.body()).doesNotContain(SECRET).doesNotContainIgnoringCase("exception");
        }
        assertError(admin().put(NOTIFICATIONS, "not json"), 400, "400-00002");
        assertError(admin().put(NOTIFICATIONS, Map.of("webhooks", List.of(Map.of("url", "ftp://h/", "secret", "s")))),
                400, "400-00001");
        assertThat(admin().get(NOTIFICATIONS).data().path("webhooks").size()).isEqualTo(1);
        assertThat(admin().get(NOTIFICATIONS).data().path("webhooks").get(0).path("url").asString())
                .isEqualTo(receiver.url());
    }

    @Test
    void onlySystemAdministratorsAndOpenInLoadMode() {
        String org = unique("notify-org");
        createOrganization(org, "notify-owner", "owner-pass");
        Map<String, Object> body = Map.of("webhooks", List.of(Map.of("url", receiver.url(), "secret", SECRET)));
        assertError(http().get(NOTIFICATIONS), 401, "401-00002");
        assertError(http().put(NOTIFICATIONS, body), 401, "401-00002");
        Http manager = http().as("notify-owner", "owner-pass");
        assertError(manager.get(NOTIFICATIONS), 403, "403-00001");
        assertError(manager.put(NOTIFICATIONS, body), 403, "403-00001");
        assertThat(admin().get(NOTIFICATIONS).data().path("webhooks").size()).isZero();

        setModes("1", "1");
        Http.Reply inLoadMode = admin().put(NOTIFICATIONS, body);
        assertThat(inLoadMode.status()).as(inLoadMode.toString()).isEqualTo(200);
        assertThat(inLoadMode.data().path("webhooks").size()).isEqualTo(1);
    }
}
