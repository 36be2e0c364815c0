package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a web UI session is worth once its account changes, what the public pages tell, and the session cookie:
 * real logins through the form, then requests with the session cookie, against a real server.
 */
class WebSessionTest extends ApiTest {

    private static final Pattern BANNER_WHO = Pattern.compile("<span class=\"banner-who\">([^<]*)</span>");
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

    @Test
    void theBannerNamesWhoSetTheModeOnlyToLoggedInUsers() {
        setModes("1", "0");
        UiClient anonymous = new UiClient(port);
        JsonNode publicBanner = Http.JSON.readTree(anonymous.get("/ui/banner").body());
        assertThat(publicBanner.path("mode").asString()).isEqualTo("backyard_execute_stop");
        assertThat(publicBanner.path("set_by").isNull()).isTrue();
        assertThat(publicBanner.path("set_at").asString()).isNotBlank();
        // The time as the pages show times: the reader's zone, UTC without a cookie.
        assertThat(publicBanner.path("who").asString()).startsWith("set at ")
                .contains(ReaderTime.choose(java.util.Optional.empty(), null)
                        .format(java.time.Instant.parse(publicBanner.path("set_at").asString())));
        assertThat(publicBanner.toString()).doesNotContain(ADMIN);
        String publicWho = bannerWho(anonymous.get("/login").body());
        assertThat(publicWho).startsWith("set at ").doesNotContain(ADMIN);

        UiClient alice = loggedInAlice();
        JsonNode banner = Http.JSON.readTree(alice.get("/ui/banner").body());
        assertThat(banner.path("set_by").asString()).isEqualTo(ADMIN);
        assertThat(banner.path("who").asString()).contains("set by " + ADMIN);
        assertThat(bannerWho(alice.get("/ui/workspaces").body())).contains("set by " + ADMIN);
    }

    private static String bannerWho(String html) {
        Matcher who = BANNER_WHO.matcher(html);
        assertThat(who.find()).as(html).isTrue();
        return who.group(1);
    }

    @Test
    void anotherOrganizationsRecordAndAMissingOneLookTheSameOnTheEditPage() {
        String other = unique("session-other");
        createOrganization(other, "carol", "carol-pass");
        Http carol = http().as("carol", "carol-pass");
        createWorkspace(carol, other, "ws1");
        String theirs = register(carol, other, "their-operation");
        String ours = register(owner, org, "our-operation");

        UiClient alice = loggedInAlice();
        UiClient.Page own = alice.get(editPage(org, ours));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.body()).contains("our-operation");

        String missing = UUID.randomUUID().toString();
        UiClient.Page foreign = alice.get(editPage(other, theirs));
        UiClient.Page foreignMissing = alice.get(editPage(other, missing));
        UiClient.Page ownMissing = alice.get(editPage(org, missing));
        for (UiClient.Page page : new UiClient.Page[] {foreign, foreignMissing, ownMissing}) {
            assertThat(page.status()).as(page.toString()).isEqualTo(404);
            assertThat(page.body()).doesNotContain("their-operation");
        }
        assertThat(sameShape(foreign.body(), theirs, other)).isEqualTo(sameShape(foreignMissing.body(), missing, other))
                .isEqualTo(sameShape(ownMissing.body(), missing, other));
    }

    private String register(Http member, String organization, String name) {
        Http.Reply reply = member.post("/api/" + organization + "/workspaces/ws1/ita/menu/operation_list/maintenance/",
                Map.of("parameter", Map.of("operation_name", name)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return member.post("/api/" + organization + "/workspaces/ws1/ita/menu/operation_list/filter/",
                Map.of("operation_name", Map.of("LIST", List.of(name)))).data().get(0).path("parameter").path("uuid").asString();
    }

    private static String editPage(String organization, String uuid) {
        return "/ui/ws/" + organization + "/ws1" + OPERATIONS + "/" + uuid + "/edit";
    }

    /**
     * The page without what differs by request alone: the record's id, the organizations (the path's, the user's), the
     * CSRF token.
     */
    private String sameShape(String body, String uuid, String other) {
        return body.replace(uuid, "{uuid}").replace(other, "{org}").replace(org, "{org}")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"{csrf}\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        UiClient browser = new UiClient(port);
        String beforeLogin = browser.get("/login").sessionCookie();
        String afterLogin = new UiClient(port).logIn(org, "alice", "alice-pass").sessionCookie();
        for (String cookie : new String[] {beforeLogin, afterLogin}) {
            assertThat(cookie).isNotNull();
            assertThat(cookie.split(";\\s*")).contains("HttpOnly", "SameSite=Lax");
        }
    }
}
