package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.ExecutionRun;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.TestDatabase;
import dev.jita.test.Zips;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Values from an Operation parameter sheet reach a real terraform apply through the auto-registration
 * settings: the sheet's value wins over the manual one, a password item stays sensitive, a file item is not offered.
 */
@TestPropertySource(properties = {"jita.terraform-cli.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=200ms", "jita.menu-create.enabled=true"})
class TerraformAutoRegistrationTest extends TerraformTestSupport {

    private static final String SHEET_SECRET = "Sheet-Tf-S3cret-" + System.nanoTime();

    /** Its own database: the menu-create and Terraform items of this server are its own engine's. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Test
    void theOperationSheetsValueIsWhatTerraformGets() throws Exception {
        scenario(MAIN_TF, "manual-greeting", null);
        Map<String, Object> upload = Sheets.item("upload", "FileUploadColumn");
        upload.put("file_upload_maximum_bytes", 1024);
        Sheets.create(member, org, "ws1", Sheets.createNew("tfparams", Sheets.OPERATION, false,
                List.of(Sheets.text("greeting", 64), Sheets.password("token", 64), upload)), WAIT);
        // An Operation sheet's file item is not offered to auto-registration.
        Http.Reply refused = member.post(menus + TerraformCliMenus.AUTO_REGISTRATION + "/maintenance/", Map.of(
                "parameter", Map.of("menu_group_menu_item", "tfparams:upload", "registration_method", "Value type",
                        "movement_name", "mv1", "variable_name", "greeting", "hcl_setting", "False")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(499);
        assertThat(refused.body()).contains("menu_group_menu_item");
        record("tfparams", Map.of("operation_name_select", "op1", "greeting", "from-the-sheet", "token", SHEET_SECRET));
        for (String item : List.of("greeting", "token")) {
            record(TerraformCliMenus.AUTO_REGISTRATION, Map.of("menu_group_menu_item", "tfparams:" + item,
                    "registration_method", "Value type", "movement_name", "mv1", "variable_name", item,
                    "hcl_setting", "False"));
        }

        JsonNode end = awaitEnd(apply());
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("outputs").path("greeting").path("value").asString()).isEqualTo("from-the-sheet");
        assertThat(end.path("outputs").path("token").path("value").asString()).isEqualTo(ExecutionRun.MASK);
        assertThat(end.toString()).doesNotContain(SHEET_SECRET).doesNotContain(SECRET);

        String id = end.path("execution_list").path("parameter").path("execution_no").asString();
        Map<String, String> input = Zips.unzip(member.get(status + id + "/populated_data/").data().asString());
        assertThat(input.get("terraform.tfvars")).contains("from-the-sheet").doesNotContain("manual-greeting")
                .doesNotContain(SHEET_SECRET);
        assertThat(input.get(ExecutionRun.VALUES_FILE)).contains("from-the-sheet").contains("tfparams:greeting")
                .contains("manual-greeting").contains("not used: a parameter sheet gives this variable")
                .doesNotContain(SHEET_SECRET).doesNotContain(SECRET);
    }
}
