package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ExecutionApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Ansible driver tests: a workspace with a member and a viewer, menu data registered through the API, and
 * executions run by the test server's own engine (with the Ansible driver on, whatever other test servers
 * say). One unit of a delay timer is 2 s here.
 */
@TestPropertySource(properties = {"jita.ansible.enabled=true", "jita.backyard.enabled=true",
        "jita.menu-create.enabled=true",
        "jita.execution.delay-timer-unit=2s", "jita.backyard.poll-interval=200ms"})
abstract class AnsibleTestSupport extends ExecutionApiTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    static final String PASSWORD = "S3cret-Pa55-" + System.nanoTime();

    /**
     * A database of its own for each Ansible test server. Every server of the suite runs an Ansible engine;
     * on a shared database they would take each other's executions (and those of the engine tests).
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    String org;
    Http viewer;
    String driver;

    @BeforeEach
    void workspace() {
        org = unique("ans-org");
        createOrganization(org, "owner", "owner-pass");
        member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        createUser(member, org, "watcher", "watcher-pass", "ws1", "viewer");
        viewer = http().as("watcher", "watcher-pass");
        String ita = "/api/" + org + "/workspaces/ws1/ita/menu/";
        menus = ita;
        driver = ita + "execution_ansible_legacy/driver/";
        status = ita + "check_operation_status_ansible_legacy/driver/";
    }

    static boolean ansibleInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "ansible-playbook"))) {
                return true;
            }
        }
        return false;
    }

    void playbook(String name, String content) {
        Http.Reply reply = member.post(menus + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", name, "playbook_file", name),
                "file", Map.of("playbook_file", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /**
     * Operation op1, movement mv1 (with the delay timer, when given) running {@code playbook} on host web1
     * (local connection, with a password), and the substitution value greeting=hello-from-jita.
     */
    void scenario(String playbook, Integer delayTimer) {
        record("operation_list", Map.of("operation_name", "op1"));
        record("device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1", "login_user", "deploy",
                "login_password", PASSWORD, "connection_type", "local"));
        Map<String, Object> movement = new LinkedHashMap<>(Map.of("movement_name", "mv1"));
        if (delayTimer != null) {
            movement.put("delay_timer", delayTimer);
        }
        record("movement_list_ansible_legacy", movement);
        playbook("main.yml", playbook);
        record("movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "main.yml", "include_order", 1));
        record("target_host_ansible_legacy", Map.of("operation", "op1", "movement", "mv1", "host", "web1"));
        // Exastro names the variable "movement:variable"; the driver uses the variable.
        record("subst_value_list_ansible_legacy", Map.of("operation", "op1", "movement", "mv1",
                "host", "web1", "variable_name", "mv1:greeting", "value", "hello-from-jita"));
    }

    /** A playbook of these tasks (YAML, indented by 4) on all hosts, without fact gathering. */
    static String play(String tasks) {
        return "- hosts: all\n  gather_facts: false\n  tasks:\n" + tasks;
    }

    String execute(Map<String, Object> body) {
        Http.Reply reply = member.post(driver + "execute/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String id = reply.data().path("execution_no").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        return id;
    }

    String execute() {
        return execute(Map.of("movement_name", "mv1", "operation_name", "op1"));
    }

    @Override
    protected Duration waitLimit() {
        return WAIT;
    }
}
