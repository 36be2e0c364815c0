package dev.jita.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthMatrixTest extends ApiTest {

    private String orgA;
    private String orgB;
    private Http managerA;
    private Http managerB;

    @BeforeEach
    void twoOrganizations() {
        orgA = unique("auth-a");
        orgB = unique("auth-b");
        createOrganization(orgA, "alice", "alice-pass");
        createOrganization(orgB, "bob", "bob-pass");
        managerA = http().as("alice", "alice-pass");
        managerB = http().as("bob", "bob-pass");
        createWorkspace(managerA, orgA, "ws-a");
        createWorkspace(managerB, orgB, "ws-b");
    }

    @Test
    void withoutCredentialsEveryProtectedEndpointAnswers401() {
        for (String path : new String[] {MODES, "/api/platform/organizations", "/api/ita/loglevel-settings/",
                "/api/" + orgA + "/platform/workspaces", "/api/" + orgA + "/platform/users"}) {
            Http.Reply reply = http().get(path);
            assertError(reply, 401, "401-00002");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        }
    }

    @Test
    void malformedAuthorizationHeadersAnswer401() {
        for (String header : new String[] {"Bearer abc", "Basic", "Basic !!!notbase64", "Basic "
                + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes())}) {
            assertError(http().header("Authorization", header).get(MODES), 401, "401-00002");
            assertError(http().header("Authorization", header).get("/api/" + orgA + "/platform/workspaces"),
                    401, "401-00002");
        }
    }

    @Test
    void wrongPasswordAnswers401() {
        assertError(http().as(ADMIN, "nope").get(MODES), 401, "401-00002");
        assertError(http().as("alice", "nope").get("/api/" + orgA + "/platform/workspaces"), 401, "401-00002");
        assertError(http().as("nobody", "nope").get("/api/" + orgA + "/platform/workspaces"), 401, "401-00002");
    }

    @Test
    void organizationUsersAreForbiddenOnSystemEndpoints() {
        assertError(managerA.get(MODES), 403, "403-00001");
        assertError(managerA.get("/api/platform/organizations"), 403, "403-00001");
        assertError(managerA.post("/api/platform/organizations", organizationBody(unique("x"), "m", "p")), 403,
                "403-00001");
        assertError(managerA.get("/api/ita/loglevel-settings/"), 403, "403-00001");
        assertError(managerA.patch("/api/ita/loglevel-settings/", Map.of("ita-api-admin", "DEBUG")), 403,
                "403-00001");
    }

    @Test
    void systemAdministratorsAreNotUsersOfAnOrganization() {
        assertError(admin().get("/api/" + orgA + "/platform/workspaces"), 401, "401-00002");
    }

    @Test
    void aUserOfOneOrganizationCannotSeeOrTouchAnother() {
        String b = "/api/" + orgB + "/platform/workspaces";
        assertError(managerA.get(b), 401, "401-00002");
        assertError(managerA.get(b + "/ws-b"), 401, "401-00002");
        assertError(managerA.delete(b + "/ws-b"), 401, "401-00002");
        assertError(managerA.post(b, Map.of("id", "intruder", "name", "x")), 401, "401-00002");
        assertError(managerA.get("/api/" + orgB + "/platform/users"), 401, "401-00002");
        assertError(managerA.get("/api/" + orgB + "/platform/maintenance-mode-setting"), 401, "401-00002");

        assertThat(managerB.get(b).data().size()).isEqualTo(1);
        assertThat(managerB.get(b + "/ws-b").status()).isEqualTo(200);
        assertThat(managerA.get("/api/" + orgA + "/platform/workspaces").data().toString()).doesNotContain("ws-b");
    }

    @Test
    void sameUserNameInTwoOrganizationsAreTwoUsers() {
        createUser(managerA, orgA, "carol", "carol-in-a", "ws-a", "member");
        createUser(managerB, orgB, "carol", "carol-in-b", "ws-b", "member");

        assertThat(http().as("carol", "carol-in-a").get("/api/" + orgA + "/platform/workspaces").status()).isEqualTo(200);
        assertError(http().as("carol", "carol-in-a").get("/api/" + orgB + "/platform/workspaces"), 401, "401-00002");
        assertThat(http().as("carol", "carol-in-b").get("/api/" + orgB + "/platform/workspaces").status()).isEqualTo(200);
    }

    @Test
    void membersAndViewersCannotManageTheOrganization() {
        createUser(managerA, orgA, "mia", "mia-pass", "ws-a", "member");
        createUser(managerA, orgA, "vic", "vic-pass", "ws-a", "viewer");
        String workspaces = "/api/" + orgA + "/platform/workspaces";
        for (Http user : new Http[] {http().as("mia", "mia-pass"), http().as("vic", "vic-pass")}) {
            assertThat(user.get(workspaces).status()).isEqualTo(200);
            assertThat(user.get(workspaces + "/ws-a").status()).isEqualTo(200);
            assertError(user.post(workspaces, Map.of("id", "nope", "name", "n")), 403, "403-00001");
            assertError(user.put(workspaces + "/ws-a", Map.of("name", "renamed")), 403, "403-00001");
            assertError(user.delete(workspaces + "/ws-a"), 403, "403-00001");
            assertError(user.get("/api/" + orgA + "/platform/users"), 403, "403-00001");
            assertError(user.post("/api/" + orgA + "/platform/users", Map.of("username", "x", "password", "y")),
                    403, "403-00001");
        }
        assertThat(managerA.get(workspaces + "/ws-a").data().path("name").asString()).isEqualTo("ws-a name");
    }

    @Test
    void userNamesAndOrganizationIdsCompareExactly() {
        assertError(http().as("ALICE", "alice-pass").get("/api/" + orgA + "/platform/workspaces"), 401, "401-00002");
        assertError(http().as(ADMIN.toUpperCase(), ADMIN_PASSWORD).get(MODES), 401, "401-00002");
        assertError(managerA.get("/api/" + orgA.toUpperCase() + "/platform/workspaces"), 404, "404-00001");
    }

    @Test
    void unknownOrganizationIs404() {
        assertError(http().as("alice", "alice-pass").get("/api/no-such-org/platform/workspaces"), 404, "404-00001");
        assertError(http().get("/api/no-such-org/platform/workspaces"), 404, "404-00001");
    }
}
