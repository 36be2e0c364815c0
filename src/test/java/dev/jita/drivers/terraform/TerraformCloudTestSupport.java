package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ExecutionApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Terraform Cloud/EP driver tests against {@link FakeTerraformCloud}, the stand-in of the Terraform Cloud API
 * (a real one is outside this machine): a workspace with a member and a viewer, the Cloud/EP menus filled
 * through the API and pointed at the fake.
 */
@TestPropertySource(properties = {"jita.terraform-cloud-ep.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=200ms", "jita.terraform-cloud-ep.timeout=2s",
        "jita.terraform-cloud-ep.poll-failures=3"})
abstract class TerraformCloudTestSupport extends ExecutionApiTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    static final String TOKEN = "tfc-token-" + System.nanoTime();
    static final String SECRET = "Tfc-S3cret-" + System.nanoTime();
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
            """;

    FakeTerraformCloud tfc;
    String org;
    Http viewer;
    String driver;

    /** A database of its own, which a node process of the killed-node test can share. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, true);
    }

    @BeforeEach
    void workspace() throws IOException {
        tfc = FakeTerraformCloud.start(TOKEN);
        org = unique("tfc-org");
        createOrganization(org, "owner", "owner-pass");
        member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        createUser(member, org, "watcher", "watcher-pass", "ws1", "viewer");
        viewer = http().as("watcher", "watcher-pass");
        menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        driver = menus + "execution_terraform_cloud_ep/driver/";
        status = menus + "check_operation_status_terraform_cloud_ep/driver/";
    }

    @AfterEach
    void stopFake() {
        if (tfc != null) {
            tfc.close();
        }
    }

    /**
     * The fake's organization tfc-org1 with workspace tfc-ws1; jita's interface pointed at the fake; operation
     * op1; movement mv1 on tfc-org1:tfc-ws1 with {@code module} as main.tf; greeting (given) and token
     * (sensitive).
     */
    FakeTerraformCloud.Workspace scenario(String module, String greeting) {
        // Short phases keep the suite fast; tests that watch a run under way set longer ones.
        FakeTerraformCloud.Workspace workspace = tfc.workspace("tfc-org1", "tfc-ws1").phaseDuration(Duration.ofMillis(300));
        record("intarface_info_terraform_cloud_ep", Map.of("protocol", "http", "hostname", "127.0.0.1",
                "port", tfc.port(), "user_token", TOKEN, "status_monitoring_cycle", 1000));
        record("organization_list_terraform_cloud_ep", Map.of("tf_organization_name", "tfc-org1",
                "email_address", "ops@example.com"));
        record("workspace_list_terraform_cloud_ep", Map.of("tf_organization_name", "tfc-org1",
                "tf_workspace_name", "tfc-ws1"));
        record("operation_list", Map.of("operation_name", "op1"));
        record("movement_list_terraform_cloud_ep", new LinkedHashMap<>(Map.of("movement_name", "mv1",
                "organization_workspace", "tfc-org1:tfc-ws1")));
        Http.Reply reply = member.post(menus + "module_files_terraform_cloud_ep/maintenance/", Map.of(
                "parameter", Map.of("module_file_name", "main.tf", "module_file", "main.tf"),
                "file", Map.of("module_file", Base64.getEncoder().encodeToString(module.getBytes(StandardCharsets.UTF_8)))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        record("movement_module_link_terraform_cloud_ep", Map.of("movement_name", "mv1", "module_file", "main.tf"));
        value("greeting", greeting, false);
        value("token", SECRET, true);
        return workspace;
    }

    void value(String variable, String value, boolean sensitive) {
        record("subst_value_list_terraform_cloud_ep", Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "mv1:" + variable, "hcl_setting", "False",
                "sensitive_setting", sensitive ? "True" : "False", "value", value));
    }

    String register(String endpoint, Map<String, Object> body) {
        Http.Reply reply = member.post(driver + endpoint + "/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("execution_no").asString();
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

    @Override
    protected Duration waitLimit() {
        return WAIT;
    }
}
