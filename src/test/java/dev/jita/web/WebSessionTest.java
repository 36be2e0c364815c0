package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a web UI session is worth once its account changes: real logins through the form, then requests with
 * the session cookie, against a real server.
 */
class WebSessionTest extends ApiTest {

    private static final String OPERATIONS = "/menu/operation_list";

    private String org;
    private Http owner;
    private String users;

    @BeforeEach
    void organizationWithAMember() {
        org = unique("session-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createUser(owner, org, "alice", "alice-pass", "ws1", "member");
        users = "/api/" + org + "/platform/users/";
    }

    private UiClient loggedInAlice() {
        UiClient alice = new UiClient(port);
        alice.logIn(org, "alice", "alice-pass");
        UiClient.Page workspaces = alice.get("/ui/workspaces");
        assertThat(workspaces.status()).as(workspaces.toString()).isEqualTo(200);
        assertThat(workspaces.body()).contains("ws1 name");
        return alice;
    }

    private void changeAlice(Map<String, Object> change) {
        Http.Reply reply = owner.put(users + "alice", change);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** The next request of the old session goes to the login page, and the session cookie opens nothing anymore. */
    private void assertEnded(UiClient alice) {
        String oldSession = alice.session();
        UiClient.Page page = alice.get("/ui/workspaces");
        assertThat(page.status()).as(page.toString()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(page.body()).doesNotContain("ws1");

        alice.useSession(oldSession);
        UiClient.Page menu = alice.get("/ui/ws/" + org + "/ws1" + OPERATIONS);
        assertThat(menu.status()).as(menu.toString()).isEqualTo(302);
        assertThat(menu.location()).endsWith("/login");
        alice.useSession(oldSession);
        UiClient.Page login = alice.get("/login");
        assertThat(login.body()).as("no one is logged in").doesNotContain("alice @ " + org);
    }

    @Test
    void aDisabledUsersSessionEndsAtItsNextRequest() {
        UiClient alice = loggedInAlice();
        changeAlice(Map.of("enabled", false));
        assertEnded(alice);
    }

    @Test
    void aDeletedUsersSessionEndsAtItsNextRequest() {
        UiClient alice = loggedInAlice();
        Http.Reply deleted = owner.delete(users + "alice");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertEnded(alice);
    }

    @Test
    void aNewPasswordEndsTheSessionsOpenedWithTheOldOne() {
        UiClient alice = loggedInAlice();
        changeAlice(Map.of("password", "alice-new-pass"));
        assertEnded(alice);

        UiClient again = new UiClient(port);
        again.logIn(org, "alice", "alice-new-pass");
        assertThat(again.get("/ui/workspaces").status()).isEqualTo(200);
    }

    @Test
    void theSamePasswordSetAgainEndsTheSessionToo() {
        UiClient alice = loggedInAlice();
        changeAlice(Map.of("password", "alice-pass"));
        assertEnded(alice);
    }

    @Test
    void aNewRoleEndsTheSessionThatHoldsTheOldOne() {
        UiClient alice = loggedInAlice();
        changeAlice(Map.of("organization_manager", true));
        assertEnded(alice);
    }

    @Test
    void deletingTheOrganizationEndsItsUsersSessions() {
        UiClient alice = loggedInAlice();
        Http.Reply deleted = admin().delete("/api/platform/organizations/" + org);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertEnded(alice);
    }

    @Test
    void aFormPostedFromAnEndedSessionWritesNothing() {
        String record = register(owner, org, "kept-operation");
        UiClient alice = loggedInAlice();
        UiClient.Page menu = alice.get("/ui/ws/" + org + "/ws1" + OPERATIONS);
        String lastUpdate = owner.get("/api/" + org + "/workspaces/ws1/ita/menu/operation_list/filter/").data()
                .get(0).path("parameter").path("last_update_date_time").asString();
        changeAlice(Map.of("enabled", false));

        UiClient.Page discard = alice.post("/ui/ws/" + org + "/ws1" + OPERATIONS + "/" + record + "/discard",
                Map.of("_csrf", menu.csrfToken(), "last_update_date_time", lastUpdate));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(302);
        assertThat(discard.location()).endsWith("/login");
        assertThat(owner.get("/api/" + org + "/workspaces/ws1/ita/menu/operation_list/filter/").data()
                .get(0).path("parameter").path("discard").asString()).isEqualTo("0");
    }

    @Test
    void otherChangesLeaveTheSessionOpen() {
        UiClient alice = loggedInAlice();
        changeAlice(Map.of("email", "alice@example.org"));
        createUser(owner, org, "bob", "bob-pass", "ws1", "viewer");
        owner.put(users + "bob", Map.of("enabled", false));
        UiClient.Page workspaces = alice.get("/ui/workspaces");
        assertThat(workspaces.status()).as(workspaces.toString()).isEqualTo(200);
        assertThat(workspaces.body()).contains("ws1 name");
    }

    private String register(Http member, String organization, String name) {
        Http.Reply reply = member.post("/api/" + organization + "/workspaces/ws1/ita/menu/operation_list/maintenance/",
                Map.of("parameter", Map.of("operation_name", name)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("parameter").path("uuid").asString();
    }
}
