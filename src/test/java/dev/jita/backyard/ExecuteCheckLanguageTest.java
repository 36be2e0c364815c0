package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.UiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** backyard-execute-check's status names in the system administrator's saved language when no header names one. */
class ExecuteCheckLanguageTest extends EngineTestOnOwnDatabase {

    private static final String CHECK = "/api/ita/backyard-execute-check/";

    @AfterEach
    void forgetTheAdministratorsLanguage() {
        jdbc.sql("UPDATE system_admin SET preferred_language = NULL WHERE username = ?").param(ADMIN).update();
    }

    private String statusName(JsonNode check, String org) {
        for (JsonNode organization : check.path("organizations").values()) {
            if (organization.path("id").asString().equals(org)) {
                return organization.path("workspaces").get(0).path("backyards").path("ita-by-ansible-execute")
                        .get(0).path("status_name").asString();
            }
        }
        throw new AssertionError(org + " not in " + check);
    }

    @Test
    void statusNamesFollowTheAdministratorsSavedLanguageAndTheHeaderWins() throws Exception {
        String org = organization("ws1");
        String item = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 1).get(0);
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).reporting(3).hold();
        engine(1, handler).start();
        await("running", Duration.ofSeconds(30), () -> item(item).statusId() == 3);
        try {
            assertThat(statusName(admin().get(CHECK).data(), org)).isEqualTo("Executing");

            UiClient ui = new UiClient(port);
            ui.logIn("", ADMIN, ADMIN_PASSWORD);
            String token = ui.get("/admin/maintenance?lang=ja").csrfToken();
            assertThat(ui.post("/ui/language", Map.of("lang", "ja", "page", "/admin/maintenance", "_csrf", token))
                    .location()).endsWith("/admin/maintenance");

            assertThat(statusName(admin().get(CHECK).data(), org)).isEqualTo("実行中");
            assertThat(statusName(admin().header("Language", "en").get(CHECK).data(), org)).isEqualTo("Executing");
            for (String header : List.of("ja", "ja-JP")) {
                assertThat(statusName(admin().header("Language", header).get(CHECK).data(), org)).isEqualTo("実行中");
            }
        } finally {
            handler.release();
        }
    }
}
