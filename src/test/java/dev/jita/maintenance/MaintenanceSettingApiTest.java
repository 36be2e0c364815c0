package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class MaintenanceSettingApiTest extends ApiTest {

    @Test
    void readsBothModesAsStrings() {
        Http.Reply reply = admin().get(MODES);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result()).isEqualTo("000-00000");
        assertThat(reply.json().path("message").asString()).isEqualTo("SUCCESS");
        assertThat(reply.json().path("ts").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(reply.data().toString()).isEqualTo("{\"backyard_execute_stop\":\"0\",\"data_update_stop\":\"0\"}");
    }

    @Test
    void patchSetsAnySubsetWithCaseInsensitiveKeysAndRecordsWhoAndWhen() {
        Http.Reply reply = admin().patch(MODES, "{\"BACKYARD_Execute_Stop\": \"1\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.result()).isEqualTo("000-00000");
        assertThat(reply.data().isNull()).isTrue();
        assertThat(admin().get(MODES).data().toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");

        JsonNode detail = admin().get(MODES + "/detail").data().path("backyard_execute_stop");
        assertThat(detail.path("value").asString()).isEqualTo("1");
        assertThat(detail.path("last_update_user").asString()).isEqualTo(ADMIN);
        assertThat(detail.path("last_update_timestamp").asString()).matches(".*T.*\\.\\d{6}Z");

        admin().patch(MODES, "{\"data_update_stop\": \"1\"}");
        assertThat(admin().get(MODES).data().toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"1\"}");
    }

    @Test
    void everyChangeIsKeptInTheAuditTrailWithItsReason() {
        long before = admin().get(MODES + "/audit?limit=10000").data().size();

        admin().patch(MODES, Map.of("data_update_stop", "1", "reason", "nightly backup"));
        admin().patch(MODES, Map.of("data_update_stop", "0"));

        JsonNode audit = admin().get(MODES + "/audit?limit=10000").data();
        assertThat(audit.size()).isEqualTo(before + 2);
        JsonNode newest = audit.get(0);
        assertThat(newest.path("mode").asString()).isEqualTo("data_update_stop");
        assertThat(newest.path("old_value").asString()).isEqualTo("1");
        assertThat(newest.path("new_value").asString()).isEqualTo("0");
        assertThat(newest.path("changed_by").asString()).isEqualTo(ADMIN);
        JsonNode withReason = audit.get(1);
        assertThat(withReason.path("new_value").asString()).isEqualTo("1");
        assertThat(withReason.path("reason").asString()).isEqualTo("nightly backup");
        assertThat(admin().get(MODES + "/detail").data().path("data_update_stop").path("reason").isNull()).isTrue();
    }

    static List<Arguments> badBodies() {
        return List.of(
                Arguments.of("empty", "", "400-00002"),
                Arguments.of("blank", "   ", "400-00002"),
                Arguments.of("not JSON", "backyard_execute_stop=1", "400-00002"),
                Arguments.of("broken JSON", "{\"backyard_execute_stop\": \"1\"", "400-00002"),
                Arguments.of("array", "[{\"backyard_execute_stop\": \"1\"}]", "400-00002"),
                Arguments.of("string", "\"1\"", "400-00002"),
                Arguments.of("null", "null", "400-00002"),
                Arguments.of("empty object", "{}", "400-00002"),
                Arguments.of("reason only", "{\"reason\": \"x\"}", "400-00002"),
                Arguments.of("same key twice", "{\"data_update_stop\": \"1\", \"DATA_UPDATE_STOP\": \"1\"}", "400-00002"),
                Arguments.of("unknown key", "{\"maintenance\": \"1\"}", "400-00026"),
                Arguments.of("good and unknown key", "{\"data_update_stop\": \"1\", \"other\": \"1\"}", "400-00026"),
                Arguments.of("value 2", "{\"backyard_execute_stop\": \"2\"}", "400-00027"),
                Arguments.of("number 2", "{\"backyard_execute_stop\": 2}", "400-00027"),
                Arguments.of("number 1.0", "{\"backyard_execute_stop\": 1.0}", "400-00027"),
                Arguments.of("array value", "{\"backyard_execute_stop\": [\"1\"]}", "400-00027"),
                Arguments.of("boolean", "{\"backyard_execute_stop\": true}", "400-00027"),
                Arguments.of("null value", "{\"backyard_execute_stop\": null}", "400-00027"),
                Arguments.of("ON", "{\"backyard_execute_stop\": \"ON\"}", "400-00027"),
                Arguments.of("mixed good and bad", "{\"backyard_execute_stop\": \"1\", \"data_update_stop\": \"x\"}", "400-00027"),
                Arguments.of("bad then good", "{\"data_update_stop\": \"\", \"backyard_execute_stop\": \"1\"}", "400-00027"),
                // Exastro checks entry by entry in the body's order: the first bad entry decides.
                Arguments.of("bad value before unknown key", "{\"data_update_stop\": \"2\", \"nope\": \"1\"}", "400-00027"),
                Arguments.of("unknown key before bad value", "{\"nope\": \"1\", \"data_update_stop\": \"2\"}", "400-00026"),
                Arguments.of("good, bad value, unknown key",
                        "{\"backyard_execute_stop\": 1, \"data_update_stop\": true, \"nope\": \"1\"}", "400-00027"),
                // reason changes none of these answers.
                Arguments.of("reason, bad value before unknown key",
                        "{\"reason\": \"r\", \"data_update_stop\": \"2\", \"nope\": \"1\"}", "400-00027"),
                Arguments.of("unknown key before bad value, reason",
                        "{\"nope\": \"1\", \"data_update_stop\": \"2\", \"reason\": \"r\"}", "400-00026"),
                Arguments.of("bad reason before unknown key", "{\"reason\": 5, \"nope\": \"1\"}", "400-00026"),
                Arguments.of("bad reason before bad value", "{\"reason\": 5, \"data_update_stop\": \"2\"}", "400-00027"),
                Arguments.of("good modes, bad reason", "{\"data_update_stop\": \"1\", \"reason\": 5}", "400-00002"),
                Arguments.of("huge body", "{\"backyard_execute_stop\": \"1\", \"reason\": \"" + "x".repeat(1_000_000) + "\"}",
                        "400-00002"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIsRefusedAndNothingChanges(String name, String body, String result) {
        String modesBefore = admin().get(MODES).data().toString();
        String detailBefore = admin().get(MODES + "/detail").data().toString();
        int auditBefore = admin().get(MODES + "/audit?limit=10000").data().size();

        Http.Reply reply = admin().patch(MODES, body);

        assertError(reply, 400, result);
        assertThat(admin().get(MODES).data().toString()).isEqualTo(modesBefore);
        assertThat(admin().get(MODES + "/detail").data().toString()).isEqualTo(detailBefore);
        assertThat(admin().get(MODES + "/audit?limit=10000").data().size()).isEqualTo(auditBefore);
    }

    @Test
    void theNumbersZeroAndOneAreAcceptedAsExastroDoes() {
        Http.Reply reply = admin().patch(MODES, "{\"backyard_execute_stop\": 1, \"data_update_stop\": 0}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(admin().get(MODES).data().toString())
                .isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");

        Http.Reply withReason = admin().patch(MODES, "{\"reason\": \"done\", \"backyard_execute_stop\": 0}");

        assertThat(withReason.status()).as(withReason.toString()).isEqualTo(200);
        assertThat(admin().get(MODES).data().path("backyard_execute_stop").asString()).isEqualTo("0");
        assertThat(admin().get(MODES + "/detail").data().path("backyard_execute_stop").path("reason").asString())
                .isEqualTo("done");
    }

    @Test
    void errorMessagesFollowTheLanguageHeader() {
        Http.Reply english = admin().patch(MODES, "{\"nope\": \"1\"}");
        Http.Reply japanese = admin().header("Language", "ja").patch(MODES, "{\"nope\": \"1\"}");

        assertThat(english.json().path("message").asString()).contains("Unknown key nope");
        assertThat(japanese.json().path("message").asString()).contains("不明なキー nope");
    }

    @Test
    void everyUserOfAnOrganizationReadsTheModesForTheBanner() {
        String org = unique("mm-org");
        createOrganization(org, "boss", "boss-pass");
        createWorkspace(http().as("boss", "boss-pass"), org, "ws1");
        createUser(http().as("boss", "boss-pass"), org, "reader", "reader-pass", "ws1", "viewer");
        setModes("1", "0");

        Http.Reply reply = http().as("reader", "reader-pass").get("/api/" + org + "/platform/maintenance-mode-setting");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().toString()).isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"0\"}");
        assertError(http().get("/api/" + org + "/platform/maintenance-mode-setting"), 401, "401-00002");
        assertError(http().as("reader", "wrong").get("/api/" + org + "/platform/maintenance-mode-setting"),
                401, "401-00002");
        assertError(http().as("reader", "reader-pass").get("/api/no-such-org/platform/maintenance-mode-setting"),
                404, "404-00001");
        assertError(admin().get("/api/" + org + "/platform/maintenance-mode-setting"), 401, "401-00002");
    }

    @Test
    void onlySystemAdministratorsReadOrChangeTheSystemSetting() {
        String org = unique("mm-org");
        createOrganization(org, "boss", "boss-pass");
        Http manager = http().as("boss", "boss-pass");

        assertError(http().get(MODES), 401, "401-00002");
        assertError(http().patch(MODES, Map.of("data_update_stop", "1")), 401, "401-00002");
        assertError(admin().as(ADMIN, "wrong-password").patch(MODES, Map.of("data_update_stop", "1")), 401, "401-00002");
        assertError(manager.get(MODES), 403, "403-00001");
        assertError(manager.patch(MODES, Map.of("data_update_stop", "1")), 403, "403-00001");
        assertError(manager.get(MODES + "/audit"), 403, "403-00001");
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
    }
}
