package dev.jita.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A conductor of two drivers: a real Ansible playbook, then, through a conditional branch on its status, a
 * real terraform apply.
 */
@TestPropertySource(properties = "jita.terraform-cli.enabled=true")
class ConductorWorkflowTest extends ConductorTestSupport {

    static final String TERRAFORM = "/usr/local/bin/terraform";

    @Test
    void anAnsiblePlaybookThenATerraformApplyJoinedByAConditionalBranch() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(TERRAFORM)), "terraform is not installed at " + TERRAFORM);
        movement("prepare", "    - command: /bin/true\n");
        record("workspace_list_terraform_cli", Map.of("tf_workspace_name", "tfws1"));
        record("movement_list_terraform_cli", Map.of("movement_name", "apply", "workspace_name", "tfws1"));
        Http.Reply module = member.post(menus + "module_files_terraform_cli/maintenance/", Map.of(
                "parameter", Map.of("module_file_name", "main.tf", "module_file", "main.tf"),
                "file", Map.of("module_file", Base64.getEncoder().encodeToString("""
                        resource "terraform_data" "hello" {
                          input = "from-a-conductor"
                        }
                        output "greeting" {
                          value = terraform_data.hello.output
                        }
                        """.getBytes(StandardCharsets.UTF_8)))));
        assertThat(module.status()).as(module.toString()).isEqualTo(200);
        record("movement_module_link_terraform_cli", Map.of("movement_name", "apply", "module_file", "main.tf"));

        ClassJson json = new ClassJson("ansible-then-terraform");
        json.node("start");
        movementNode(json, "prepare");
        json.node("conditional-branch");
        json.node("movement").put("movement_name", "apply").put("orchestra_id", "5");
        json.node("end").put("end_type", "6");
        json.node("end").put("end_type", "7");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        json.edge("node-3", "node-4").set("condition", Http.JSON.valueToTree(List.of("5")));
        json.edge("node-3", "node-6").set("condition", Http.JSON.valueToTree(List.of("9999")));
        json.edge("node-4", "node-5");
        register(json);

        JsonNode done = awaitInstanceEnd(execute("ansible-then-terraform"));
        assertThat(instanceStatus(done)).as(done.toString()).isEqualTo("6");
        assertThat(nodeStatus(done, "node-2")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-3")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-4")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-5")).isEqualTo("5");
        assertThat(nodeStatus(done, "node-6")).isEqualTo("13");
        JsonNode jump = done.path("node").path("node-4").path("jump");
        assertThat(jump.path("menu_id").asString()).isEqualTo("check_operation_status_terraform_cli");
        Http.Reply apply = member.get(menus + "check_operation_status_terraform_cli/driver/"
                + jump.path("execution_id").asString() + "/");
        assertThat(apply.data().path("status_id").asString()).as(apply.toString()).isEqualTo("5");
        assertThat(apply.body()).contains("from-a-conductor");
        // The Ansible run came first: the terraform run started after it ended.
        assertThat(done.path("node").path("node-4").path("time_start").asString())
                .isGreaterThanOrEqualTo(done.path("node").path("node-2").path("time_end").asString());
    }
}
