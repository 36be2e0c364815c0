package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TerraformCliMenusTest extends ApiTest {

    private static final List<String> MENUS = List.of(TerraformCliMenus.INTERFACE, TerraformCliMenus.WORKSPACES,
            TerraformCliMenus.MOVEMENTS, TerraformCliMenus.MODULES, TerraformCliMenus.MOVEMENT_MODULES,
            TerraformCliMenus.MODULE_VARIABLES, TerraformCliMenus.AUTO_REGISTRATION, TerraformCliMenus.VALUES);
    private static final String MAIN_TF = """
            # the module's inputs
            variable "region" {
              type    = string
              default = "ap-northeast-1" # Tokyo
            }
            variable "servers" {
              type = list(object({ name = string }))
              default = [
                { name = "web }" },
              ]
            }
            variable "password" {
              type      = string
              sensitive = true
            }
            output "region" {
              value = var.region
            }
            """;

    @Autowired
    TerraformCliInterface interfaceInfo;

    private Http member;
    private String base;

    @Test
    void theMenusKeepWorkspacesMovementsModulesLinksAndValues() {
        String org = organization(true);
        registered(TerraformCliMenus.WORKSPACES, Map.of("tf_workspace_name", "tfws1"));
        invalid(TerraformCliMenus.WORKSPACES, Map.of("tf_workspace_name", "bad name/.."));
        invalid(TerraformCliMenus.WORKSPACES, Map.of("tf_workspace_name", "tfws1"));

        JsonNode movement = registered(TerraformCliMenus.MOVEMENTS,
                Map.of("movement_name", "mv1", "delay_timer", 5, "workspace_name", "tfws1", "orchestrator", "ignored"));
        assertThat(movement.path("orchestrator").asString()).isEqualTo("Terraform CLI");
        assertThat(movement.path("workspace_name").asString()).isEqualTo("tfws1");
        invalid(TerraformCliMenus.MOVEMENTS, Map.of("movement_name", "mv2"));
        invalid(TerraformCliMenus.MOVEMENTS, Map.of("movement_name", "mv2", "workspace_name", "nope"));

        registered(TerraformCliMenus.MODULES, Map.of("module_file_name", "main.tf", "module_file", "main.tf"),
                Map.of("module_file", base64(MAIN_TF)));
        registered(TerraformCliMenus.MODULES, Map.of("module_file_name", "broken.tf", "module_file", "broken.tf"),
                Map.of("module_file", base64("variable \"lost\" {\n  default = [1, 2\n}\n")));
        Http.Reply notTf = member.post(base + TerraformCliMenus.MODULES + "/maintenance/", Map.of(
                "parameter", Map.of("module_file_name", "main.txt", "module_file", "main.txt"),
                "file", Map.of("module_file", base64("x"))));
        assertError(notTf, 499, "499-00201");

        registered(TerraformCliMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv1", "module_file", "main.tf"));
        invalid(TerraformCliMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv1", "module_file", "main.tf"));
        invalid(TerraformCliMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv1", "module_file", "none.tf"));

        registered("operation_list", Map.of("operation_name", "op1"));
        JsonNode value = registered(TerraformCliMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "mv1:region", "hcl_setting", "False", "sensitive_setting", "False",
                "value", "us-east-1\nsecond line"));
        assertThat(value.path("value").asString()).isEqualTo("us-east-1\nsecond line");
        registered(TerraformCliMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "servers", "member_variable_name", "name", "substitution_order", 1,
                "hcl_setting", "False", "sensitive_setting", "True", "value", "web"));
        invalid(TerraformCliMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "servers", "member_variable_name", "name", "substitution_order", 1,
                "hcl_setting", "False", "sensitive_setting", "False", "value", "again"));
        invalid(TerraformCliMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "bad name", "hcl_setting", "False", "sensitive_setting", "False"));
        invalid(TerraformCliMenus.VALUES, Map.of("operation_name", "op1", "movement_name", "mv1",
                "variable_name", "x", "hcl_setting", "yes", "sensitive_setting", "False"));

        // A setting names an item of a made Operation sheet (TerraformAutoRegistrationTest); this one names none.
        invalid(TerraformCliMenus.AUTO_REGISTRATION, Map.of("menu_group_menu_item", "group:sheet:item",
                "registration_method", "Value type", "movement_name", "mv1", "variable_name", "mv1:region",
                "hcl_setting", "False", "null_link", "True"));

        JsonNode variables = rows(TerraformCliMenus.MODULE_VARIABLES);
        assertThat(variables.findValuesAsString("variable_name")).containsExactly("region", "servers", "password");
        JsonNode region = variables.get(0).path("parameter");
        assertThat(region.path("module_file").asString()).isEqualTo("main.tf");
        assertThat(region.path("variable_type").asString()).isEqualTo("string");
        assertThat(region.path("default_value").asString()).isEqualTo("\"ap-northeast-1\"");
        assertThat(region.path("sensitive").asString()).isEqualTo("False");
        assertThat(variables.get(1).path("parameter").path("default_value").asString())
                .isEqualTo("[\n    { name = \"web }\" },\n  ]");
        assertThat(variables.get(2).path("parameter").path("sensitive").asString()).isEqualTo("True");
        assertThat(variables.get(2).path("parameter").path("default_value").isNull()).isTrue();
        assertThat(rows(TerraformCliMenus.MODULE_VARIABLES).get(0).path("parameter").path("uuid").asString())
                .as("the same id at every read").isEqualTo(region.path("uuid").asString());
        Http.Reply filtered = member.post(base + TerraformCliMenus.MODULE_VARIABLES + "/filter/",
                Map.of("variable_name", Map.of("NORMAL", "pass")));
        assertThat(filtered.data().findValuesAsString("variable_name")).as(filtered.toString()).containsExactly("password");
        assertError(member.post(base + TerraformCliMenus.MODULE_VARIABLES + "/maintenance/",
                Map.of("parameter", Map.of("variable_name", "x"))), 403, "403-00001");

        UiClient ui = new UiClient(port);
        ui.logIn(org, "owner", "owner-pass");
        UiClient.Page page = ui.get("/ui/ws/" + org + "/ws1/menu/" + TerraformCliMenus.MODULE_VARIABLES);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("servers").contains("list(object({ name = string }))");

        JsonNode module = rows(TerraformCliMenus.MODULES).get(0).path("parameter");
        Http.Reply discarded = member.patch(base + TerraformCliMenus.MODULES + "/maintenance/"
                + module.path("uuid").asString() + "/", Map.of("parameter", Map.of("discard", "1",
                "last_update_date_time", module.path("last_update_date_time").asString())));
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        assertThat(rows(TerraformCliMenus.MODULE_VARIABLES).size()).as("a discarded file's variables are gone").isZero();
    }

    @Test
    void theInterfaceInformationIsItsFirstActiveRowElseTheDefaults() {
        String org = organization(true);
        assertThat(interfaceInfo.settings(org, "ws1")).isEqualTo(new TerraformCliInterface.Settings(false, 3000, 1000));
        invalid(TerraformCliMenus.INTERFACE, Map.of("status_monitoring_cycle", 10));

        registered(TerraformCliMenus.INTERFACE, Map.of("null_link", "True", "status_monitoring_cycle", 5000));
        registered(TerraformCliMenus.INTERFACE, Map.of("status_monitoring_cycle", 9000,
                "number_of_rows_to_display_progress_status", 50));

        assertThat(interfaceInfo.settings(org, "ws1")).isEqualTo(new TerraformCliInterface.Settings(true, 5000, 1000));
    }

    @Test
    void anOrganizationWithoutTheDriverHasNoneOfTheMenus() {
        organization(false);
        for (String menu : MENUS) {
            assertError(member.get(base + menu + "/filter/"), 499, "499-00002");
            assertError(member.get(base + menu + "/info/"), 499, "499-00002");
        }
        assertError(member.post(base + TerraformCliMenus.WORKSPACES + "/maintenance/",
                Map.of("parameter", Map.of("tf_workspace_name", "tfws1"))), 499, "499-00002");

        organization(true);
        for (String menu : MENUS) {
            Http.Reply reply = member.get(base + menu + "/filter/");
            assertThat(reply.status()).as(menu + ": " + reply).isEqualTo(200);
        }
    }

    private String organization(boolean terraformCli) {
        String id = unique("tf-org");
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(id, "owner", "owner-pass"));
        body.put("optionsIta", Map.of("drivers", Map.of("terraform_cli", terraformCli)));
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
