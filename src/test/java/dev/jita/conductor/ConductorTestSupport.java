package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ExecutionApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conductor tests: a server of their own (own database) that steps conductor instances and runs Ansible
 * executions, a workspace with a member and a viewer, Ansible movements registered through the menu API.
 */
@TestPropertySource(properties = {"jita.conductor.enabled=true", "jita.ansible.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms", "jita.conductor.monitoring-cycle=200ms"})
abstract class ConductorTestSupport extends ExecutionApiTest {

    static final Set<String> INSTANCE_ENDS = Set.of("6", "7", "8", "9", "10", "11");

    /** A database of its own, which the node processes of ConductorKilledNodeTest can share. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, true);
    }

    String org;
    Http viewer;
    String classes;
    String confirmation;

    @BeforeEach
    void workspace() {
        TestWorkspace workspace = newWorkspace("cd-org");
        org = workspace.org();
        member = workspace.member();
        viewer = workspace.viewer();
        menus = workspace.menus();
        status = menus + "check_operation_status_ansible_legacy/driver/";
        classes = menus + "conductor_class_edit/conductor/";
        confirmation = menus + "conductor_confirmation/conductor/";
        record("operation_list", Map.of("operation_name", "op1"));
        record("device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1", "login_user", "deploy",
                "connection_type", "local"));
    }

    /** An Ansible movement running {@code tasks} (YAML indented by 4) on web1 for op1. */
    void movement(String name, String tasks) {
        record("movement_list_ansible_legacy", Map.of("movement_name", name));
        String file = name + ".yml";
        String playbook = "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasks;
        Http.Reply reply = member.post(menus + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", file, "playbook_file", file),
                "file", Map.of("playbook_file", Base64.getEncoder().encodeToString(playbook.getBytes(StandardCharsets.UTF_8)))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        record("movement_playbook_link", Map.of("movement", name, "playbook_file", file, "include_order", 1));
        record("target_host_ansible_legacy", Map.of("operation", "op1", "movement", name, "host", "web1"));
    }

    /** A movement node of Ansible movement {@code name}. */
    static ObjectNode movementNode(ClassJson json, String name) {
        return json.node("movement").put("movement_name", name);
    }

    String register(ClassJson json) {
        Http.Reply reply = member.post(classes + "class/maintenance/", json.json());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("conductor_class_id").asString();
    }

    String execute(String className) {
        return execute(className, Map.of());
    }

    String execute(String className, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("conductor_class_name", className, "operation_name", "op1"));
        body.putAll(extra);
        Http.Reply reply = member.post(classes + "execute/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("conductor_instance_id").asString();
    }

    JsonNode instance(String id) {
        Http.Reply reply = viewer.get(confirmation + id + "/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    JsonNode awaitInstance(String id, java.util.function.Predicate<JsonNode> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + waitLimit().toNanos();
        JsonNode last = instance(id);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last: " + last);
            }
            Thread.sleep(100);
            last = instance(id);
        }
        return last;
    }

    JsonNode awaitInstanceEnd(String id) throws InterruptedException {
        return awaitInstance(id, i -> INSTANCE_ENDS.contains(i.path("conductor").path("status_id").asString()),
                "the instance's end");
    }

    static String nodeStatus(JsonNode instance, String node) {
        return instance.path("node").path(node).path("status_id").asString();
    }

    static String instanceStatus(JsonNode instance) {
        return instance.path("conductor").path("status_id").asString();
    }

    @Override
    protected Duration waitLimit() {
        return Duration.ofSeconds(90);
    }
}
