package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.UiClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The conductor instance pages without a browser (and without a conductor backyard: instances stay where the
 * pages put them): execute from a class's page, the instance's page and its live state, and who may stop,
 * cancel or release what. Nothing refused is written.
 */
class ConductorInstancePagesTest extends ApiTest {

    /**
     * A database of its own: its instances stay Unexecuted, and on the shared database the engines of other
     * tests (e.g. ExecuteCheckApiTest's) would take them.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    private String org;
    private String classPage;
    private String instances;
    private String api;
    private Http owner;
    private UiClient member;
    private UiClient viewer;
    private String operationId;

    @BeforeEach
    void workspaceWithAClass() {
        org = unique("cip-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createUser(owner, org, "watcher", "watcher-pass", "ws1", "viewer");
        api = "/api/" + org + "/workspaces/ws1/ita/menu/";
        assertThat(owner.post(api + "movement_list_ansible_legacy/maintenance/",
                Map.of("parameter", Map.of("movement_name", "mv1"))).status()).isEqualTo(200);
        assertThat(owner.post(api + "operation_list/maintenance/",
                Map.of("parameter", Map.of("operation_name", "op1"))).status()).isEqualTo(200);
        operationId = owner.get(api + "operation_list/filter/").data().get(0).path("parameter").path("operation_id").asString();
        String classId = owner.post(api + "conductor_class_edit/conductor/class/maintenance/", ConductorPagesTest.MINIMAL)
                .data().path("conductor_class_id").asString();
        classPage = "/ui/ws/" + org + "/ws1/conductor/" + classId;
        instances = "/ui/ws/" + org + "/ws1/conductor-instances";
        member = new UiClient(port);
        member.logIn(org, "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
    }

    private String execute(UiClient client, String schedule) {
        UiClient.Page page = client.get(classPage);
        UiClient.Page posted = client.post(classPage + "/execute", Map.of("_csrf", page.csrfToken(),
                "operation", operationId, "schedule", schedule));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
        return posted.location().substring(posted.location().lastIndexOf('/') + 1);
    }

    private int instanceCount() {
        return owner.get(api + "conductor_instance_list/filter/count/").data().asInt();
    }

    @Test
    void aMemberExecutesFromTheClassPageAndSeesTheInstanceDrawn() {
        assertThat(member.get(classPage).body()).contains("id=\"execute-form\"").contains(">op1<");
        String id = execute(member, "");
        UiClient.Page page = member.get(instances + "/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"diagram\"").contains("data-node=\"node-2\"").contains("data-state=");
        JsonNode state = Http.JSON.readTree(member.get(instances + "/" + id + "/status").body());
        assertThat(state.path("conductor").path("status_id").asString()).isEqualTo("1");
        assertThat(state.path("status_by_node").path("node-2").asString()).isEqualTo("1");
        assertThat(state.path("conductor_class").path("node-2").path("movement_name").asString()).isEqualTo("mv1");
        assertThat(member.get(instances).body()).contains(id);

        String scheduled = execute(member, "2099/01/01 00:00");
        UiClient.Page waiting = member.get(instances + "/" + scheduled);
        UiClient.Page cancelled = member.post(instances + "/" + scheduled + "/cancel", Map.of("_csrf", waiting.csrfToken()));
        assertThat(cancelled.location()).endsWith(instances + "/" + scheduled);
        assertThat(owner.get(api + "conductor_confirmation/conductor/" + scheduled + "/").data()
                .path("conductor").path("status_id").asString()).isEqualTo("10");
        UiClient.Page again = member.post(instances + "/" + scheduled + "/cancel", Map.of("_csrf", waiting.csrfToken()));
        assertThat(again.location()).endsWith("?refused=499-00808");
        assertThat(member.get(again.location().substring(again.location().indexOf("/ui/"))).body()).contains("499-00808");
    }

    @Test
    void theInstancePageListsTheNoticesItsStatusChangesQueued() {
        assertThat(owner.post(api + "conductor_notice_definition/maintenance/", Map.of("parameter", Map.of(
                "notice_name", "hook", "notice_url", "http://127.0.0.1:9/hook", "header", "{}",
                "fields", "{\"id\": \"__CONDUCTOR_INSTANCE_ID__\"}"))).status()).isEqualTo(200);
        String noticed = ConductorPagesTest.MINIMAL.replace("\"notice_info\": {}", "\"notice_info\": {\"hook\": [\"1\"]}")
                .replace("\"c1\"", "\"c2\"");
        String classId = owner.post(api + "conductor_class_edit/conductor/class/maintenance/", noticed)
                .data().path("conductor_class_id").asString();
        classPage = "/ui/ws/" + org + "/ws1/conductor/" + classId;
        String id = execute(member, "");
        JsonNode notices = Http.JSON.readTree(viewer.get(instances + "/" + id + "/status").body()).path("notices");
        assertThat(notices.size()).as(notices.toString()).isEqualTo(1);
        assertThat(notices.get(0).path("notice_name").asString()).isEqualTo("hook");
        assertThat(notices.get(0).path("status_id").asString()).isEqualTo("1");
        assertThat(viewer.get(instances + "/" + id).body()).contains("id=\"notices\"").contains(">hook<");
    }

    @Test
    void aRefusedExecutionIsShownOnTheClassPage() {
        UiClient.Page page = member.get(classPage);
        UiClient.Page refused = member.post(classPage + "/execute", Map.of("_csrf", page.csrfToken(),
                "operation", operationId, "schedule", "not a date"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"execute-refused\"").contains("499-00814");
        assertThat(instanceCount()).isZero();
    }

    @Test
    void viewersWatchButCannotActAndOthersGetNothing() {
        String id = execute(member, "2099/01/01 00:00");
        UiClient.Page watched = viewer.get(instances + "/" + id);
        assertThat(watched.status()).isEqualTo(200);
        assertThat(watched.body()).doesNotContain("id=\"scram-form\"").doesNotContain("id=\"cancel-form\"");
        assertThat(viewer.get(classPage).body()).doesNotContain("id=\"execute-form\"");
        String token = watched.csrfToken();
        assertThat(viewer.post(classPage + "/execute", Map.of("_csrf", token, "operation", operationId)).status())
                .isEqualTo(403);
        assertThat(viewer.post(instances + "/" + id + "/cancel", Map.of("_csrf", token)).status()).isEqualTo(403);
        assertThat(viewer.post(instances + "/" + id + "/scram", Map.of("_csrf", token)).status()).isEqualTo(403);
        assertThat(viewer.post(instances + "/" + id + "/release", Map.of("_csrf", token, "node", "x")).status())
                .isEqualTo(403);

        UiClient anonymous = new UiClient(port);
        assertThat(anonymous.get(instances + "/" + id).location()).endsWith("/login");
        assertThat(anonymous.get(instances + "/" + id + "/status").status()).isIn(302, 401);
        assertThat(member.post(instances + "/" + id + "/cancel", Map.of()).status()).as("no CSRF token").isEqualTo(403);

        String other = unique("cip-other");
        createOrganization(other, "stranger", "stranger-pass");
        createWorkspace(http().as("stranger", "stranger-pass"), other, "ws1");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "stranger", "stranger-pass");
        assertThat(stranger.get(instances + "/" + id).status()).isEqualTo(403);
        assertThat(stranger.get("/ui/ws/" + other + "/ws1/conductor-instances/" + id).status()).isEqualTo(404);

        assertThat(member.post(instances + "/" + id + "/release", Map.of("_csrf", member.get(instances + "/" + id).csrfToken()))
                .status()).as("no node").isEqualTo(400);
        assertThat(owner.get(api + "conductor_confirmation/conductor/" + id + "/").data()
                .path("conductor").path("status_id").asString()).isEqualTo("2");
        assertThat(instanceCount()).isEqualTo(1);
    }
}
