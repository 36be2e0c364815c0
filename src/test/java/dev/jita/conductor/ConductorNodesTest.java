package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every node type of a conductor class, run by the conductor backyard with real Ansible movements. */
class ConductorNodesTest extends ConductorTestSupport {

    static final String OK_TASK = "    - command: /bin/true\n";
    static final String SLOW_TASK = "    - command: sleep 30\n";

    @Test
    void parallelBranchesRunTogetherAndTheMergeWaitsForBoth() throws Exception {
        movement("mv-a", OK_TASK);
        movement("mv-b", "    - command: sleep 2\n");
        ClassJson json = new ClassJson("parallel");
        json.node("start");
        json.node("parallel-branch");
        movementNode(json, "mv-a");
        movementNode(json, "mv-b");
        json.node("merge");
        json.node("end");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-2", "node-4");
        json.edge("node-3", "node-5");
        json.edge("node-4", "node-5");
        json.edge("node-5", "node-6");
        register(json);

        String id = execute("parallel");
        JsonNode both = awaitInstance(id, i -> !nodeStatus(i, "node-3").equals("1") && !nodeStatus(i, "node-4").equals("1"),
                "both branches started");
        assertThat(nodeStatus(both, "node-2")).isEqualTo("5");
        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        for (String node : List.of("node-3", "node-4", "node-5", "node-6")) {
            assertThat(nodeStatus(done, node)).as(node).isEqualTo("5");
        }
        // The merge ended only after its slower in-node.
        assertThat(done.path("node").path("node-5").path("time_end").asString())
                .isGreaterThanOrEqualTo(done.path("node").path("node-4").path("time_end").asString());
    }

    @Test
    void aPauseHoldsTheInstanceUntilItIsReleasedThroughTheApi() throws Exception {
        movement("mv-slow", "    - command: sleep 3\n");
        ClassJson json = new ClassJson("paused");
        json.node("start");
        movementNode(json, "mv-slow");
        json.node("pause");
        json.node("end");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-3", "node-4");
        register(json);

        String id = execute("paused");
        JsonNode running = awaitInstance(id, i -> nodeStatus(i, "node-2").equals("3"), "the movement running");
        String pause = running.path("node").path("node-3").path("node_instance_id").asString();
        String movementNode = running.path("node").path("node-2").path("node_instance_id").asString();
        assertThat(member.patch(confirmation + id + "/node/" + pause + "/relese/", Map.of()).result()).isEqualTo("499-00813");
        assertThat(member.patch(confirmation + id + "/node/" + movementNode + "/relese/", Map.of()).result())
                .isEqualTo("499-00811");

        JsonNode held = awaitInstance(id, i -> instanceStatus(i).equals("5"), "the instance paused");
        assertThat(nodeStatus(held, "node-3")).isEqualTo("11");
        assertThat(nodeStatus(held, "node-4")).isEqualTo("1");
        assertThat(viewer.patch(confirmation + id + "/node/" + pause + "/relese/", Map.of()).status()).isEqualTo(403);
        Http.Reply released = member.patch(confirmation + id + "/node/" + pause + "/relese/", Map.of());
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.data().asString()).contains(id).contains(pause);
        assertThat(member.patch(confirmation + id + "/node/" + pause + "/relese/", Map.of()).result()).isEqualTo("499-00812");

        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(done.path("node").path("node-3").path("released_flag").asString()).isEqualTo("1");
        assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
    }

    @Test
    void aCallNodeRunsTheCalledConductorAndTakesItsStatus() throws Exception {
        movement("mv1", OK_TASK);
        register(ClassJson.minimal("child"));
        ClassJson json = new ClassJson("parent");
        json.node("start");
        json.node("call").put("call_conductor_name", "child");
        json.node("end");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        register(json);

        String id = execute("parent");
        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        JsonNode jump = done.path("node").path("node-2").path("jump");
        assertThat(jump.path("menu_id").asString()).isEqualTo("conductor_confirmation");
        JsonNode child = instance(jump.path("execution_id").asString());
        assertThat(instanceStatus(child)).isEqualTo("6");
        assertThat(child.path("conductor").path("conductor_name").asString()).isEqualTo("child");
        assertThat(child.path("conductor").path("parent_conductor_instance_id").asString()).isEqualTo(id);
        assertThat(child.path("conductor").path("top_conductor_instance_id").asString()).isEqualTo(id);
        assertThat(child.path("conductor").path("operation_name").asString()).isEqualTo("op1");
        assertThat(nodeStatus(child, "node-2")).isEqualTo("5");
    }

    @Test
    void anEmergencyStopStopsTheRunningMovementsOfTheInstanceAndOfTheConductorsItCalled() throws Exception {
        movement("mv-slow", SLOW_TASK);
        ClassJson child = new ClassJson("slow-child");
        child.node("start");
        movementNode(child, "mv-slow");
        child.node("end");
        child.edge("node-1", "node-2");
        child.edge("node-2", "node-3");
        register(child);
        ClassJson json = new ClassJson("stopped");
        json.node("start");
        json.node("parallel-branch");
        movementNode(json, "mv-slow");
        json.node("call").put("call_conductor_name", "slow-child");
        json.node("merge");
        json.node("end");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-2", "node-4");
        json.edge("node-3", "node-5");
        json.edge("node-4", "node-5");
        json.edge("node-5", "node-6");
        register(json);

        String id = execute("stopped");
        JsonNode running = awaitInstance(id, i -> {
            String childId = i.path("node").path("node-4").path("execution_id").asString();
            String ownMovement = i.path("node").path("node-3").path("jump").path("execution_id").asString();
            return !ownMovement.isEmpty() && status(ownMovement).path("status_id").asString().equals("3")
                    && i.path("node").path("node-4").path("jump").path("execution_id").isString()
                    && childMovementRunning(i.path("node").path("node-4").path("jump").path("execution_id").asString());
        }, "both movements running");
        String ownMovement = running.path("node").path("node-3").path("jump").path("execution_id").asString();
        String childId = running.path("node").path("node-4").path("jump").path("execution_id").asString();
        String childMovement = instance(childId).path("node").path("node-2").path("jump").path("execution_id").asString();

        assertThat(viewer.patch(confirmation + id + "/scram/", Map.of()).status()).isEqualTo(403);
        assertThat(member.patch(confirmation + childId + "/cancel/", Map.of()).result()).isEqualTo("499-00808");
        Http.Reply scram = member.patch(confirmation + id + "/scram/", Map.of());
        assertThat(scram.status()).as(scram.toString()).isEqualTo(200);
        assertThat(scram.data().asString()).contains(id);

        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("9");
        assertThat(done.path("conductor").path("abort_execute_flag").asString()).isEqualTo("1");
        assertThat(nodeStatus(done, "node-3")).isEqualTo("8");
        assertThat(nodeStatus(done, "node-4")).isEqualTo("8");
        assertThat(nodeStatus(done, "node-6")).isEqualTo("1");
        assertThat(instanceStatus(awaitInstanceEnd(childId))).isEqualTo("9");
        assertThat(awaitEnd(ownMovement).path("status_id").asString()).isEqualTo("8");
        assertThat(awaitEnd(childMovement).path("status_id").asString()).isEqualTo("8");
        assertThat(member.patch(confirmation + id + "/scram/", Map.of()).result()).isEqualTo("499-00809");
    }

    private boolean childMovementRunning(String childId) {
        String execution = instance(childId).path("node").path("node-2").path("jump").path("execution_id").asString();
        return !execution.isEmpty() && status(execution).path("status_id").asString().equals("3");
    }

    @Test
    void aStatusFileBranchFollowsTheFirstLineTheMovementWrote() throws Exception {
        movement("mv-file", "    - copy:\n        dest: \"{{ jita_output_dir }}/MOVEMENT_STATUS_FILE\"\n"
                + "        content: \"blue\\nignored\\n\"\n");
        ClassJson json = new ClassJson("by-file");
        json.node("start");
        movementNode(json, "mv-file");
        json.node("status-file-branch");
        json.node("end").put("end_type", "6");
        json.node("end").put("end_type", "8");
        json.node("end").put("end_type", "7");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-3", "node-4").put("case", "1").set("condition", Http.JSON.valueToTree(List.of("red")));
        json.edge("node-3", "node-5").put("case", "2").set("condition", Http.JSON.valueToTree(List.of("blue")));
        json.edge("node-3", "node-6").put("case", "else").set("condition", Http.JSON.valueToTree(List.of()));
        register(json);

        JsonNode done = awaitInstanceEnd(execute("by-file"));
        assertThat(done.path("node").path("node-2").path("status_file").asString()).as(done.toString()).isEqualTo("blue");
        assertThat(nodeStatus(done, "node-4")).isEqualTo("13");
        assertThat(nodeStatus(done, "node-5")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-6")).isEqualTo("13");
        assertThat(instanceStatus(done)).isEqualTo("8");
    }

    @Test
    void aSkippedMovementEndsSkippedWithoutAnExecutionAndTheFlowGoesOn() throws Exception {
        movement("mv1", OK_TASK);
        ClassJson json = ClassJson.minimal("skipping");
        json.node(2).put("skip_flag", "1");
        register(json);

        JsonNode done = awaitInstanceEnd(execute("skipping"));
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(nodeStatus(done, "node-2")).isEqualTo("13");
        assertThat(done.path("node").path("node-2").path("skip").asString()).isEqualTo("1");
        assertThat(done.path("node").path("node-2").path("jump").isNull()).isTrue();
        assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
        assertThat(member.get(menus + "execution_list_ansible_legacy/filter/").data().size()).isZero();
    }

    @Test
    void aScheduledInstanceWaitsAndItsReservationCanBeCancelledOnce() throws Exception {
        movement("mv1", OK_TASK);
        register(ClassJson.minimal("later"));
        String id = execute("later", Map.of("schedule_date", "2099/01/01 00:00"));
        JsonNode waiting = instance(id);
        assertThat(instanceStatus(waiting)).isEqualTo("2");
        assertThat(waiting.path("conductor").path("time_book").asString()).startsWith("2099-01-01");
        assertThat(viewer.patch(confirmation + id + "/cancel/", Map.of()).status()).isEqualTo(403);
        Http.Reply cancelled = member.patch(confirmation + id + "/cancel/", Map.of());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.data().asString()).contains(id);
        assertThat(instanceStatus(instance(id))).isEqualTo("10");
        assertThat(member.patch(confirmation + id + "/cancel/", Map.of()).result()).isEqualTo("499-00808");
        assertThat(member.patch(confirmation + id + "/scram/", Map.of()).result()).isEqualTo("499-00809");
    }

    @Test
    void conductorDataChangesThisRunOnlyAndInputAndResultDataCanBeDownloaded() throws Exception {
        movement("mv1", OK_TASK);
        JsonNode op2 = record("operation_list", Map.of("operation_name", "op2"));
        record("target_host_ansible_legacy", Map.of("operation", "op2", "movement", "mv1", "host", "web1"));
        String classId = register(ClassJson.minimal("with-data"));
        ObjectNode data = Http.JSON.createObjectNode();
        data.putObject("node-2").put("note", "this run only").put("operation_id", op2.path("operation_id").asString());

        String id = execute("with-data", Map.of("conductor_data", data));
        JsonNode done = awaitInstanceEnd(id);
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(done.path("conductor_class").path("node-2").path("note").asString()).as(done.path("conductor_class").toString()).isEqualTo("this run only");
        assertThat(done.path("conductor_class").path("node-2").path("operation_name").asString()).isEqualTo("op2");
        String execution = done.path("node").path("node-2").path("jump").path("execution_id").asString();
        assertThat(status(execution).path("operation_name").asString()).isEqualTo("op2");
        JsonNode stored = member.get(classes + "class/" + classId + "/").data();
        assertThat(stored.path("node-2").path("note").isNull()).isTrue();

        JsonNode input = viewer.get(menus + "conductor_list/conductor/" + id + "/input_data/").data();
        assertThat(input.path("file_name").asString()).isEqualTo("InputData_Conductor_" + id + ".zip");
        assertThat(entries(input)).contains("conductor_class.json");
        JsonNode result = viewer.get(menus + "conductor_list/conductor/" + id + "/result_data/").data();
        assertThat(result.path("file_name").asString()).isEqualTo("ResultData_Conductor_" + id + ".zip");
        assertThat(entries(result)).contains("ResultData_" + execution + ".zip");

        ObjectNode bad = Http.JSON.createObjectNode();
        bad.putObject("node-2").put("operation_id", "no-such-operation");
        Http.Reply refused = member.post(classes + "execute/",
                Map.of("conductor_class_name", "with-data", "operation_name", "op1", "conductor_data", bad));
        assertThat(refused.result()).as(refused.toString()).isEqualTo("499-00814");
        assertThat(refused.json().path("data").path("errors").path("conductor_data").toString()).contains("node-2");
    }

    private static List<String> entries(JsonNode answer) throws Exception {
        List<String> names = new ArrayList<>();
        byte[] zip = Base64.getDecoder().decode(answer.path("file_data").asString());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void theClassesNoticesArePostedOnTheChosenStatusesOfARun() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            movement("mv1", OK_TASK);
            record("conductor_notice_definition", Map.of("notice_name", "hook",
                    "notice_url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "header", "{\"Content-Type\": \"application/json\"}",
                    "fields", "{\"status\": \"__STATUS_ID__\", \"id\": \"__CONDUCTOR_INSTANCE_ID__\"}"));
            ClassJson json = ClassJson.minimal("noticed");
            ((ObjectNode) json.root.get("conductor")).set("notice_info", Http.JSON.readTree("{\"hook\": [\"1\", \"3\", \"6\"]}"));
            register(json);

            String id = execute("noticed");
            assertThat(instanceStatus(awaitInstanceEnd(id))).isEqualTo("6");
            long deadline = System.nanoTime() + waitLimit().toNanos();
            while (received.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<String> statuses = received.stream().map(body -> Http.JSON.readTree(body))
                    .peek(body -> assertThat(body.path("id").asString()).isEqualTo(id))
                    .map(body -> body.path("status").asString()).toList();
            assertThat(statuses).containsExactlyInAnyOrder("1", "3", "6");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theInstanceAndNodeListsAreMenus() throws Exception {
        movement("mv1", OK_TASK);
        register(ClassJson.minimal("listed"));
        String id = execute("listed");
        awaitInstanceEnd(id);
        JsonNode rows = viewer.get(menus + "conductor_instance_list/filter/").data();
        assertThat(rows.size()).isEqualTo(1);
        JsonNode row = rows.get(0).path("parameter");
        assertThat(row.path("conductor_instance_id").asString()).isEqualTo(id);
        assertThat(row.path("instance_source_class_name").asString()).isEqualTo("listed");
        assertThat(row.path("status").asString()).isEqualTo("Normal end");
        JsonNode nodes = viewer.get(menus + "conductor_node_instance_list/filter/").data();
        assertThat(nodes.size()).isEqualTo(3);
        assertThat(nodes.findValuesAsString("conductor_instance_id")).containsOnly(id);
        assertThat(member.post(menus + "conductor_instance_list/maintenance/", Map.of("parameter", Map.of())).status())
                .isBetween(400, 499);
    }
}
