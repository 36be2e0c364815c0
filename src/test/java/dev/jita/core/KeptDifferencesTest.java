package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Where jita differs from Exastro on purpose (docs/compatibility.md, "Kept on purpose"). Authentication
 * before the 498 and Retry-After are proven by LoadModeRefusalTest.
 */
class KeptDifferencesTest extends ApiTest {

    @Test
    void tsIsTheRealUtcTimeWhateverTheServersZone() {
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Http.Reply reply = admin().get(MODES);
            Instant after = Instant.now();
            Instant ts = Instant.parse(reply.json().path("ts").asString());
            assertThat(ts).isBetween(before, after);
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void errorEnvelopesCarryDataAsNull() {
        for (Http.Reply reply : List.of(http().get(MODES), admin().get("/api/platform/organizations/no-such-org"),
                admin().patch(MODES, Map.of("no_such_mode", "1")))) {
            assertThat(reply.status()).as(reply.toString()).isGreaterThanOrEqualTo(400);
            assertThat(reply.json().has("data")).as(reply.toString()).isTrue();
            assertThat(reply.json().path("data").isNull()).as(reply.toString()).isTrue();
        }
    }

    @Test
    void itaPathsAnswerWithAndWithoutTheTrailingSlash() {
        for (String path : List.of("/api/ita/backyard-execute-check", "/api/ita/loglevel-settings",
                "/api/platform/maintenance-drain")) {
            Http.Reply without = admin().get(path);
            Http.Reply with = admin().get(path + "/");
            assertThat(without.status()).as(without.toString()).isEqualTo(200);
            assertThat(with.status()).as(with.toString()).isEqualTo(200);
            assertThat(without.result()).isEqualTo(with.result()).isEqualTo(ApiResponse.SUCCESS);
        }
    }
}
