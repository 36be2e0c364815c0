package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DrainTest extends EngineTestOnOwnDatabase {

    private static final String DRAIN = "/api/platform/maintenance-drain";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @AfterEach
    void noDrainLeftRunning() {
        admin().delete(DRAIN);
    }

    private JsonNode drain() {
        return admin().get(DRAIN).data();
    }

    @Test
    void stopsJobsWaitsForTheRunningOnesThenFreezesWrites() throws Exception {
        String org = organization("ws1");
        List<String> running = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 2);
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).reporting(3).hold();
        engine(2, handler).start();
        await("running", WAIT, () -> handler.started() == 2);

        Http.Reply started = admin().post(DRAIN, Map.of("timeout_seconds", 60, "load_mode", true));

        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.data().path("state").asString()).isEqualTo("draining");
        assertThat(started.data().path("execute_count").asInt()).isEqualTo(2);
        assertThat(started.data().path("modes").toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");
        String waiting = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 1).get(0);
        assertError(admin().post(DRAIN, Map.of()), 400, "400-00001");

        handler.release();
        await("drained", WAIT, () -> drain().path("state").asString().equals("drained"));

        JsonNode done = drain();
        assertThat(done.path("execute_count").asInt()).isZero();
        assertThat(done.path("ended_at").asString()).isNotEmpty();
        assertThat(admin().get(MODES).data().toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"1\"}");
        assertThat(running).allMatch(id -> item(id).statusId() == 5);
        assertThat(item(waiting).phase()).isEqualTo("W");
        JsonNode audit = admin().get(MODES + "/audit?limit=2").data();
        assertThat(audit.get(0).path("mode").asString()).isEqualTo("data_update_stop");
        assertThat(audit.get(0).path("reason").asString()).contains("finished");
    }

    @Test
    void aDrainThatRunsOutOfTimeLeavesLoadModeOff() throws Exception {
        String org = organization("ws1");
        register(Backyard.MENU_CREATE, org, "ws1", 1);
        TestHandler handler = new TestHandler(Backyard.MENU_CREATE, 3).hold();
        engine(1, handler).start();
        await("running", WAIT, () -> handler.started() == 1);

        admin().post(DRAIN, Map.of("timeout_seconds", 1, "load_mode", true));
        await("timed out", WAIT, () -> drain().path("state").asString().equals("timed_out"));

        assertThat(drain().path("execute_count").asInt()).isEqualTo(1);
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
        handler.release();
    }

    @Test
    void withNothingRunningItEndsAtOnceAndCanKeepWritesOpen() {
        Http.Reply reply = admin().post(DRAIN, Map.of("load_mode", false));

        assertThat(reply.data().path("state").asString()).isEqualTo("drained");
        assertThat(admin().get(MODES).data().toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");
    }

    @Test
    void badRequestsChangeNothing() {
        organization();
        for (Object body : List.of("[]", "not json", Map.of("timeout_seconds", 0), Map.of("timeout_seconds", "60"),
                Map.of("load_mode", "yes"), Map.of("other", 1))) {
            Http.Reply reply = admin().post(DRAIN, body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        }
        assertError(http().post(DRAIN, Map.of()), 401, "401-00002");
        assertError(http().as("owner", "owner-pass").post(DRAIN, Map.of()), 403, "403-00001");
        assertError(http().as("owner", "owner-pass").get(DRAIN), 403, "403-00001");
        assertError(admin().delete(DRAIN), 400, "400-00001");
        assertThat(admin().get(MODES).data().toString())
                .isEqualTo("{\"backyard_execute_stop\":\"0\",\"data_update_stop\":\"0\"}");
    }
}
