package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.ExecutionRun;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.UiClient;
import dev.jita.test.Zips;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Values from a Host/Operation parameter sheet reach a real playbook through the auto-registration settings:
 * two hosts with two different values (and files), target hosts from the sheet's rows, a sheet value winning over
 * a manual one, and the values recorded with the execution.
 */
class AnsibleAutoRegistrationTest extends AnsibleTestSupport {

    private static final String SHEET_PASSWORD = "Sheet-Pa55-" + System.nanoTime();
    private static final String SETTINGS = "subst_value_auto_reg_setting_ansible_legacy";

    @BeforeEach
    void ansibleIsThere() {
        Assumptions.assumeTrue(ansibleInstalled(),
                "ansible-playbook is not on the PATH: install ansible-core to run the Ansible driver tests");
    }

    @Test
    void eachHostGetsItsOwnValueFromTheSheet() throws Exception {
        record("operation_list", Map.of("operation_name", "op1"));
        for (String host : List.of("web1", "web2")) {
            record("device_list", Map.of("host_name", host, "ip_address", "127.0.0.1", "connection_type", "local"));
        }
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        playbook("main.yml", play("""
                    - name: greet
                      debug:
                        msg: "greeting on {{ inventory_hostname }} is {{ greeting }}, port {{ port }}"
                    - name: secret
                      debug:
                        msg: "secret is {{ secret }}"
                """));
        record("movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "main.yml", "include_order", 1));
        // A manual value for web1 that the sheet's value replaces.
        record("subst_value_list_ansible_legacy", Map.of("operation", "op1", "movement", "mv1", "host", "web1",
                "variable_name", "greeting", "value", "manual-greeting"));

        Sheets.create(member, org, "ws1", Sheets.createNew("greetings", Sheets.HOST_OPERATION, false,
                List.of(Sheets.text("greeting", 64), Sheets.text("port", 8), Sheets.password("secret", 64))), WAIT);
        sheetRow("web1", "hello-web1", "8081");
        sheetRow("web2", "hello-web2", "8082");
        setting("greetings:greeting", "greeting", "Value type");
        setting("greetings_subst:port", "port", "Value type");
        setting("greetings:secret", "secret", "Value type");

        String id = execute();
        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        String console = end.path("execution_log").path("console").asString();
        assertThat(console).contains("greeting on web1 is hello-web1, port 8081")
                .contains("greeting on web2 is hello-web2, port 8082")
                .contains("secret is " + ExecutionRun.MASK).doesNotContain(SHEET_PASSWORD)
                .doesNotContain("manual-greeting");

        // The execution's record: every value with its source, the manual one marked as not used.
        String page = uiPage(id);
        assertThat(page).contains("id=\"values\"").contains("hello-web1").contains("hello-web2")
                .contains("greetings:greeting").contains("manual-greeting").contains("not used: a parameter sheet")
                .doesNotContain(SHEET_PASSWORD);
        JsonNode list = member.get(menus + "execution_list_ansible_legacy/filter/").data();
        String inputData = list.get(0).path("parameter").path("populated_data").asString();
        assertThat(inputData).isEqualTo("InputData_" + id + ".zip");
        Map<String, String> zip = Zips.unzip(member.get(status + id + "/files/" + inputData + "/").data()
                .path("file_data").asString());
        assertThat(zip).containsKeys("site.yml", "playbooks/main.yml", ExecutionRun.VALUES_FILE);
        assertThat(zip.get(ExecutionRun.VALUES_FILE)).contains("hello-web2").contains("\"host\":\"web1\"")
                .contains(ExecutionRun.MASK).doesNotContain(SHEET_PASSWORD);
        assertThat(String.join("\n", zip.values())).doesNotContain(SHEET_PASSWORD);
    }

    @Test
    void eachHostGetsItsOwnFileFromTheSheet() throws Exception {
        record("operation_list", Map.of("operation_name", "op1"));
        for (String host : List.of("web1", "web2")) {
            record("device_list", Map.of("host_name", host, "ip_address", "127.0.0.1", "connection_type", "local"));
        }
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        playbook("main.yml", play("""
                    - name: read on the controller
                      debug:
                        msg: "lookup on {{ inventory_hostname }}: {{ lookup('file', conf) }}"
                    - name: read on the host
                      command: cat "{{ conf }}"
                      register: read
                    - debug:
                        msg: "cat on {{ inventory_hostname }}: {{ read.stdout }}"
                    - stat:
                        path: "{{ conf }}"
                      register: written
                    - debug:
                        msg: "mode on {{ inventory_hostname }}: {{ written.stat.mode }}"
                """));
        record("movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "main.yml", "include_order", 1));
        Map<String, Object> upload = Sheets.item("conf", "FileUploadColumn");
        upload.put("file_upload_maximum_bytes", 1024);
        Sheets.create(member, org, "ws1", Sheets.createNew("configs", Sheets.HOST_OPERATION, false, List.of(upload)),
                WAIT);
        // Both files have the same name: each host must still read its own.
        for (String host : List.of("web1", "web2")) {
            Http.Reply reply = member.post(menus + "configs/maintenance/", Map.of(
                    "parameter", Map.of("host_name", host, "operation_name_select", "op1", "conf", "app.conf"),
                    "file", Map.of("conf", Base64.getEncoder().encodeToString(
                            ("content-of-" + host).getBytes(StandardCharsets.UTF_8)))));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        setting("configs:conf", "conf", "Value type");

        String id = execute();
        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        String console = end.path("execution_log").path("console").asString();
        for (String host : List.of("web1", "web2")) {
            assertThat(console).contains("lookup on " + host + ": content-of-" + host)
                    .contains("cat on " + host + ": content-of-" + host)
                    .contains("mode on " + host + ": 0600");
        }

        // Recorded as the path the playbook got, with the file's name; the populated data holds the files.
        String page = uiPage(id);
        assertThat(page).contains("/work/upload_files/1/app.conf").contains("/work/upload_files/2/app.conf")
                .contains("configs:conf").contains("the file app.conf");
        Map<String, String> zip = Zips.unzip(member.get(status + id + "/files/InputData_" + id + ".zip/").data()
                .path("file_data").asString());
        assertThat(zip).containsEntry("upload_files/1/app.conf", "content-of-web1")
                .containsEntry("upload_files/2/app.conf", "content-of-web2");
        assertThat(zip.get(ExecutionRun.VALUES_FILE)).contains("/work/upload_files/1/app.conf")
                .contains("/work/upload_files/2/app.conf");
    }

    @Test
    void aSettingMustNameAnItemOfACreatedHostOperationSheet() throws Exception {
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        Sheets.create(member, org, "ws1", Sheets.createNew("per_operation", Sheets.OPERATION, false,
                List.of(Sheets.text("size", 8))), WAIT);
        for (String item : List.of("nothing:here", "per_operation:size", "per_operation:missing")) {
            Http.Reply refused = member.post(menus + SETTINGS + "/maintenance/", Map.of("parameter", Map.of(
                    "menu_group_menu_item", item, "registration_method", "Value type", "movement_name", "mv1",
                    "variable_name", "size")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(499);
            assertThat(refused.body()).contains("menu_group_menu_item");
        }
        assertThat(member.get(menus + SETTINGS + "/filter/count/").data().asInt()).isZero();
    }

    private void sheetRow(String host, String greeting, String port) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("host_name", host);
        row.put("operation_name_select", "op1");
        row.put("greeting", greeting);
        row.put("port", port);
        row.put("secret", SHEET_PASSWORD);
        record("greetings", row);
    }

    private void setting(String item, String variable, String method) {
        record(SETTINGS, Map.of("menu_group_menu_item", item, "registration_method", method, "movement_name", "mv1",
                "variable_name", variable));
    }

    private String uiPage(String id) {
        UiClient ui = new UiClient(port);
        ui.logIn(org, "owner", "owner-pass");
        UiClient.Page page = ui.get("/ui/ws/" + org + "/ws1/ansible/" + id);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.body();
    }
}
