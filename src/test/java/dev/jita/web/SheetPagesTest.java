package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.UiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameter-sheet pages without a browser: the definition page's save ({@code POST …/sheets/define}) refuses
 * those not logged in or whose session ended, forged requests, other organizations, viewers, malformed bodies and
 * invalid definitions, and registers nothing then; load mode hides the controls and the save gets 498.
 */
class SheetPagesTest extends ApiTest {

    private String org;
    private String page;
    private Http owner;
    private UiClient member;
    private UiClient viewer;

    @BeforeEach
    void workspace() {
        org = unique("sp-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createUser(owner, org, "watcher", "watcher-pass", "ws1", "viewer");
        page = "/ui/ws/" + org + "/ws1/sheets";
        member = new UiClient(port);
        member.logIn(org, "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
    }

    /** A valid Create New of Data sheet {@code rest}. */
    private static String sheet(String rest) {
        return Http.JSON.writeValueAsString(Sheets.createNew(rest, Sheets.DATA, false, List.of(Sheets.text("name", 10))));
    }

    /** The rows of menu_creation_history and menu_definition_list: one of each per registered request and sheet. */
    private List<Integer> registered() {
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        return List.of(owner.get(menus + "menu_creation_history/filter/count/").data().asInt(),
                owner.get(menus + "menu_definition_list/filter/count/").data().asInt());
    }

    private static JsonNode json(UiClient.Page page) {
        return Http.JSON.readTree(page.body());
    }

    private static void refused(UiClient.Page answer, int status, String result) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        JsonNode envelope = json(answer);
        assertThat(envelope.path("result").asString()).as(answer.toString()).isEqualTo(result);
        assertThat(envelope.path("message").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContainIgnoringCase("exception").doesNotContain("SELECT ");
    }

    @Test
    void aMemberSavesADefinitionOnce() {
        UiClient.Page editor = member.get(page + "/new");
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("id=\"save\"").contains("data-csrf-token");
        UiClient.Page saved = member.postJson(page + "/define", sheet("ports"), editor.csrfToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(json(saved).path("data").path("menu_name_rest").asString()).isEqualTo("ports");
        assertThat(json(saved).path("data").path("history_id").asString()).matches("[0-9a-f-]{36}");
        assertThat(registered()).containsExactly(1, 1);
        assertThat(member.get(page).body()).contains("data-rest=\"ports\"");
    }

    @Test
    void withoutALoginOrATokenNothingIsRegistered() {
        UiClient anonymous = new UiClient(port);
        for (String path : new String[] {page, page + "/new"}) {
            UiClient.Page answer = anonymous.get(path);
            assertThat(answer.status()).as(path).isEqualTo(302);
            assertThat(answer.location()).endsWith("/login");
        }
        String token = member.get(page + "/new").csrfToken();
        UiClient.Page post = anonymous.postJson(page + "/define", sheet("ports"), token);
        assertThat(post.status()).as(post.toString()).isIn(302, 403);
        assertThat(post.body()).doesNotContain("history_id");

        UiClient.Page forged = member.postJson(page + "/define", sheet("ports"), null);
        assertThat(forged.status()).as("no CSRF token").isEqualTo(403);
        UiClient.Page wrongToken = member.postJson(page + "/define", sheet("ports"), "not-the-token");
        assertThat(wrongToken.status()).as("a wrong CSRF token").isEqualTo(403);
        assertThat(registered()).containsExactly(0, 0);
    }

    @Test
    void anotherOrganizationsUserGetsNothing() {
        String other = unique("sp-other");
        createOrganization(other, "stranger", "stranger-pass");
        createWorkspace(http().as("stranger", "stranger-pass"), other, "ws1");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");
        for (String path : new String[] {page, page + "/new"}) {
            assertThat(stranger.get(path).status()).as(path).isEqualTo(403);
        }
        String token = stranger.get("/ui/ws/" + other + "/ws1/sheets/new").csrfToken();
        refused(stranger.postJson(page + "/define", sheet("ports"), token), 403, "403-00001");
        // Nor a workspace of its own organization that is not there.
        refused(member.postJson("/ui/ws/" + org + "/ws9/sheets/define", sheet("ports"),
                member.get(page + "/new").csrfToken()), 403, "403-00001");
        assertThat(registered()).containsExactly(0, 0);
    }

    @Test
    void aViewerSeesTheSheetsButCannotDefineOne() {
        UiClient.Page list = viewer.get(page);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("id=\"new-sheet\"");
        assertThat(viewer.get(page + "/new").status()).isEqualTo(403);
        String token = viewer.get("/ui/ws/" + org + "/ws1/menu/operation_list").csrfToken();
        refused(viewer.postJson(page + "/define", sheet("ports"), token), 403, "403-00001");
        assertThat(registered()).containsExactly(0, 0);
    }

    @Test
    void aMalformedBodyOrAnInvalidDefinitionGetsAClearReasonAndNothingIsRegistered() {
        String token = member.get(page + "/new").csrfToken();
        String define = page + "/define";
        for (String body : new String[] {"not json", "[]", "{\"menu\": ", " ", "", "{\"type\": \"create_new\"}",
                "{\"type\": \"create_new\", \"menu\": []}",
                "{\"type\": \"create_new\", \"menu\": {}, \"column\": \"c1\"}"}) {
            UiClient.Page answer = member.postJson(define, body, token);
            assertThat(answer.status()).as("'" + body + "' → " + answer).isEqualTo(400);
            assertThat(json(answer).path("result").asString()).startsWith("400-");
        }
        refused(member.postJson(define, "{\"type\": \"delete\", \"menu\": {}}", token), 499, "499-00703");
        refused(member.postJson(define, "{\"menu\": {}}", token), 499, "499-00703");
        refused(member.postJson(define, "{\"type\": \"edit\", \"menu\": {\"menu_create_id\": \"nope\"}, \"column\": {}}",
                token), 499, "499-00703");
        String large = "{\"type\": \"create_new\", \"menu\": {\"remarks\": \"" + "y".repeat(1024 * 1024) + "\"}}";
        refused(member.postJson(define, large, token), 400, "400-00002");
        refused(member.postJson(define, "{\"type\": \"create_new\", \"menu\": {\"menu_name\": \"a\\u0000b\"}}", token),
                400, "400-00002");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        refused(member.postJson(define, "{\"type\": \"create_new\", \"menu\": " + deep + "}", token), 400,
                "400-00002");
        UiClient.Page form = member.post(define, Map.of("_csrf", token, "menu_name_rest", "ports"));
        assertThat(form.status()).as(form.toString()).isEqualTo(400);
        assertThat(json(form).path("result").asString()).startsWith("400-");
        UiClient.Page get = member.get(define);
        assertThat(get.status()).as(get.toString()).isIn(404, 405);

        UiClient.Page invalid = member.postJson(define, sheet("ports").replace("\"ports\"", "\"bad name!\""), token);
        refused(invalid, 499, "499-00701");
        assertThat(json(invalid).path("data").path("errors").path("menu.menu_name_rest").toString()).isNotEmpty();
        UiClient.Page taken = member.postJson(define, sheet("operation_list"), token);
        refused(taken, 499, "499-00701");
        assertThat(json(taken).path("data").path("errors").toString()).contains("operation_list");
        UiClient.Page noItems = member.postJson(define, sheet("ports").replaceAll("\"column\":\\{.*}}$", "\"column\":{}}"),
                token);
        refused(noItems, 499, "499-00711");

        assertThat(member.get(page + "/nowhere/edit").status()).isEqualTo(404);
        assertThat(registered()).containsExactly(0, 0);
    }

    @Test
    void anEditOfAChangedDefinitionOrAnotherSheetsNameIsRefused() {
        String token = member.get(page + "/new").csrfToken();
        assertThat(member.postJson(page + "/define", sheet("ports"), token).status()).isEqualTo(200);
        String defineApi = "/api/" + org + "/workspaces/ws1/ita/create/define/";
        JsonNode read = owner.get(defineApi + "ports/").data().path("menu_info");
        assertThat(member.get(page + "/ports/edit").status()).isEqualTo(200);
        assertThat(viewer.get(page + "/ports/edit").status()).isEqualTo(403);

        UiClient.Page again = member.postJson(page + "/define", sheet("ports"), token);
        refused(again, 499, "499-00701");
        assertThat(json(again).path("data").path("errors").path("menu.menu_name_rest").toString()).contains("ports");
        ObjectNode edit = (ObjectNode) read.deepCopy();
        edit.put("type", "edit");
        ((ObjectNode) edit.path("menu")).put("last_update_date_time", "2000/01/01 00:00:00.000000");
        UiClient.Page stale = member.postJson(page + "/define", edit.toString(), token);
        refused(stale, 499, "499-00701");
        assertThat(json(stale).path("data").path("errors").has("menu.last_update_date_time")).isTrue();
        ((ObjectNode) edit.path("menu")).put("menu_name_rest", "renamed");
        refused(member.postJson(page + "/define", edit.toString(), token), 499, "499-00704");
        assertThat(registered()).containsExactly(1, 1);
    }

    @Test
    void aDefinitionPostedFromAnEndedSessionRegistersNothing() {
        createUser(owner, org, "alice", "alice-pass", "ws1", "member");
        UiClient alice = new UiClient(port);
        alice.logIn(org, "alice", "alice-pass");
        String token = alice.get(page + "/new").csrfToken();
        Http.Reply disabled = owner.put("/api/" + org + "/platform/users/alice", Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        UiClient.Page post = alice.postJson(page + "/define", sheet("ports"), token);
        assertThat(post.status()).as(post.toString()).isEqualTo(302);
        assertThat(post.location()).endsWith("/login");
        assertThat(registered()).containsExactly(0, 0);
    }

    @Test
    void loadModeHidesTheSaveAndRefusesIt() {
        String token = member.get(page + "/new").csrfToken();
        setModes("0", "1");
        try {
            assertThat(member.get(page).body()).contains("id=\"read-only-notice\"").doesNotContain("id=\"new-sheet\"");
            assertThat(member.get(page + "/new").body()).contains("id=\"read-only-notice\"")
                    .doesNotContain("id=\"save\"");
            refused(member.postJson(page + "/define", sheet("ports"), token), 498, "498-00004");
            refused(member.postJson(page + "/define", "not json", token), 498, "498-00004");
        } finally {
            setModes("0", "0");
        }
        assertThat(registered()).containsExactly(0, 0);
    }
}
