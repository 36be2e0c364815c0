package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Conductor instances run by the conductor backyard, node type by node type, with real Ansible movements. */
class ConductorRunTest extends ConductorTestSupport {

    static final String OK_TASK = "    - command: /bin/true\n";
    static final String FAIL_TASK = "    - command: /bin/false\n";

    @Test
    void aMovementRunsInItsDriverAndTheInstanceEndsNormally() throws Exception {
        movement("mv1", OK_TASK);
        register(ClassJson.minimal("c1"));
        String id = execute("c1");

        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(nodeStatus(done, "node-1")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-2")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
        JsonNode jump = done.path("node").path("node-2").path("jump");
        assertThat(jump.path("menu_id").asString()).isEqualTo("check_operation_status_ansible_legacy");
        assertThat(status(jump.path("execution_id").asString()).path("status_id").asString()).isEqualTo("5");
        assertThat(done.path("conductor").path("time_end").asString()).isNotBlank();
        assertThat(done.path("conductor_class").path("conductor").path("conductor_name").asString()).isEqualTo("c1");
        JsonNode listed = member.get(menus + "execution_list_ansible_legacy/filter/").data().get(0).path("parameter");
        assertThat(listed.path("caller_conductor").asString()).isEqualTo("c1");
        assertThat(listed.path("conductor_instance_id").asString()).isEqualTo(id);
    }

    @Test
    void aConditionalBranchFollowsTheStatusOfTheMovementBeforeIt() throws Exception {
        movement("mv-fail", FAIL_TASK);
        ClassJson json = new ClassJson("branching");
        json.node("start");
        movementNode(json, "mv-fail");
        json.node("conditional-branch");
        json.node("end").put("end_type", "6");
        json.node("end").put("end_type", "8");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-3", "node-4").set("condition", Http.JSON.valueToTree(List.of("5")));
        json.edge("node-3", "node-5").set("condition", Http.JSON.valueToTree(List.of("9999")));
        register(json);

        JsonNode done = awaitInstanceEnd(execute("branching"));
        assertThat(nodeStatus(done, "node-2")).as(done.toString()).isEqualTo("6");
        assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-4")).isEqualTo("13");
        assertThat(nodeStatus(done, "node-5")).isEqualTo("5");
        // The end node reached decides: a failure routed to a Warning end ends the instance in Warning end.
        assertThat(instanceStatus(done)).isEqualTo("8");
    }
}
