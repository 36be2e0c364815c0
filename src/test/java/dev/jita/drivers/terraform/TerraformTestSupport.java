package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ExecutionApiTest;
import dev.jita.test.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Terraform CLI driver tests: a workspace with a member and a viewer, the Terraform menus filled through the
 * API, executions run by real terraform with {@code terraform_data} resources (no provider download).
 */
abstract class TerraformTestSupport extends ExecutionApiTest {

    static final Duration WAIT = Duration.ofSeconds(120);

    static final String TERRAFORM = "/usr/local/bin/terraform";
    static final String SECRET = "Tf-S3cret-" + System.nanoTime();
    /** A resource whose input is the variable greeting, outputs of it, and a sensitive variable used by one. */
    static final String MAIN_TF = """
            variable "greeting" {
              type = string
            }
            variable "token" {
              type      = string
              sensitive = true
            }
            resource "terraform_data" "hello" {
              input = var.greeting
            }
            output "greeting" {
              value = terraform_data.hello.output
            }
            output "token" {
              value     = var.token
              sensitive = true
            }
            """;

    String org;
    Http viewer;
    String driver;

    /** Skipped where terraform is absent; with CI=true that fails ({@link dev.jita.test.NoSkipsInCi}). */
    static void requireTerraform() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(TERRAFORM)), "terraform is not installed at " + TERRAFORM);
    }

    @BeforeEach
    void workspace() {
        requireTerraform();
        org = unique("tf-org");
        createOrganization(org, "owner", "owner-pass");
        member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        createUser(member, org, "watcher", "watcher-pass", "ws1", "viewer");
        viewer = http().as("watcher", "watcher-pass");
        menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        driver = menus + "execution_terraform_cli/driver/";
        status = menus + "check_operation_status_terraform_cli/driver/";
    }

    void module(String name, String content) {
        Http.Reply reply = member.post(menus + TerraformCliMenus.MODULES + "/maintenance/", Map.of(
                "parameter", Map.of("module_file_name", name, "module_file", name),
                "file", Map.of("module_file", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /**
     * Operation op1, Terraform workspace tfws1, movement mv1 on it (with the delay timer, when given) linked to
     * {@code module} as main.tf, and the values greeting (given) and token (sensitive).
     */
    void scenario(String module, String greeting, Integer delayTimer) {
        record("operation_list", Map.of("operation_name", "op1"));
        record(TerraformCliMenus.WORKSPACES, Map.of("tf_workspace_name", "tfws1"));
        Map<String, Object> movement = new LinkedHashMap<>(Map.of("movement_name", "mv1", "workspace_name", "tfws1"));
        if (delayTimer != null) {
            movement.put("delay_timer", delayTimer);
        }
        record(TerraformCliMenus.MOVEMENTS, movement);
        module("main.tf", module);
        record(TerraformCliMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv1", "module_file", "main.tf"));
        value("greeting", greeting, false);
        value("token", SECRET, true);
    }

    void value(String variable, String value, boolean sensitive) {
        record(TerraformCliMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "mv1:" + variable, "hcl_setting", "False",
                "sensitive_setting", sensitive ? "True" : "False", "value", value));
    }

    String register(String endpoint, Map<String, Object> body) {
        Http.Reply reply = member.post(driver + endpoint + "/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String id = reply.data().path("execution_no").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        return id;
    }

    String apply() {
        return register("execute", Map.of("movement_name", "mv1", "operation_name", "op1"));
    }

    static String log(JsonNode status, String name) {
        return status.path("progress").path("execution_log").path("exec_log").path(name).asString("");
    }

    static String errorLog(JsonNode status) {
        return status.path("progress").path("execution_log").path("error_log").asString("");
    }

    /**
     * The processes of this test's runs that are still alive: terraform started by this JVM (the sandbox
     * keeps them its descendants) and any process whose command line holds {@code marker}, wherever it went.
     */
    static long leftOver(String marker) {
        long terraform = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/terraform")).orElse(false)).count();
        long marked = ProcessHandle.allProcesses()
                .filter(p -> p.isAlive() && p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .count();
        return terraform + marked;
    }

    @Override
    protected Duration waitLimit() {
        return WAIT;
    }
}
