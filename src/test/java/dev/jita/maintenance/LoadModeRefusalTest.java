package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In load mode every platform write is refused with its own code, reads go on, and nothing changes. */
class LoadModeRefusalTest extends ApiTest {

    private static final String ORGS = "/api/platform/organizations";

    private String org;
    private Http manager;
    private String workspaces;

    @BeforeEach
    void organizationWithAWorkspace() {
        org = unique("lm-org");
        createOrganization(org, "owner", "owner-pass");
        manager = http().as("owner", "owner-pass");
        workspaces = "/api/" + org + "/platform/workspaces";
        createWorkspace(manager, org, "ws1");
    }

    private static void assertRefused(Http.Reply reply, String result) {
        assertError(reply, 498, result);
        assertThat(reply.header("Retry-After")).isEqualTo("60");
        assertThat(reply.header("X-Maintenance-Mode")).isEqualTo("data_update_stop");
    }

    @Test
    void organizationWritesAreRefusedWithTheirCodes() {
        String newId = unique("lm-new");
        String before = admin().get(ORGS).data().toString();
        setModes("0", "1");

        assertRefused(admin().post(ORGS, organizationBody(newId, "m", "p")), "498-23001");
        assertRefused(admin().delete(ORGS + "/" + org), "498-23002");
        assertRefused(admin().put(ORGS + "/" + org, Map.of("name", "changed")), "498-23003");
        assertRefused(admin().post(ORGS, "not even json"), "498-23001");

        assertThat(admin().get(ORGS).data().toString()).isEqualTo(before);
        assertThat(admin().get(ORGS + "/" + org).status()).isEqualTo(200);
    }

    @Test
    void workspaceWritesAreRefusedWithTheirCodes() {
        String before = manager.get(workspaces).data().toString();
        setModes("0", "1");

        assertRefused(manager.post(workspaces, Map.of("id", "ws2", "name", "two")), "498-22001");
        assertRefused(manager.delete(workspaces + "/ws1"), "498-22002");
        assertRefused(manager.put(workspaces + "/ws1", Map.of("name", "changed")), "498-22003");

        assertThat(manager.get(workspaces).data().toString()).isEqualTo(before);
    }

    @Test
    void userManagementIsRefused() {
        String users = "/api/" + org + "/platform/users";
        String before = manager.get(users).data().toString();
        setModes("0", "1");

        assertRefused(manager.post(users, Map.of("username", "new", "password", "p")), "498-00001");
        assertRefused(manager.put(users + "/owner", Map.of("email", "x@example.com")), "498-00001");
        assertRefused(manager.delete(users + "/owner"), "498-00001");

        assertThat(manager.get(users).data().toString()).isEqualTo(before);
    }

    @Test
    void everyNonGetUnderApiItaIsRefusedAndNamesTheRequest() {
        String levels = admin().get("/api/ita/loglevel-settings/").data().toString();
        setModes("0", "1");

        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Http.Reply reply = admin().send(method, "/api/ita/loglevel-settings/", Map.of("ita-api-admin", "DEBUG"));
            assertRefused(reply, "498-00001");
            assertThat(reply.json().path("message").asString()).contains(method).contains("/api/ita/loglevel-settings/");
        }
        assertRefused(admin().post("/api/ita/anything/else/", "{}"), "498-00001");

        assertThat(admin().get("/api/ita/loglevel-settings/").data().toString()).isEqualTo(levels);
    }

    @Test
    void refusalsComeAfterAuthentication() {
        setModes("0", "1");
        assertError(http().post(ORGS, organizationBody(unique("x"), "m", "p")), 401, "401-00002");
        assertError(http().patch("/api/ita/loglevel-settings/", Map.of("ita-api-admin", "DEBUG")), 401, "401-00002");
        assertError(manager.post(ORGS, organizationBody(unique("x"), "m", "p")), 403, "403-00001");
    }

    @Test
    void readsKeepWorkingAndTheModeCanBeTurnedOff() {
        setModes("1", "1");

        assertThat(admin().get(ORGS).status()).isEqualTo(200);
        assertThat(admin().get(ORGS + "/" + org).status()).isEqualTo(200);
        assertThat(manager.get(workspaces).status()).isEqualTo(200);
        assertThat(manager.get(workspaces + "/ws1").status()).isEqualTo(200);
        assertThat(manager.get("/api/" + org + "/platform/users").status()).isEqualTo(200);
        assertThat(admin().get("/api/ita/loglevel-settings/").status()).isEqualTo(200);

        setModes("0", "0");
        assertThat(manager.post(workspaces, Map.of("id", "after", "name", "after")).status()).isEqualTo(200);
    }

    @Test
    void stopServerSideJobsAloneDoesNotRefuseWrites() {
        setModes("1", "0");

        assertThat(manager.post(workspaces, Map.of("id", "ws2", "name", "two")).status()).isEqualTo(200);
        assertThat(admin().put(ORGS + "/" + org, Map.of("name", "changed")).status()).isEqualTo(200);
    }

    @Test
    void refusalMessagesInJapanese() {
        setModes("0", "1");
        Http.Reply reply = manager.header("Language", "ja").post(workspaces, Map.of("id", "x", "name", "x"));
        assertRefused(reply, "498-22001");
        assertThat(reply.json().path("message").asString()).contains("メンテナンス中");
    }
}
