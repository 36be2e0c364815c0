package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TerraformCloudEpMenusTest extends ApiTest {

    private static final List<String> MENUS = List.of(TerraformCloudEpMenus.INTERFACE,
            TerraformCloudEpMenus.ORGANIZATIONS, TerraformCloudEpMenus.WORKSPACES, TerraformCloudEpMenus.MOVEMENTS,
            TerraformCloudEpMenus.MODULES, TerraformCloudEpMenus.MOVEMENT_MODULES,
            TerraformCloudEpMenus.MODULE_VARIABLES, TerraformCloudEpMenus.AUTO_REGISTRATION,
            TerraformCloudEpMenus.VALUES);
    private static final String TOKEN = "abcDEF123.atlasv1.s3cr3t-t0ken-value";
    private static final String MAIN_TF = """
            variable "region" {
              type    = string
              default = "ap-northeast-1"
            }
            variable "password" {
              type      = string
              sensitive = true
            }
            """;

    @Autowired
    TerraformCloudEpInterface interfaceInfo;

    private Http member;
    private String base;

    @Test
    void theInterfaceKeepsItsTokenHiddenAndGivesTheDriverItsSettings() {
        String org = organization(true);
        assertThat(interfaceInfo.settings(org, "ws1")).as("not configured").isEmpty();
        invalid(TerraformCloudEpMenus.INTERFACE, Map.of("protocol", "ftp", "hostname", "app.terraform.io"));
        invalid(TerraformCloudEpMenus.INTERFACE, Map.of("protocol", "https", "hostname", "evil.example/x?"));
        invalid(TerraformCloudEpMenus.INTERFACE, Map.of("protocol", "https"));
        invalid(TerraformCloudEpMenus.INTERFACE, Map.of("protocol", "https", "hostname", "tfe.local", "port", 70000));

        Http.Reply written = member.post(base + TerraformCloudEpMenus.INTERFACE + "/maintenance/",
                Map.of("parameter", Map.of("protocol", "https", "hostname", "app.terraform.io", "user_token", TOKEN,
                        "proxy_address", "proxy.example.com", "proxy_port", 3128)));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.toString()).doesNotContain(TOKEN);
        Http.Reply rows = member.get(base + TerraformCloudEpMenus.INTERFACE + "/filter/");
        assertThat(rows.toString()).doesNotContain(TOKEN);
        JsonNode row = rows.data().get(0).path("parameter");
        assertThat(row.path("user_token").isNull()).isTrue();
        assertThat(row.path("hostname").asString()).isEqualTo("app.terraform.io");
        Http.Reply journal = member.get(base + TerraformCloudEpMenus.INTERFACE + "/filter/journal/"
                + row.path("uuid").asString() + "/");
        assertThat(journal.status()).as(journal.toString()).isEqualTo(200);
        assertThat(journal.toString()).doesNotContain(TOKEN);

        TerraformCloudEpInterface.Settings settings = interfaceInfo.settings(org, "ws1").orElseThrow();
        assertThat(settings.token()).isEqualTo(TOKEN);
        assertThat(settings.baseUrl()).isEqualTo("https://app.terraform.io/api/v2");
        assertThat(settings.port()).isNull();
        assertThat(settings.proxyAddress()).isEqualTo("proxy.example.com");
        assertThat(settings.proxyPort()).isEqualTo(3128);
        assertThat(settings.statusMonitoringCycleMs()).isEqualTo(3000);
        assertThat(settings.progressRows()).isEqualTo(1000);
        assertThat(settings.toString()).doesNotContain(TOKEN);

        Http.Reply updated = member.patch(base + TerraformCloudEpMenus.INTERFACE + "/maintenance/"
                + row.path("uuid").asString() + "/", Map.of("parameter", Map.of("protocol", "http",
                "hostname", "tfe.internal", "port", 8080, "status_monitoring_cycle", 5000,
                "last_update_date_time", row.path("last_update_date_time").asString())));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        settings = interfaceInfo.settings(org, "ws1").orElseThrow();
        assertThat(settings.baseUrl()).isEqualTo("http://tfe.internal:8080/api/v2");
        assertThat(settings.token()).as("an update without the token keeps it").isEqualTo(TOKEN);
        assertThat(settings.statusMonitoringCycleMs()).isEqualTo(5000);
    }

    @Test
    void theMenusKeepOrganizationsWorkspacesMovementsModulesLinksAndValues() {
        organization(true);
        registered(TerraformCloudEpMenus.ORGANIZATIONS, Map.of("tf_organization_name", "acme",
                "email_address", "ops@acme.example.com"));
        registered(TerraformCloudEpMenus.ORGANIZATIONS, Map.of("tf_organization_name", "other",
                "email_address", "ops@other.example.com"));
        invalid(TerraformCloudEpMenus.ORGANIZATIONS, Map.of("tf_organization_name", "acme",
                "email_address", "x@acme.example.com"));
        invalid(TerraformCloudEpMenus.ORGANIZATIONS, Map.of("tf_organization_name", "a:b",
                "email_address", "x@acme.example.com"));
        invalid(TerraformCloudEpMenus.ORGANIZATIONS, Map.of("tf_organization_name", "third",
                "email_address", "not an address"));

        JsonNode workspace = registered(TerraformCloudEpMenus.WORKSPACES, Map.of("tf_organization_name", "acme",
                "tf_workspace_name", "prod", "terraform_version", "1.9.8"));
        assertThat(workspace.path("tf_organization_name").asString()).isEqualTo("acme");
        registered(TerraformCloudEpMenus.WORKSPACES, Map.of("tf_organization_name", "other",
                "tf_workspace_name", "prod"));
        invalid(TerraformCloudEpMenus.WORKSPACES, Map.of("tf_organization_name", "acme", "tf_workspace_name", "prod"));
        invalid(TerraformCloudEpMenus.WORKSPACES, Map.of("tf_organization_name", "nobody", "tf_workspace_name", "dev"));
        invalid(TerraformCloudEpMenus.WORKSPACES, Map.of("tf_organization_name", "acme", "tf_workspace_name", "a/b"));
        invalid(TerraformCloudEpMenus.WORKSPACES, Map.of("tf_organization_name", "acme", "tf_workspace_name", "dev",
                "terraform_version", "latest"));

        JsonNode movement = registered(TerraformCloudEpMenus.MOVEMENTS, Map.of("movement_name", "mv1",
                "delay_timer", 5, "organization_workspace", "acme:prod", "orchestrator", "ignored"));
        assertThat(movement.path("orchestrator").asString()).isEqualTo("Terraform Cloud/EP");
        assertThat(movement.path("organization_workspace").asString()).isEqualTo("acme:prod");
        invalid(TerraformCloudEpMenus.MOVEMENTS, Map.of("movement_name", "mv2"));
        Http.Reply wrong = member.post(base + TerraformCloudEpMenus.MOVEMENTS + "/maintenance/",
                Map.of("parameter", Map.of("movement_name", "mv2", "organization_workspace", "acme:dev")));
        assertError(wrong, 499, "499-00201");
        assertThat(wrong.data().path("errors").path("0").path("organization_workspace").get(0).asString())
                .contains("acme:dev").contains(TerraformCloudEpMenus.WORKSPACES);
        invalid(TerraformCloudEpMenus.MOVEMENTS, Map.of("movement_name", "mv2", "organization_workspace", "prod"));
        Http.Reply update = member.patch(base + TerraformCloudEpMenus.MOVEMENTS + "/maintenance/"
                + movement.path("uuid").asString() + "/", Map.of("parameter", Map.of("organization_workspace",
                "nobody:prod", "last_update_date_time", movement.path("last_update_date_time").asString())));
        assertError(update, 499, "499-00201");
        movement = registered(TerraformCloudEpMenus.MOVEMENTS, Map.of("movement_name", "mv2",
                "organization_workspace", "other:prod"));
        discard(TerraformCloudEpMenus.WORKSPACES, 1);
        Http.Reply stale = member.patch(base + TerraformCloudEpMenus.MOVEMENTS + "/maintenance/"
                + movement.path("uuid").asString() + "/", Map.of("parameter", Map.of("delay_timer", 1,
                "last_update_date_time", movement.path("last_update_date_time").asString())));
        assertError(stale, 499, "499-00201");
        assertThat(stale.body()).as("its workspace was discarded").contains("other:prod");

        registered(TerraformCloudEpMenus.MODULES, Map.of("module_file_name", "main.tf", "module_file", "main.tf"),
                Map.of("module_file", base64(MAIN_TF)));
        invalid(TerraformCloudEpMenus.MODULES, Map.of("module_file_name", "main.txt", "module_file", "main.txt"));
        registered(TerraformCloudEpMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv1", "module_file", "main.tf"));
        invalid(TerraformCloudEpMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv1", "module_file", "main.tf"));

        registered("operation_list", Map.of("operation_name", "op1"));
        JsonNode value = registered(TerraformCloudEpMenus.VALUES, Map.of("operation_name", "op1",
                "movement_name", "mv1", "variable_name", "mv1:region", "hcl_setting", "False",
                "sensitive_setting", "False", "value", "us-east-1"));
        assertThat(value.path("value").asString()).isEqualTo("us-east-1");
        assertThat(value.path("execution_no").isNull()).isTrue();
        invalid(TerraformCloudEpMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "bad name", "hcl_setting", "False", "sensitive_setting", "False"));
        invalid(TerraformCloudEpMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "region", "hcl_setting", "False"));
        // A setting names an item of a made Operation sheet (TerraformAutoRegistrationTest); this one names none.
        invalid(TerraformCloudEpMenus.AUTO_REGISTRATION, Map.of("menu_group_menu_item", "group:sheet:item",
                "registration_method", "Value type", "movement_name", "mv1", "variable_name", "mv1:region",
                "hcl_setting", "False"));

        JsonNode variables = rows(TerraformCloudEpMenus.MODULE_VARIABLES);
        assertThat(variables.findValuesAsString("variable_name")).containsExactly("region", "password");
        assertThat(variables.get(0).path("parameter").path("module_file").asString()).isEqualTo("main.tf");
        assertThat(variables.get(1).path("parameter").path("sensitive").asString()).isEqualTo("True");
        assertThat(rows(TerraformCliMenus.MODULE_VARIABLES).size()).as("the CLI's modules are its own").isZero();
        assertError(member.post(base + TerraformCloudEpMenus.MODULE_VARIABLES + "/maintenance/",
                Map.of("parameter", Map.of("variable_name", "x"))), 403, "403-00001");
    }

    @Test
    void anOrganizationWithoutTheDriverHasNoneOfTheMenus() {
        organization(false);
        for (String menu : MENUS) {
            assertError(member.get(base + menu + "/filter/"), 499, "499-00002");
            assertError(member.get(base + menu + "/info/"), 499, "499-00002");
        }
        assertError(member.post(base + TerraformCloudEpMenus.ORGANIZATIONS + "/maintenance/",
                Map.of("parameter", Map.of("tf_organization_name", "acme", "email_address", "a@acme.example.com"))),
                499, "499-00002");
        assertThat(member.get(base + TerraformCliMenus.WORKSPACES + "/filter/").status())
                .as("the CLI driver's menus are still there").isEqualTo(200);

        organization(true);
        for (String menu : MENUS) {
            Http.Reply reply = member.get(base + menu + "/filter/");
            assertThat(reply.status()).as(menu + ": " + reply).isEqualTo(200);
        }
    }

    private String organization(boolean cloudEp) {
        String id = unique("tfc-org");
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(id, "owner", "owner-pass"));
        body.put("optionsIta", Map.of("drivers", Map.of("terraform_cloud_ep", cloudEp)));
        Http.Reply reply = admin().post("/api/platform/organizations", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        member = http().as("owner", "owner-pass");
        createWorkspace(member, id, "ws1");
        base = "/api/" + id + "/workspaces/ws1/ita/menu/";
        return id;
    }

    private JsonNode registered(String menu, Map<String, Object> parameter) {
        return registered(menu, parameter, null);
    }

    /** Registers a record (with its files, when given) and answers it as read back. */
    private JsonNode registered(String menu, Map<String, Object> parameter, Map<String, Object> files) {
        int before = rows(menu).size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameter", parameter);
        if (files != null) {
            body.put("file", files);
        }
        Http.Reply reply = member.post(base + menu + "/maintenance/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode rows = rows(menu);
        assertThat(rows.size()).isEqualTo(before + 1);
        return rows.get(rows.size() - 1).path("parameter");
    }

    private void discard(String menu, int row) {
        JsonNode record = rows(menu).get(row).path("parameter");
        Http.Reply reply = member.patch(base + menu + "/maintenance/" + record.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("discard", "1",
                        "last_update_date_time", record.path("last_update_date_time").asString())));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private void invalid(String menu, Map<String, Object> parameter) {
        assertError(member.post(base + menu + "/maintenance/", Map.of("parameter", parameter)), 499, "499-00201");
    }

    private JsonNode rows(String menu) {
        Http.Reply reply = member.get(base + menu + "/filter/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
