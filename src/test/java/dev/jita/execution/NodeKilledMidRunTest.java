package dev.jita.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import dev.jita.test.NodeProcess;
import dev.jita.test.TestDatabase;
import dev.jita.test.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A node killed with SIGKILL while it runs a playbook (real ansible-playbook) and a Terraform CLI run (real
 * terraform, a local-exec sleep), both in the sandbox; then started again on the same database and work root.
 * The tools die with the node; the restarted node removes at its start what its previous life left on disk;
 * both items end in Unexpected error once dead-after has passed, as the two drivers' items do (they are not
 * resumable). On H2 the two lives open the embedded database one after the other.
 */
class NodeKilledMidRunTest {

    private static final String ADMIN = "kill-admin";
    private static final String ADMIN_PASSWORD = "kill-admin-pass";
    private static final String DEVICE_PASSWORD = "Dev1ce-Pa55-" + System.nanoTime();
    private static final String TOKEN = "Tf-T0ken-" + System.nanoTime();
    private static final String TERRAFORM = "/usr/local/bin/terraform";

    @Test
    void toolsDieWithTheNodeAndItsRestartCleansUpAndTheItemsEnd() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bwrap is not installed: install bubblewrap");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(TERRAFORM)), "terraform is not installed at " + TERRAFORM);
        Assumptions.assumeTrue(Sandbox.onPath("ansible-playbook").isPresent(), "ansible-playbook is not on the PATH");
        Map<String, String> database = TestDatabase.fresh();
        Path workRoot = Files.createTempDirectory("jita-kill-work-");
        // Only a start may remove what a dead node left: the periodic sweep waits an hour.
        List<String> arguments = List.of("--jita.admin.username=" + ADMIN, "--jita.admin.password=" + ADMIN_PASSWORD,
                "--jita.ansible.enabled=true", "--jita.terraform-cli.enabled=true", "--jita.terraform-cloud-ep.enabled=false",
                "--jita.backyard.poll-interval=200ms", "--jita.backyard.heartbeat-interval=300ms",
                "--jita.backyard.dead-after=3s", "--jita.backyard.sweep-interval=300ms",
                "--jita.execution.work-dir=" + workRoot, "--jita.execution.sweep-interval=1h");
        String marker = "3600." + System.nanoTime() % 1_000_000;

        NodeProcess first = NodeProcess.start(database, arguments);
        String ansibleId;
        String terraformId;
        Path firstLife;
        List<ProcessHandle> children;
        try {
            Http member = workspace(first.client());
            String menus = "/api/kill-org/workspaces/ws1/ita/menu/";
            ansibleId = ansibleRun(member, menus, "sleep " + marker + "1");
            terraformId = terraformRun(member, menus, "sleep " + marker + "2");
            String ansibleStatus = menus + "check_operation_status_ansible_legacy/driver/" + ansibleId + "/";
            String terraformStatus = menus + "check_operation_status_terraform_cli/driver/" + terraformId + "/";
            Waits.awaitTrue("both tools to run their sleep", Duration.ofSeconds(60),
                    () -> running(marker + "1") && running(marker + "2"));
            assertThat(statusOf(member, ansibleStatus)).isEqualTo("3");
            assertThat(statusOf(member, terraformStatus)).isEqualTo("3");
            firstLife = nodeDirectory(workRoot, ansibleId);
            assertThat(firstLife.resolve(terraformId)).isDirectory();
            children = first.process().descendants().toList();
            assertThat(children).as("the node's tool processes")
                    .anyMatch(p -> commandLine(p).contains("ansible-playbook"))
                    .anyMatch(p -> commandLine(p).contains("terraform"));

            first.kill();

            Waits.awaitTrue("every process the node started to die with it", Duration.ofSeconds(15),
                    () -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(orphans(firstLife)).as("ansible-playbook or terraform processes left behind").isEmpty();
            assertThat(running(marker + "1") || running(marker + "2")).as("the sleeps left behind").isFalse();
        } catch (AssertionError | RuntimeException e) {
            throw first.withLog(e);
        } finally {
            first.discard();
        }

        NodeProcess second = NodeProcess.start(database, arguments);
        try {
            assertThat(firstLife).as("the previous life's work directory, removed at the start").doesNotExist();
            try (Stream<Path> files = Files.walk(workRoot)) {
                assertThat(files.filter(Files::isRegularFile).filter(NodeKilledMidRunTest::holdsASecret).toList())
                        .as("files holding the device password or the sensitive token").isEmpty();
            }
            Http member = second.client().as("owner", "owner-pass");
            String menus = "/api/kill-org/workspaces/ws1/ita/menu/";
            for (String status : List.of(menus + "check_operation_status_ansible_legacy/driver/" + ansibleId + "/",
                    menus + "check_operation_status_terraform_cli/driver/" + terraformId + "/")) {
                Waits.awaitTrue("the item to end in Unexpected error", Duration.ofSeconds(30),
                        () -> statusOf(member, status).equals("7"));
            }
        } catch (AssertionError | RuntimeException e) {
            throw second.withLog(e);
        } finally {
            second.discard();
        }
    }

    /** Organization kill-org, workspace ws1, its manager "owner" (a member of ws1). */
    private static Http workspace(Http node) {
        Http admin = node.as(ADMIN, ADMIN_PASSWORD);
        ok(admin.post("/api/platform/organizations", Map.of("id", "kill-org", "name", "kill-org",
                "organization_managers", List.of(Map.of("username", "owner", "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", "owner-pass")))))));
        Http member = node.as("owner", "owner-pass");
        ok(member.post("/api/kill-org/platform/workspaces", Map.of("id", "ws1", "name", "ws1",
                "informations", Map.of("description", "d"))));
        return member;
    }

    private static String ansibleRun(Http member, String menus, String command) {
        record(member, menus, "operation_list", Map.of("operation_name", "op1"));
        record(member, menus, "device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1",
                "login_user", "deploy", "login_password", DEVICE_PASSWORD, "connection_type", "local"));
        record(member, menus, "movement_list_ansible_legacy", Map.of("movement_name", "amv"));
        String playbook = "- hosts: all\n  gather_facts: false\n  tasks:\n    - command: " + command + "\n";
        ok(member.post(menus + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", "main.yml", "playbook_file", "main.yml"),
                "file", Map.of("playbook_file", base64(playbook)))));
        record(member, menus, "movement_playbook_link", Map.of("movement", "amv", "playbook_file", "main.yml",
                "include_order", 1));
        record(member, menus, "target_host_ansible_legacy", Map.of("operation", "op1", "movement", "amv", "host", "web1"));
        return ok(member.post(menus + "execution_ansible_legacy/driver/execute/",
                Map.of("movement_name", "amv", "operation_name", "op1"))).data().path("execution_no").asString();
    }

    private static String terraformRun(Http member, String menus, String command) {
        String module = """
                variable "token" {
                  type      = string
                  sensitive = true
                }
                resource "terraform_data" "wait" {
                  input = var.token
                  provisioner "local-exec" {
                    command = "%s"
                  }
                }
                """.formatted(command);
        record(member, menus, "workspace_list_terraform_cli", Map.of("tf_workspace_name", "tfws1"));
        record(member, menus, "movement_list_terraform_cli", Map.of("movement_name", "tmv", "workspace_name", "tfws1"));
        ok(member.post(menus + "module_files_terraform_cli/maintenance/", Map.of(
                "parameter", Map.of("module_file_name", "main.tf", "module_file", "main.tf"),
                "file", Map.of("module_file", base64(module)))));
        record(member, menus, "movement_module_link_terraform_cli", Map.of("movement_name", "tmv", "module_file", "main.tf"));
        record(member, menus, "subst_value_list_terraform_cli", Map.of("operation_name", "op1", "movement_name", "tmv",
                "variable_name", "tmv:token", "hcl_setting", "False", "sensitive_setting", "True", "value", TOKEN));
        return ok(member.post(menus + "execution_terraform_cli/driver/execute/",
                Map.of("movement_name", "tmv", "operation_name", "op1"))).data().path("execution_no").asString();
    }

    private static void record(Http member, String menus, String menu, Map<String, Object> parameter) {
        ok(member.post(menus + menu + "/maintenance/", Map.of("parameter", parameter)));
    }

    private static Http.Reply ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String statusOf(Http member, String path) {
        return ok(member.get(path)).data().path("status_id").asString();
    }

    private static Path nodeDirectory(Path workRoot, String executionId) throws IOException {
        try (Stream<Path> nodes = Files.list(workRoot)) {
            return nodes.filter(n -> Files.isDirectory(n.resolve(executionId))).findFirst()
                    .orElseThrow(() -> new AssertionError("no directory of execution " + executionId + " under " + workRoot));
        }
    }

    /**
     * Processes of ansible-playbook or terraform on this host whose work directory is in the killed node's, as
     * the host sees it. (A sandboxed tool's shows as the sandbox's /work, which other nodes' tools on this host
     * share: those are told apart by the processes recorded before the kill and by the sleeps' markers.)
     */
    private static List<ProcessHandle> orphans(Path nodeDirectory) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> {
            String line = commandLine(p);
            if (!line.contains("ansible-playbook") && !line.contains("terraform")) {
                return false;
            }
            Optional<Path> cwd = workingDirectory(p);
            return cwd.isPresent() && cwd.get().startsWith(nodeDirectory);
        }).toList();
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> commandLine(p).contains(marker));
    }

    private static boolean holdsASecret(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.contains(DEVICE_PASSWORD) || text.contains(TOKEN);
        } catch (IOException e) {
            return false;
        }
    }
}
