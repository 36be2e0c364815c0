package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The organization manager's pages and the system administrator's organization pages over HTTP, and the HTML error
 * pages: who may open them, what a refusal shows, what load mode shows, and that nothing is written when refused.
 */
class ManagerPagesTest extends ApiTest {

    private TestWorkspace ws;
    private UiClient manager;
    private String base;

    @BeforeEach
    void organization() {
        ws = newWorkspace("mp");
        manager = new UiClient(port);
        manager.logIn(ws.org(), "owner", "owner-pass");
        base = "/ui/org/" + ws.org();
    }

    private Http.Reply apiUser(String username) {
        return ws.member().get("/api/" + ws.org() + "/platform/users/" + username);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static void assertHtmlPage(UiClient.Page page, int status) {
        assertThat(page.status()).as(page.toString()).isEqualTo(status);
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("class=\"top\"")
                .doesNotContainIgnoringCase("exception").doesNotContain("\tat ").doesNotContain("\"result\"");
    }

    @Test
    void withoutASessionEveryPageSendsToTheLogin() {
        UiClient anonymous = new UiClient(port);
        for (String path : new String[] {base + "/workspaces", base + "/users", base + "/users/watcher/edit",
                base + "/workspaces/ws1/edit", "/admin/organizations/" + ws.org()}) {
            UiClient.Page page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
        UiClient.Page post = anonymous.post(base + "/users", form("username", "sneaky", "password", "sneaky-pass-1"));
        assertThat(post.status()).isIn(302, 403);
        assertError(apiUser("sneaky"), 404, "404-00001");
    }

    @Test
    void anotherOrganizationsManagerIsRefusedAndLearnsNothing() {
        String other = unique("mp-other");
        createOrganization(other, "stranger", "stranger-pass");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");

        for (String path : new String[] {base + "/workspaces", base + "/users", base + "/users/watcher/edit",
                base + "/workspaces/ws1/edit"}) {
            UiClient.Page page = stranger.get(path);
            assertHtmlPage(page, 403);
            assertThat(page.body()).contains("403-00001").doesNotContain("watcher-pass")
                    .doesNotContain("ws1 name").doesNotContain("Only the organization managers");
        }
        String token = stranger.get("/ui/org/" + other + "/users").csrfToken();
        assertHtmlPage(stranger.post(base + "/users", form("_csrf", token, "username", "sneaky",
                "password", "sneaky-pass-1")), 403);
        assertHtmlPage(stranger.post(base + "/workspaces/ws1/delete", form("_csrf", token)), 403);
        assertError(apiUser("sneaky"), 404, "404-00001");
        assertThat(ws.member().get("/api/" + ws.org() + "/platform/workspaces/ws1").status()).isEqualTo(200);
    }

    @Test
    void membersAndViewersAreToldWhoMayManageTheOrganization() {
        createUser(ws.member(), ws.org(), "mem", "mem-pass-1", "ws1", "member");
        UiClient viewer = new UiClient(port);
        viewer.logIn(ws.org(), "watcher", "watcher-pass");
        UiClient member = new UiClient(port);
        member.logIn(ws.org(), "mem", "mem-pass-1");

        for (UiClient user : new UiClient[] {viewer, member}) {
            for (String path : new String[] {base + "/workspaces", base + "/users", base + "/users/owner/edit"}) {
                UiClient.Page page = user.get(path);
                assertHtmlPage(page, 403);
                assertThat(page.body()).contains("Only the organization managers of " + ws.org())
                        .contains("403-00001");
            }
            String token = user.get("/ui/workspaces").csrfToken();
            assertHtmlPage(user.post(base + "/users/owner/password", form("_csrf", token, "password", "taken-over-1")),
                    403);
        }
        assertThat(http().as("owner", "owner-pass").get("/api/" + ws.org() + "/platform/users").status())
                .isEqualTo(200);

        UiClient.Page menu = viewer.get("/ui/ws/" + ws.org() + "/ws1/menu/operation_list");
        assertThat(menu.status()).isEqualTo(200);
        assertThat(menu.body()).contains("id=\"viewer-notice\"").contains("you can search and read its data");
        assertThat(member.get("/ui/ws/" + ws.org() + "/ws1/menu/operation_list").body()).doesNotContain("viewer-notice");

        UiClient.Page console = viewer.get("/admin/organizations");
        assertHtmlPage(console, 403);
        assertThat(console.body()).contains("Not allowed");
    }

    @Test
    void aManagerCreatesEditsAndDeletesWorkspacesAndARefusedFormKeepsWhatWasTyped() {
        String token = manager.get(base + "/workspaces").csrfToken();

        UiClient.Page created = manager.post(base + "/workspaces", form("_csrf", token, "id", "ws2", "name", "Second",
                "description", "for tests"));
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(created.location()).endsWith("/workspaces?created=ws2");
        assertThat(ws.member().get("/api/" + ws.org() + "/platform/workspaces/ws2").data().path("name").asString())
                .isEqualTo("Second");
        assertThat(manager.get(base + "/workspaces?created=ws2").body()).contains("Workspace ws2 was created.");

        UiClient.Page bad = manager.post(base + "/workspaces", form("_csrf", token, "id", "bad id!", "name", "Typed name",
                "description", "typed description"));
        assertHtmlPage(bad, 400);
        assertThat(bad.body()).contains("id=\"error-id\"").contains("400-00001").contains("href=\"#id\"")
                .contains("value=\"bad id!\"").contains("value=\"Typed name\"").contains("typed description");
        UiClient.Page twice = manager.post(base + "/workspaces", form("_csrf", token, "id", "ws2", "name", "Again",
                "description", ""));
        assertHtmlPage(twice, 400);
        assertThat(twice.body()).contains("id=\"error-id\"").contains("Workspace ws2 already exists");
        assertThat(ws.member().get("/api/" + ws.org() + "/platform/workspaces").data().findValuesAsString("id"))
                .containsExactly("ws1", "ws2");

        UiClient.Page noName = manager.post(base + "/workspaces/ws2", form("_csrf", token, "name", " ",
                "description", "kept text"));
        assertHtmlPage(noName, 400);
        assertThat(noName.body()).contains("id=\"error-name\"").contains("kept text");
        UiClient.Page renamed = manager.post(base + "/workspaces/ws2", form("_csrf", token, "name", "Renamed",
                "description", "new text"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(302);
        assertThat(ws.member().get("/api/" + ws.org() + "/platform/workspaces/ws2").data().path("name").asString())
                .isEqualTo("Renamed");
        assertThat(manager.get(base + "/workspaces/ws2/edit").body()).contains("value=\"Renamed\"").contains("new text");

        assertThat(manager.post(base + "/workspaces/ws2/delete", form("_csrf", token)).status()).isEqualTo(302);
        assertError(ws.member().get("/api/" + ws.org() + "/platform/workspaces/ws2"), 404, "404-00001");
        assertHtmlPage(manager.get(base + "/workspaces/ws2/edit"), 404);
    }

    @Test
    void aManagerCreatesAUserGivesRolesAndResetsThePasswordUnderThePolicy() {
        String token = manager.get(base + "/users").csrfToken();

        UiClient.Page weak = manager.post(base + "/users", form("_csrf", token, "username", "carol", "password", "x",
                "email", "carol@example.com", "firstName", "Carol", "role:ws1", "viewer"));
        assertHtmlPage(weak, 400);
        assertThat(weak.body()).contains("id=\"error-password\"").contains("at least 8 characters")
                .contains("value=\"carol\"").contains("value=\"carol@example.com\"").contains("value=\"Carol\"")
                .doesNotContain("value=\"x\"").containsPattern("value=\"viewer\"\\s+selected");
        assertError(apiUser("carol"), 404, "404-00001");

        UiClient.Page created = manager.post(base + "/users", form("_csrf", token, "username", "carol",
                "password", "carol-pass", "email", "carol@example.com", "role:ws1", "viewer"));
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(apiUser("carol").data().path("workspaces").get(0).path("role").asString()).isEqualTo("viewer");
        UiClient.Page matrix = manager.get(base + "/users");
        assertThat(matrix.body()).containsPattern("data-user=\"carol\"[\\s\\S]*?data-ws=\"ws1\">viewer<")
                .containsPattern("data-user=\"owner\"[\\s\\S]*?data-ws=\"ws1\">member<");

        UiClient.Page roles = manager.post(base + "/users/carol", form("_csrf", token, "email", "c@example.com",
                "firstName", "", "lastName", "", "enabled", "true", "role:ws1", "member"));
        assertThat(roles.status()).as(roles.toString()).isEqualTo(302);
        assertThat(apiUser("carol").data().path("workspaces").get(0).path("role").asString()).isEqualTo("member");
        assertThat(apiUser("carol").data().path("email").asString()).isEqualTo("c@example.com");

        UiClient.Page refused = manager.post(base + "/users/carol/password", form("_csrf", token, "password", "x"));
        assertHtmlPage(refused, 400);
        assertThat(refused.body()).contains("id=\"error-password\"").contains("at least 8 characters")
                .contains("value=\"c@example.com\"");
        assertThat(http().as("carol", "carol-pass").get("/api/" + ws.org() + "/platform/workspaces").status())
                .isEqualTo(200);
        UiClient.Page reset = manager.post(base + "/users/carol/password", form("_csrf", token, "password", "carol-new-1"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(302);
        assertThat(http().as("carol", "carol-new-1").get("/api/" + ws.org() + "/platform/workspaces").status())
                .isEqualTo(200);

        UiClient.Page demoteSelf = manager.post(base + "/users/owner", form("_csrf", token, "email", "",
                "firstName", "", "lastName", "", "enabled", "true", "role:ws1", "member"));
        assertHtmlPage(demoteSelf, 400);
        assertThat(demoteSelf.body()).contains("You cannot disable yourself");
        assertThat(apiUser("owner").data().path("organization_manager").asBoolean()).isTrue();

        assertThat(manager.post(base + "/users/carol/delete", form("_csrf", token)).status()).isEqualTo(302);
        assertError(apiUser("carol"), 404, "404-00001");
    }

    @Test
    void inLoadModeThePagesSayWhyNothingCanBeSavedAndNothingIs() {
        String token = manager.get(base + "/users").csrfToken();
        setModes("0", "1");
        try {
            for (String path : new String[] {base + "/users", base + "/workspaces", base + "/users/watcher/edit",
                    base + "/workspaces/ws1/edit"}) {
                UiClient.Page page = manager.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).contains("id=\"load-mode\"").contains("nothing can be created, changed")
                        .containsPattern("type=\"submit\"[^>]*disabled");
            }
            UiClient.Page user = manager.post(base + "/users", form("_csrf", token, "username", "late",
                    "password", "late-pass-1"));
            assertHtmlPage(user, 498);
            assertThat(user.body()).contains("498-00001").contains("value=\"late\"");
            UiClient.Page workspace = manager.post(base + "/workspaces", form("_csrf", token, "id", "late",
                    "name", "Late", "description", ""));
            assertHtmlPage(workspace, 498);
            assertThat(workspace.body()).contains("498-22001");
            assertHtmlPage(manager.post(base + "/users/watcher/password", form("_csrf", token, "password",
                    "watcher-new-1")), 498);
        } finally {
            setModes("0", "0");
        }
        assertError(apiUser("late"), 404, "404-00001");
        assertError(ws.member().get("/api/" + ws.org() + "/platform/workspaces/late"), 404, "404-00001");
        assertThat(ws.viewer().get("/api/" + ws.org() + "/platform/workspaces").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorOpensAnOrganizationAndChangesItsName() {
        UiClient admin = new UiClient(port);
        admin.logIn("", ADMIN, ADMIN_PASSWORD);
        String page = "/admin/organizations/" + ws.org();

        UiClient.Page details = admin.get(page);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.body()).contains("ws1 name").contains("data-user=\"watcher\"")
                .containsPattern("id=\"managers\">\\s*<li>owner</li>");
        assertThat(admin.get("/admin/organizations").body()).contains("href=\"" + page + "\"");

        String token = details.csrfToken();
        UiClient.Page empty = admin.post(page, form("_csrf", token, "name", ""));
        assertHtmlPage(empty, 400);
        assertThat(empty.body()).contains("id=\"error-name\"");
        UiClient.Page saved = admin.post(page, form("_csrf", token, "name", "Renamed organization"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(admin().get("/api/platform/organizations/" + ws.org()).data().path("name").asString())
                .isEqualTo("Renamed organization");
        assertHtmlPage(admin.get("/admin/organizations/no-such-org"), 404);

        String id = unique("mp-new");
        UiClient.Page weak = admin.post("/admin/organizations", form("_csrf", token, "id", id, "name", "Typed",
                "manager", "boss", "email", "boss@example.com", "password", "x"));
        assertHtmlPage(weak, 400);
        assertThat(weak.body()).contains("id=\"error-password\"").contains("at least 8 characters")
                .contains("value=\"" + id + "\"").contains("value=\"boss\"").doesNotContain("value=\"x\"");
        assertError(admin().get("/api/platform/organizations/" + id), 404, "404-00001");
    }

    private HttpResponse<String> raw(String path, String accept, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownPagesAreAnHtmlPageForBrowsersAndTheEnvelopeForTheApi() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        HttpResponse<String> page = raw("/no/such/page", browser, null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("class=\"top\"").contains("Page not found").contains("404-00001")
                .contains("lang=\"en\"");

        HttpResponse<String> japanese = raw("/no/such/page", browser, "jita-lang=ja");
        assertThat(japanese.statusCode()).isEqualTo(404);
        assertThat(japanese.body()).contains("ページが見つかりません").contains("lang=\"ja\"");

        HttpResponse<String> loggedIn = raw("/ui/no-such-page", browser, UiClient.SESSION_COOKIE + "=" + manager.session());
        assertThat(loggedIn.statusCode()).isEqualTo(404);
        assertThat(loggedIn.body()).contains("Page not found").contains("owner @ " + ws.org());

        for (HttpResponse<String> json : java.util.List.of(raw("/api/no-such-org/platform/workspaces", browser, null),
                raw("/no/such/page", null, null), raw("/no/such/page", "application/json", null))) {
            assertThat(json.statusCode()).isEqualTo(404);
            assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(json.body()).contains("\"result\":\"404-00001\"");
        }
    }
}
