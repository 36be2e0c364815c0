package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnvelopeAndHealthTest extends ApiTest {

    @Test
    void unknownPathsAnswerInTheEnvelope() {
        assertError(http().get("/no/such/path"), 404, "404-00001");
        assertError(admin().get("/api/platform/no-such-endpoint"), 404, "404-00001");
        assertError(http().get("/nothing-here.html"), 404, "404-00001");
    }

    @Test
    void unsupportedMethodsAnswerInTheEnvelope() {
        assertError(admin().delete(MODES), 405, "405-00001");
        assertError(admin().post(MODES, "{}"), 405, "405-00001");
    }

    @Test
    void livenessAndReadinessShowTheModes() {
        Http.Reply liveness = http().get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");

        setModes("1", "0");
        Http.Reply readiness = http().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode maintenance = readiness.json().path("components").path("maintenance");
        assertThat(maintenance.path("details").path("backyard_execute_stop").asString()).isEqualTo("1");
        assertThat(maintenance.path("details").path("data_update_stop").asString()).isEqualTo("0");
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }
}
