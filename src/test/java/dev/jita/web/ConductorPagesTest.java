package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.conductor.ConductorClassTest;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The conductor class pages without a browser: the editor's save endpoints refuse those not logged in, other
 * organizations, viewers, forged requests and malformed bodies, and write nothing then; load mode hides the
 * controls and the save gets 498.
 */
class ConductorPagesTest extends ApiTest {

    /** The spec's minimal class: start → Ansible movement mv1 → end. */
    static final String MINIMAL = ConductorClassTest.SPEC_MINIMAL;

    private String org;
    private String page;
    private String api;
    private Http owner;
    private UiClient member;
    private UiClient viewer;

    @BeforeEach
    void workspaceWithAMovement() {
        org = unique("cp-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createUser(owner, org, "watcher", "watcher-pass", "ws1", "viewer");
        Http.Reply movement = owner.post("/api/" + org + "/workspaces/ws1/ita/menu/movement_list_ansible_legacy/maintenance/",
                Map.of("parameter", Map.of("movement_name", "mv1")));
        assertThat(movement.status()).as(movement.toString()).isEqualTo(200);
        page = "/ui/ws/" + org + "/ws1/conductor";
        api = "/api/" + org + "/workspaces/ws1/ita/menu/conductor_class_edit/conductor/class/";
        member = new UiClient(port);
        member.logIn(org, "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
    }

    private int classCount() {
        return owner.get("/api/" + org + "/workspaces/ws1/ita/menu/conductor_class_list/filter/count/").data().asInt();
    }

    private static JsonNode json(UiClient.Page page) {
        return Http.JSON.readTree(page.body());
    }

    @Test
    void aMemberSavesANewClassAndUpdatesItWithItsStamp() {
        UiClient.Page list = member.get(page);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"new-class\"").contains("id=\"no-classes\"");
        assertThat(member.get("/ui/ws/" + org + "/ws1/menu/operation_list").body())
                .contains("id=\"conductor-classes\"").contains("href=\"" + page + "\"");
        UiClient.Page editor = member.get(page + "/new");
        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("id=\"save\"").contains("mv1").contains("data-csrf-token");

        UiClient.Page saved = member.postJson(page, MINIMAL, editor.csrfToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String id = json(saved).path("data").path("conductor_class_id").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(member.get(page).body()).contains(page + "/" + id).contains(">c1<");
        UiClient.Page diagram = member.get(page + "/" + id);
        assertThat(diagram.status()).isEqualTo(200);
        assertThat(diagram.body()).contains("id=\"diagram\"").contains("id=\"edit-class\"");

        ObjectNode read = (ObjectNode) owner.get(api + id + "/").data();
        ((ObjectNode) read.get("conductor")).put("note", "second");
        String token = member.get(page + "/" + id + "/edit").csrfToken();
        UiClient.Page updated = member.postJson(page + "/" + id, read.toString(), token);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(owner.get(api + id + "/").data().path("conductor").path("note").asString()).isEqualTo("second");

        UiClient.Page stale = member.postJson(page + "/" + id, read.toString(), token);
        assertThat(stale.status()).isEqualTo(499);
        assertThat(json(stale).path("result").asString()).isEqualTo("499-00201");
        assertThat(json(stale).path("data").path("errors").path("conductor").toString()).contains("changed by someone else");
    }

    @Test
    void withoutALoginOrATokenNothingIsWritten() {
        UiClient anonymous = new UiClient(port);
        UiClient.Page list = anonymous.get(page);
        assertThat(list.status()).isEqualTo(302);
        assertThat(list.location()).endsWith("/login");
        assertThat(anonymous.get(page + "/new").location()).endsWith("/login");
        String token = member.get(page + "/new").csrfToken();
        UiClient.Page post = anonymous.postJson(page, MINIMAL, token);
        assertThat(post.status()).as(post.toString()).isIn(302, 403);
        assertThat(post.body()).doesNotContain("conductor_class_id");

        UiClient.Page forged = member.postJson(page, MINIMAL, null);
        assertThat(forged.status()).as("no CSRF token").isEqualTo(403);
        assertThat(classCount()).isZero();
    }

    @Test
    void anotherOrganizationsUserGetsNothing() {
        String other = unique("cp-other");
        createOrganization(other, "stranger", "stranger-pass");
        createWorkspace(http().as("stranger", "stranger-pass"), other, "ws1");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");
        String id = owner.post(api + "maintenance/", MINIMAL).data().path("conductor_class_id").asString();

        for (String path : new String[] {page, page + "/new", page + "/" + id, page + "/" + id + "/edit"}) {
            assertThat(stranger.get(path).status()).as(path).isEqualTo(403);
        }
        String token = stranger.get("/ui/ws/" + other + "/ws1/conductor/new").csrfToken();
        UiClient.Page post = stranger.postJson(page, MINIMAL.replace("\"c1\"", "\"c2\""), token);
        assertThat(post.status()).as(post.toString()).isEqualTo(403);
        assertThat(json(post).path("result").asString()).isEqualTo("403-00001");
        UiClient.Page update = stranger.postJson(page + "/" + id, owner.get(api + id + "/").data().toString(), token);
        assertThat(update.status()).isEqualTo(403);
        assertThat(classCount()).isEqualTo(1);
    }

    @Test
    void aViewerSeesTheClassesButCannotEditOrSave() {
        String id = owner.post(api + "maintenance/", MINIMAL).data().path("conductor_class_id").asString();
        UiClient.Page list = viewer.get(page);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(">c1<").doesNotContain("id=\"new-class\"").doesNotContain("class=\"edit\"");
        UiClient.Page diagram = viewer.get(page + "/" + id);
        assertThat(diagram.status()).isEqualTo(200);
        assertThat(diagram.body()).doesNotContain("id=\"edit-class\"");
        assertThat(viewer.get(page + "/new").status()).isEqualTo(403);
        assertThat(viewer.get(page + "/" + id + "/edit").status()).isEqualTo(403);

        String token = diagram.csrfToken();
        UiClient.Page post = viewer.postJson(page, MINIMAL.replace("\"c1\"", "\"c2\""), token);
        assertThat(post.status()).as(post.toString()).isEqualTo(403);
        JsonNode read = owner.get(api + id + "/").data();
        ((ObjectNode) read.get("conductor")).put("note", "viewer's");
        assertThat(viewer.postJson(page + "/" + id, read.toString(), token).status()).isEqualTo(403);
        assertThat(classCount()).isEqualTo(1);
        assertThat(owner.get(api + id + "/").data().path("conductor").path("note").isNull()).isTrue();
    }

    @Test
    void aMalformedBodyGetsAClearErrorAndNothingIsWritten() {
        String token = member.get(page + "/new").csrfToken();
        for (String body : new String[] {"not json", "[]", "{\"config\": ", " "}) {
            UiClient.Page answer = member.postJson(page, body, token);
            assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
            JsonNode envelope = json(answer);
            assertThat(envelope.path("result").asString()).startsWith("400-");
            assertThat(envelope.path("message").asString()).isNotBlank();
            assertThat(answer.body()).doesNotContainIgnoringCase("exception");
        }
        UiClient.Page invalid = member.postJson(page, MINIMAL.replace("\"mv1\"", "\"mv9\""), token);
        assertThat(invalid.status()).isEqualTo(499);
        assertThat(json(invalid).path("data").path("errors").path("node-2").toString()).contains("mv9");
        assertThat(member.postJson(page + "/no-such-class", MINIMAL, token).status()).isEqualTo(404);
        assertThat(classCount()).isZero();
    }

    @Test
    void loadModeHidesTheSaveAndRefusesIt() {
        String id = owner.post(api + "maintenance/", MINIMAL).data().path("conductor_class_id").asString();
        String token = member.get(page + "/new").csrfToken();
        String read = owner.get(api + id + "/").data().toString();
        setModes("0", "1");
        try {
            assertThat(member.get(page).body()).contains("id=\"read-only-notice\"").doesNotContain("id=\"new-class\"");
            assertThat(member.get(page + "/" + id).body()).doesNotContain("id=\"edit-class\"");
            assertThat(member.get(page + "/" + id + "/edit").body()).contains("id=\"read-only-notice\"")
                    .doesNotContain("id=\"save\"");
            UiClient.Page post = member.postJson(page, MINIMAL.replace("\"c1\"", "\"c2\""), token);
            assertThat(post.status()).isEqualTo(498);
            assertThat(json(post).path("result").asString()).isEqualTo("498-00005");
            assertThat(member.postJson(page + "/" + id, read, token).status()).isEqualTo(498);
        } finally {
            setModes("0", "0");
        }
        assertThat(classCount()).isEqualTo(1);
    }
}
