package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The conductor instance endpoints without a conductor backyard on this server (instances stay where the
 * API put them): who may do what, what a bad request gets, and load mode's refusals. Nothing refused is written.
 */
class ConductorInstanceApiTest extends ApiTest {

    /**
     * A database of its own: its instances stay Unexecuted, and on the shared database the engines of other
     * tests (e.g. ExecuteCheckApiTest's) would take them.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    String org;
    Http member;
    Http viewer;
    String menus;
    String execute;
    String confirmation;
    String id;

    @BeforeEach
    void workspace() {
        TestWorkspace workspace = newWorkspace("ci-org");
        org = workspace.org();
        member = workspace.member();
        viewer = workspace.viewer();
        menus = workspace.menus();
        execute = menus + "conductor_class_edit/conductor/execute/";
        confirmation = menus + "conductor_confirmation/conductor/";
        assertThat(member.post(menus + "movement_list_ansible_legacy/maintenance/",
                Map.of("parameter", Map.of("movement_name", "mv1"))).status()).isEqualTo(200);
        assertThat(member.post(menus + "operation_list/maintenance/",
                Map.of("parameter", Map.of("operation_name", "op1"))).status()).isEqualTo(200);
        assertThat(member.post(menus + "conductor_class_edit/conductor/class/maintenance/",
                ClassJson.minimal("c1").json()).status()).isEqualTo(200);
        Http.Reply reply = member.post(execute, Map.of("conductor_class_name", "c1", "operation_name", "op1"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        id = reply.data().path("conductor_instance_id").asString();
    }

    @Test
    void anExecutionIsRegisteredUnexecutedWithOneUnexecutedNodePerNode() {
        JsonNode instance = viewer.get(confirmation + id + "/").data();
        assertThat(instance.path("conductor").path("status_id").asString()).isEqualTo("1");
        assertThat(instance.path("conductor").path("status").asString()).isEqualTo("Unexecuted");
        assertThat(instance.path("conductor").path("operation_name").asString()).isEqualTo("op1");
        assertThat(instance.path("conductor").path("execution_user").asString()).isEqualTo("owner");
        assertThat(instance.path("node").size()).isEqualTo(3);
        instance.path("node").forEach(node -> assertThat(node.path("status_id").asString()).isEqualTo("1"));
        JsonNode japanese = viewer.header("Language", "ja").get(confirmation + id + "/").data();
        assertThat(japanese.path("conductor").path("status").asString()).isEqualTo("未実行");

        String byIds = member.post(execute, Map.of(
                "conductor_class_id", instance.path("conductor").path("conductor_class_id").asString(),
                "operation_id", operationId())).data().path("conductor_instance_id").asString();
        assertThat(viewer.get(confirmation + byIds + "/").data().path("conductor").path("conductor_name").asString())
                .isEqualTo("c1");
    }

    @Test
    void whoMayExecuteAndWatchAndWhatABadRequestGets() {
        Map<String, Object> body = Map.of("conductor_class_name", "c1", "operation_name", "op1");
        assertError(http().post(execute, body), 401, "401-00002");
        assertError(http().get(confirmation + id + "/"), 401, "401-00002");
        assertError(http().patch(confirmation + id + "/scram/", Map.of()), 401, "401-00002");
        String data = menus + "conductor_list/conductor/";
        assertError(http().get(data + id + "/input_data/"), 401, "401-00002");
        assertError(http().get(data + id + "/result_data/"), 401, "401-00002");
        assertError(member.get(data + "no-such-instance/result_data/"), 404, "404-00001");
        String stranger = unique("ci-org");
        createOrganization(stranger, "stranger", "stranger-pass");
        Http other = http().as("stranger", "stranger-pass");
        assertError(other.post(execute, body), 401, "401-00002");
        assertError(other.get(confirmation + id + "/"), 401, "401-00002");
        assertError(other.get(data + id + "/input_data/"), 401, "401-00002");
        createWorkspace(other, stranger, "ws1");
        String theirs = "/api/" + stranger + "/workspaces/ws1/ita/menu/conductor_confirmation/conductor/";
        assertError(other.get(theirs + id + "/"), 404, "404-00001");
        assertError(other.patch(theirs + id + "/cancel/", Map.of()), 404, "404-00001");
        assertError(viewer.post(execute, body), 403, "403-00001");
        assertError(viewer.patch(confirmation + id + "/cancel/", Map.of()), 403, "403-00001");
        assertError(viewer.patch(confirmation + id + "/scram/", Map.of()), 403, "403-00001");
        assertError(viewer.patch(confirmation + id + "/node/x/relese/", Map.of()), 403, "403-00001");

        assertError(member.post(execute, "{\"conductor_class_name\": "), 400, "400-00002");
        assertError(member.post(execute, "[]"), 400, "400-00002");
        assertError(member.post(execute, Map.of("conductor_class_name", "c\u0001", "operation_name", "op1")), 400, "400-00002");
        assertError(member.post(execute, null), 415, "415-00001");
        Http.Reply unknown = member.post(execute, Map.of("conductor_class_name", "nope", "operation_name", "op-none"));
        assertError(unknown, 499, "499-00814");
        assertThat(unknown.json().path("data").path("errors").path("conductor_class_name").toString()).contains("nope");
        assertThat(unknown.json().path("data").path("errors").path("operation_name").toString()).contains("op-none");
        assertError(member.post(execute, Map.of("operation_name", "op1")), 499, "499-00814");
        assertError(member.post(execute, Map.of("conductor_class_name", "c1", "operation_name", "op1",
                "schedule_date", "2000/01/01 00:00")), 499, "499-00814");
        assertError(member.post(execute, Map.of("conductor_class_name", "c1", "operation_name", "op1",
                "schedule_date", "tomorrow")), 499, "499-00814");
        assertError(member.post(execute, Map.of("conductor_class_name", "c1", "operation_name", "op1",
                "conductor_data", "not an object")), 499, "499-00814");
        assertError(member.get(confirmation + "no-such-instance/"), 404, "404-00001");
        assertError(member.patch(confirmation + id + "/node/no-such-node/relese/", Map.of()), 404, "404-00001");
        assertError(member.patch(confirmation + id + "/cancel/", Map.of()), 499, "499-00808");
        assertError(member.patch(confirmation + id + "/scram/", Map.of()), 499, "499-00809");
        assertThat(instances()).containsExactly(id);
    }

    @Test
    void loadModeRefusesEveryChangeAndKeepsReadsOpen() {
        String pause = viewer.get(confirmation + id + "/").data().path("node").path("node-2").path("node_instance_id").asString();
        setModes("0", "1");
        try {
            Http.Reply refused = member.post(execute, Map.of("conductor_class_name", "c1", "operation_name", "op1"));
            assertError(refused, 498, "498-00006");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertError(member.patch(confirmation + id + "/cancel/", Map.of()), 498, "498-00007");
            assertError(member.patch(confirmation + id + "/scram/", Map.of()), 498, "498-00008");
            assertError(member.patch(confirmation + id + "/node/" + pause + "/relese/", Map.of()), 498, "498-00009");
            assertThat(viewer.get(confirmation + id + "/").status()).isEqualTo(200);
            assertThat(viewer.get(menus + "conductor_list/conductor/" + id + "/input_data/").status()).isEqualTo(200);
        } finally {
            setModes("0", "0");
        }
        assertThat(instances()).containsExactly(id);
    }

    private Set<String> instances() {
        return new HashSet<>(member.get(menus + "conductor_instance_list/filter/").data()
                .findValuesAsString("conductor_instance_id"));
    }

    private String operationId() {
        return member.get(menus + "operation_list/filter/").data().get(0).path("parameter").path("operation_id").asString();
    }
}
