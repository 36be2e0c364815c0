package dev.jita.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class LogLevelApiTest extends ApiTest {

    private static final String LEVELS = "/api/ita/loglevel-settings/";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToInfo() {
        admin().patch(LEVELS, Map.of("ita-api-admin", "INFO", "ita-by-ansible-execute", "INFO",
                "ita-web-server", "INFO"));
    }

    @Test
    void aChangeStoredByAnotherNodeIsAppliedAtTheNextSync() throws InterruptedException {
        assertThat(LoggerFactory.getLogger("dev.jita.web").isDebugEnabled()).isFalse();

        // What another node's PATCH leaves in the shared database.
        jdbc.sql("DELETE FROM log_level_setting WHERE service_name = 'ita-web-server'").update();
        jdbc.sql("INSERT INTO log_level_setting (service_name, log_level, last_update_user, last_update_timestamp) "
                + "VALUES ('ita-web-server', 'DEBUG', 'other-node', ?)").param(java.time.LocalDateTime.now()).update();

        // jita.logging.sync-interval is 1 s in tests; allow a generous bound on a busy machine.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!LoggerFactory.getLogger("dev.jita.web").isDebugEnabled() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(LoggerFactory.getLogger("dev.jita.web").isDebugEnabled()).isTrue();
    }

    @Test
    void aQuieterLevelStoredByAnOlderJitaCountsAsInfo() throws InterruptedException {
        admin().patch(LEVELS, Map.of("ita-web-server", "DEBUG"));
        assertThat(LoggerFactory.getLogger("dev.jita.web").isDebugEnabled()).isTrue();

        jdbc.sql("UPDATE log_level_setting SET log_level = 'WARNING' WHERE service_name = 'ita-web-server'").update();

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (LoggerFactory.getLogger("dev.jita.web").isDebugEnabled() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(LoggerFactory.getLogger("dev.jita.web").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("dev.jita.web").isInfoEnabled()).isTrue();
    }

    @Test
    void listsEveryServiceWithItsLevel() {
        JsonNode levels = admin().get(LEVELS).data();

        assertThat(levels.propertyNames()).contains("ita-api-admin", "ita-api-organization", "ita-web-server",
                "ita-by-ansible-execute", "ita-by-terraform-cloud-ep-execute", "ita-by-terraform-cli-execute",
                "ita-by-menu-create", "ita-by-menu-export-import", "ita-by-excel-export-import",
                "ita-by-conductor-synchronize");
        assertThat(admin().get("/api/ita/loglevel-settings").status()).isEqualTo(200);
    }

    @Test
    void aChangeIsStoredAndAppliedAtRunTime() {
        assertThat(LoggerFactory.getLogger("dev.jita.platform").isDebugEnabled()).isFalse();

        Http.Reply reply = admin().patch(LEVELS, Map.of("ita-api-admin", "DEBUG", "ita-by-ansible-execute", "DEBUG"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        // Like Exastro's, the answer's data is a message, in the caller's language.
        assertThat(reply.data().asString()).isEqualTo("Log levels set.");
        assertThat(admin().header("Language", "ja").patch(LEVELS, Map.of("ita-api-admin", "DEBUG")).data().asString())
                .isEqualTo("ログレベルを設定しました。");
        JsonNode levels = admin().get(LEVELS).data();
        assertThat(levels.path("ita-api-admin").asString()).isEqualTo("DEBUG");
        assertThat(levels.path("ita-by-ansible-execute").asString()).isEqualTo("DEBUG");
        assertThat(LoggerFactory.getLogger("dev.jita.platform").isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("dev.jita.backyard.ita-by-ansible-execute").isDebugEnabled()).isTrue();

        assertThat(admin().patch(LEVELS, Map.of("ita-api-admin", "INFO")).status()).isEqualTo(200);
        assertThat(LoggerFactory.getLogger("dev.jita.platform").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("dev.jita.platform").isInfoEnabled()).isTrue();
    }

    /** Exastro accepts INFO and DEBUG as written; everything else is its 499-01401, and nothing changes. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"ita-api-admin\": \"WARNING\"}",
            "{\"ita-api-admin\": \"ERROR\"}",
            "{\"ita-api-admin\": \"CRITICAL\"}",
            "{\"ita-api-admin\": \"debug\"}",
            "{\"ita-api-admin\": \"Info\"}",
            "{\"ita-api-admin\": \"VERBOSE\"}",
            "{\"ita-api-admin\": \"\"}",
            "{\"ita-api-admin\": 10}",
            "{\"ita-api-admin\": null}",
            "{\"ita-api-admin\": [\"DEBUG\"]}",
            "{\"ita-api-admin\": \"DEBUG\", \"ita-web-server\": \"LOUD\"}",
            "{\"ita-api-admin\": \"DEBUG\", \"no such service\": \"DEBUG\"}",
            "{\"ita_api_admin\": \"DEBUG\"}",
            "{\"ita-by-collector\": \"DEBUG\", \"ita-api-admin\": \"WARNING\"}"})
    void whatExastroRefusesIsRefusedWithItsCode(String body) {
        String before = admin().get(LEVELS).data().toString();

        assertError(admin().patch(LEVELS, body), 499, "499-01401");

        assertThat(admin().get(LEVELS).data().toString()).isEqualTo(before);
        assertThat(LoggerFactory.getLogger("dev.jita.platform").isDebugEnabled()).isFalse();
    }

    @Test
    void aWellFormedNameOfAServiceJitaDoesNotHaveIsIgnoredAsExastroDoes() {
        Http.Reply reply = admin().patch(LEVELS, Map.of("ita-by-collector", "DEBUG", "ita-web-server", "DEBUG"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode levels = admin().get(LEVELS).data();
        assertThat(levels.has("ita-by-collector")).isFalse();
        assertThat(levels.path("ita-web-server").asString()).isEqualTo("DEBUG");
        assertThat(admin().patch(LEVELS, "{}").status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        String before = admin().get(LEVELS).data().toString();

        assertError(admin().patch(LEVELS, ""), 400, "400-00002");
        assertError(admin().patch(LEVELS, "[\"DEBUG\"]"), 400, "400-00002");
        assertError(admin().patch(LEVELS, "DEBUG"), 400, "400-00002");

        assertThat(admin().get(LEVELS).data().toString()).isEqualTo(before);
    }

    @Test
    void theRefusalSaysWhichEntryInTheCallersLanguage() {
        Http.Reply english = admin().patch(LEVELS, Map.of("ita-api-admin", "WARNING"));
        Http.Reply japanese = admin().header("Language", "ja").patch(LEVELS, Map.of("ita-api-admin", "WARNING"));

        assertThat(english.json().path("message").asString()).contains("ita-api-admin: WARNING").contains("INFO or DEBUG");
        assertThat(japanese.json().path("message").asString()).contains("ita-api-admin: WARNING").contains("ログレベル");
    }

    @Test
    void onlySystemAdministrators() {
        String org = unique("ll-org");
        createOrganization(org, "m", "m-pass-1");

        assertError(http().get(LEVELS), 401, "401-00002");
        assertError(http().patch(LEVELS, Map.of("ita-api-admin", "DEBUG")), 401, "401-00002");
        assertError(http().as("m", "m-pass-1").patch(LEVELS, Map.of("ita-api-admin", "DEBUG")), 403, "403-00001");
        assertThat(admin().get(LEVELS).data().path("ita-api-admin").asString()).isEqualTo("INFO");
    }
}
