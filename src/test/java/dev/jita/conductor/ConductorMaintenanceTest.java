package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conductor instances under the maintenance procedure: while a mode is ON no instance starts and none advances
 * to a new node, the movement already running finishes in its driver, and after both modes are OFF the
 * instances go on from where they were. The backyard-execute-check API lists running instances, never counted.
 */
class ConductorMaintenanceTest extends ConductorTestSupport {

    static final String CHECK = "/api/ita/backyard-execute-check/";
    static final String SLOW_TASK = "    - command: sleep 5\n";
    /** Long enough for several monitoring cycles (200 ms) and backyard polls (100 ms). */
    static final long SEVERAL_CYCLES_MS = 1500;

    /** start → mv-slow → mv-next → end. */
    static ClassJson slowThenNext(String name) {
        ClassJson json = new ClassJson(name);
        json.node("start");
        movementNode(json, "mv-slow");
        movementNode(json, "mv-next");
        json.node("end");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-3", "node-4");
        return json;
    }

    static String executionOf(JsonNode instance, String node) {
        return instance.path("node").path(node).path("jump").path("execution_id").asString();
    }

    private int ansibleExecutions() {
        return viewer.get(menus + "execution_list_ansible_legacy/filter/").data().size();
    }

    private JsonNode ourWorkspace() {
        for (JsonNode organization : admin().get(CHECK).data().path("organizations").values()) {
            if (organization.path("id").asString().equals(org)) {
                return organization.path("workspaces").get(0);
            }
        }
        throw new AssertionError(org + " is not listed by backyard-execute-check");
    }

    private static List<String> listed(JsonNode workspace, String backyard, String field) {
        List<String> values = new ArrayList<>();
        workspace.path("backyards").path(backyard).values().forEach(entry -> values.add(entry.path(field).asString()));
        return values;
    }

    @Test
    void drainHoldsAConductorBetweenNodesAndItGoesOnAfterwards() throws Exception {
        movement("mv-slow", SLOW_TASK);
        movement("mv-next", ConductorRunTest.OK_TASK);
        register(slowThenNext("drained"));
        String id = execute("drained");
        JsonNode started = awaitInstance(id, i -> !executionOf(i, "node-2").isEmpty(), "mv-slow registered");
        String slow = executionOf(started, "node-2");
        awaitStatus(slow, 3);

        // 1. Stop server side jobs: the running movement goes on in its driver and is counted; the instance is
        // listed, not counted.
        setModes("1", "0");
        JsonNode running = ourWorkspace();
        assertThat(status(slow).path("status_id").asString()).as("mv-slow still runs").isEqualTo("3");
        assertThat(running.path("execute_count").asInt()).as(running.toString()).isEqualTo(1);
        assertThat(listed(running, "ita-by-ansible-execute", "id")).containsExactly(slow);
        assertThat(listed(running, "ita-by-conductor-synchronize", "id")).containsExactly(id);
        assertThat(listed(running, "ita-by-conductor-synchronize", "status_id")).containsExactly("3");

        // 2. The movement completes in its driver; the instance does not go on to mv-next.
        awaitStatus(slow, s -> {
            JsonNode now = instance(id);
            assertThat(nodeStatus(now, "node-3")).as("mv-next while jobs are stopped: " + now).isEqualTo("1");
            return s.path("status_id").asString().equals("5");
        }, "mv-slow completed");
        Thread.sleep(SEVERAL_CYCLES_MS);
        JsonNode held = instance(id);
        assertThat(instanceStatus(held)).as(held.toString()).isEqualTo("3");
        assertThat(nodeStatus(held, "node-3")).isEqualTo("1");
        assertThat(executionOf(held, "node-3")).isEmpty();
        assertThat(ansibleExecutions()).as("no driver execution registered while jobs are stopped").isEqualTo(1);
        JsonNode drained = ourWorkspace();
        assertThat(drained.path("execute_count").asInt()).as(drained.toString()).isZero();
        assertThat(listed(drained, "ita-by-ansible-execute", "id")).isEmpty();
        assertThat(listed(drained, "ita-by-conductor-synchronize", "id")).containsExactly(id);
        assertThat(listed(drained, "ita-by-conductor-synchronize", "status_id")).containsExactly("3");

        // 3. Load mode too: reads work, every change of an instance is refused.
        setModes("1", "1");
        JsonNode frozen = instance(id);
        assertThat(instanceStatus(frozen)).isEqualTo("3");
        String nodeInstance = frozen.path("node").path("node-2").path("node_instance_id").asString();
        assertError(member.post(classes + "execute/", Map.of("conductor_class_name", "drained", "operation_name", "op1")),
                498, "498-00006");
        assertError(member.patch(confirmation + id + "/cancel/", "{}"), 498, "498-00007");
        assertError(member.patch(confirmation + id + "/scram/", "{}"), 498, "498-00008");
        assertError(member.patch(confirmation + id + "/node/" + nodeInstance + "/relese/", "{}"), 498, "498-00009");
        assertThat(instance(id).path("conductor").path("abort_execute_flag").asString()).isEqualTo("0");

        // 4. Both OFF: the instance goes on from mv-slow's end to mv-next and ends normally.
        setModes("0", "0");
        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(nodeStatus(done, "node-2")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
        assertThat(executionOf(done, "node-2")).isEqualTo(slow);
        assertThat(status(executionOf(done, "node-3")).path("status_id").asString()).isEqualTo("5");
        assertThat(ansibleExecutions()).isEqualTo(2);
        assertThat(listed(ourWorkspace(), "ita-by-conductor-synchronize", "id")).isEmpty();
    }

    @Test
    void anInstanceRegisteredWhileJobsAreStoppedWaitsUnexecutedThenRuns() throws Exception {
        movement("mv1", ConductorRunTest.OK_TASK);
        register(ClassJson.minimal("waits"));
        setModes("1", "0");
        String id = execute("waits");

        Thread.sleep(SEVERAL_CYCLES_MS);
        JsonNode waiting = instance(id);
        assertThat(instanceStatus(waiting)).as(waiting.toString()).isEqualTo("1");
        assertThat(waiting.path("node").values()).allSatisfy(node ->
                assertThat(node.path("status_id").asString()).isEqualTo("1"));
        assertThat(ansibleExecutions()).isZero();
        assertThat(listed(ourWorkspace(), "ita-by-conductor-synchronize", "id")).as("Unexecuted: not listed").isEmpty();

        setModes("0", "0");
        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(nodeStatus(done, "node-2")).isEqualTo("5");
    }
}
