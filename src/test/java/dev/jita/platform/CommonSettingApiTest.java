package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Exastro's common settings: the keys and shapes, the update, its checks and who may do what. */
class CommonSettingApiTest extends ApiTest {

    private static final String SETTINGS = "/api/platform/settings/common";
    private static final String KEY = "platform.system.audit_log.retention_days";

    @AfterEach
    void restore() {
        setModes("0", "0");
        Http.Reply reply = admin().put(SETTINGS + "/" + KEY,
                Map.of("value", "365", "description", "Audit log retention days"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void theListHasExastrosKeysWithValueAndDescription() {
        Http.Reply reply = admin().get(SETTINGS);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().findValuesAsString("key")).containsExactly(
                "platform.system.audit_log.cleanup_time", "platform.system.audit_log.download_exp_days",
                "platform.system.audit_log.download_file_limit", KEY, "platform.system.chunk_size",
                "platform.system.user_export_import.cleanup_time", "platform.system.user_export_import.exp_days");
        JsonNode retention = reply.data().get(3);
        assertThat(new ArrayList<>(retention.propertyNames())).containsExactly("key", "value", "description");
        assertThat(retention.path("value").asString()).isEqualTo("365");
    }

    @Test
    void aValueIsChangedAndReadBackByAdministratorsAndOrganizationUsers() {
        Http.Reply put = admin().put(SETTINGS + "/" + KEY, Map.of("value", "400", "description", "longer"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.data().isNull()).isTrue();

        JsonNode changed = admin().get(SETTINGS).data().get(3);
        assertThat(changed.toString()).isEqualTo("{\"key\":\"" + KEY + "\",\"value\":\"400\",\"description\":\"longer\"}");
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        Http.Reply one = http().as("boss", "boss-pass").get("/api/" + org + "/platform/settings/common/" + KEY);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.data().path("value").asString()).isEqualTo("400");
        assertError(http().as("boss", "boss-pass").get("/api/" + org + "/platform/settings/common/no.such.key"),
                404, "404-20001");
    }

    @Test
    void badUpdatesAreRefusedWithExastrosCodesAndNothingChanges() {
        Map<String, Object> tooLong = new LinkedHashMap<>();
        tooLong.put("value", "x".repeat(4001));
        assertError(admin().put(SETTINGS + "/no.such.key", Map.of("value", "1")), 404, "404-20001");
        assertError(admin().put(SETTINGS + "/" + KEY, Map.of("description", "no value")), 400, "400-00011");
        assertError(admin().put(SETTINGS + "/" + KEY, Map.of("value", "")), 400, "400-00011");
        assertError(admin().put(SETTINGS + "/" + KEY, tooLong), 400, "400-00012");
        assertError(admin().put(SETTINGS + "/" + KEY, Map.of("value", "1", "description", "d".repeat(256))),
                400, "400-00012");
        assertError(admin().put(SETTINGS + "/" + KEY, "not json"), 400, "400-00002");
        assertThat(admin().get(SETTINGS).data().get(3).path("value").asString()).isEqualTo("365");
    }

    @Test
    void onlySystemAdministratorsListAndChangeAndLoadModeRefusesChanges() {
        String org = unique("org");
        createOrganization(org, "boss", "boss-pass");
        Http boss = http().as("boss", "boss-pass");
        assertError(http().get(SETTINGS), 401, "401-00002");
        assertError(boss.get(SETTINGS), 403, "403-00001");
        assertError(http().put(SETTINGS + "/" + KEY, Map.of("value", "1")), 401, "401-00002");
        assertError(boss.put(SETTINGS + "/" + KEY, Map.of("value", "1")), 403, "403-00001");
        String other = unique("org");
        createOrganization(other, "other", "other-pass");
        assertError(boss.get("/api/" + other + "/platform/settings/common/" + KEY), 401, "401-00002");

        setModes("0", "1");
        assertError(admin().put(SETTINGS + "/" + KEY, Map.of("value", "1")), 498, "498-00001");
        assertThat(admin().get(SETTINGS).status()).isEqualTo(200);
        setModes("0", "0");
        assertThat(admin().get(SETTINGS).data().get(3).path("value").asString()).isEqualTo("365");
    }
}
