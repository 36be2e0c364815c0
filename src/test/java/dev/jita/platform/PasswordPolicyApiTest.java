package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The password policy (default: at least 8 characters mixing at least 2 of letters, digits and other characters) on
 * every API path that sets a password: a 400 in the envelope naming the rule, and nothing written.
 */
class PasswordPolicyApiTest extends ApiTest {

    private static final String ORGS = "/api/platform/organizations";

    @ParameterizedTest
    @ValueSource(strings = {"x", "short-1", "password", "12345678", "--------"})
    void organizationCreationRefusesAWeakManagerPassword(String weak) {
        String id = unique("pw-org");

        Http.Reply reply = admin().post(ORGS, organizationBody(id, "boss", weak));

        assertError(reply, 400, "400-00001");
        assertThat(reply.json().path("message").asString()).contains("credentials[0].value")
                .containsAnyOf("jita.security.password.min-length", "jita.security.password.min-classes");
        assertError(admin().get(ORGS + "/" + id), 404, "404-00001");
    }

    @Test
    void theRuleIsNamedInJapaneseToo() {
        Http.Reply reply = admin().header("Language", "ja").post(ORGS, organizationBody(unique("pw-org"), "boss", "x"));

        assertError(reply, 400, "400-00001");
        assertThat(reply.json().path("message").asString()).contains("8 文字以上")
                .contains("jita.security.password.min-length");
    }

    @Test
    void userCreationRefusesAWeakPasswordAndCreatesNothing() {
        TestWorkspace ws = newWorkspace("pw-user");
        String users = "/api/" + ws.org() + "/platform/users";

        Http.Reply reply = ws.member().post(users, Map.of("username", "weak", "password", "x"));

        assertError(reply, 400, "400-00001");
        assertThat(reply.json().path("message").asString()).contains("password").contains("min-length");
        assertError(ws.member().post(users, Map.of("username", "weak", "password", "onlyletters")), 400, "400-00001");
        assertError(ws.member().get(users + "/weak"), 404, "404-00001");

        assertThat(ws.member().post(users, Map.of("username", "strong", "password", "strong-pass")).status())
                .isEqualTo(200);
        assertThat(http().as("strong", "strong-pass").get("/api/" + ws.org() + "/platform/workspaces").status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordResetRefusesAWeakPasswordAndKeepsTheOldOne() {
        TestWorkspace ws = newWorkspace("pw-reset");
        String watcher = "/api/" + ws.org() + "/platform/users/watcher";
        String before = ws.member().get(watcher).data().path("last_update_timestamp").asString();

        assertError(ws.member().put(watcher, Map.of("password", "x")), 400, "400-00001");
        assertError(ws.member().put(watcher, Map.of("password", "", "email", "w@example.com")), 400, "400-00001");
        assertError(ws.member().put(watcher, Map.of("password", "x", "email", "w@example.com")), 400, "400-00001");

        assertThat(ws.member().get(watcher).data().path("email").isNull()).isTrue();
        assertThat(ws.member().get(watcher).data().path("last_update_timestamp").asString()).isEqualTo(before);
        assertThat(ws.viewer().get("/api/" + ws.org() + "/platform/workspaces").status()).isEqualTo(200);
        assertError(http().as("watcher", "x").get("/api/" + ws.org() + "/platform/workspaces"), 401, "401-00002");

        assertThat(ws.member().put(watcher, Map.of("password", "watcher-new-1")).status()).isEqualTo(200);
        assertThat(http().as("watcher", "watcher-new-1").get("/api/" + ws.org() + "/platform/workspaces").status())
                .isEqualTo(200);
    }

    @Test
    void inLoadModeAPasswordChangeIsRefusedFirst() {
        TestWorkspace ws = newWorkspace("pw-load");
        setModes("0", "1");
        try {
            assertError(ws.member().put("/api/" + ws.org() + "/platform/users/watcher", Map.of("password", "x")),
                    498, "498-00001");
        } finally {
            setModes("0", "0");
        }
    }
}
