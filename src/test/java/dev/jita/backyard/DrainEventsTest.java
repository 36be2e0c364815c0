package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhooks hear how a drain with running jobs ends: drained once they end, or out of time. */
class DrainEventsTest extends EngineTestOnOwnDatabase {

    private static final String DRAIN = "/api/platform/maintenance-drain";
    private static final String NOTIFICATIONS = "/api/platform/maintenance-notifications";
    private static final String SECRET = "drain-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookReceiver receiver;

    @BeforeEach
    void webhook() throws Exception {
        receiver = new WebhookReceiver();
        Http.Reply reply = admin().put(NOTIFICATIONS,
                Map.of("webhooks", List.of(Map.of("url", receiver.url(), "secret", SECRET))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @AfterEach
    void noWebhookLeft() {
        admin().delete(DRAIN);
        admin().put(NOTIFICATIONS, Map.of("webhooks", List.of()));
        receiver.close();
    }

    @Test
    void aDrainThatRunsOutOfTimeIsToldWithWhatStillRuns() throws Exception {
        String org = organization("ws1");
        register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 1);
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).hold();
        engine(1, handler).start();
        await("running", WAIT, () -> handler.started() == 1);

        String id = admin().post(DRAIN, Map.of("timeout_seconds", 1, "load_mode", true)).data().path("id").asString();

        WebhookReceiver.Received timedOut = receiver.await("drain_timed_out", id, WAIT);
        assertThat(timedOut.signedWith(SECRET)).isTrue();
        JsonNode data = timedOut.json().path("data");
        assertThat(data.path("execute_count").asInt()).isEqualTo(1);
        assertThat(data.path("load_mode").asBoolean()).isTrue();
        assertThat(data.path("deadline").asString()).isNotBlank();
        assertThat(receiver.received()).noneMatch(r -> "drain_done".equals(r.event()));
        handler.release();
    }

    @Test
    void aDrainIsToldDoneOnceTheRunningJobsEnd() throws Exception {
        String org = organization("ws1");
        register(Backyard.MENU_CREATE, org, "ws1", 1);
        TestHandler handler = new TestHandler(Backyard.MENU_CREATE, 3).hold();
        engine(1, handler).start();
        await("running", WAIT, () -> handler.started() == 1);

        String id = admin().post(DRAIN, Map.of("timeout_seconds", 600, "load_mode", false)).data().path("id").asString();
        WebhookReceiver.Received stopped = receiver.await("mode_changed",
                "\"after\":{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}", WAIT);
        assertThat(stopped.json().path("data").path("reason").asString()).isEqualTo("drain " + id);
        handler.release();

        WebhookReceiver.Received done = receiver.await("drain_done", id, WAIT);
        assertThat(done.signedWith(SECRET)).isTrue();
        assertThat(done.json().path("data").path("execute_count").asInt()).isZero();
        assertThat(done.json().path("data").path("load_mode").asBoolean()).isFalse();
    }
}
