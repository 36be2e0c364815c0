package dev.jita.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MenuApiTest extends ApiTest {

    private static final String PLAYBOOK = "- hosts: all\n  gather_facts: false\n  tasks:\n    - ping:\n";

    private String org;
    private Http member;
    private String base;

    @BeforeEach
    void workspace() {
        org = unique("menu-org");
        createOrganization(org, "owner", "owner-pass");
        createWorkspace(http().as("owner", "owner-pass"), org, "ws1");
        member = http().as("owner", "owner-pass");
        base = "/api/" + org + "/workspaces/ws1/ita/menu/";
    }

    private Http.Reply register(String menu, Map<String, Object> parameter) {
        return member.post(base + menu + "/maintenance/", Map.of("parameter", parameter));
    }

    private JsonNode registered(String menu, Map<String, Object> parameter) {
        Http.Reply reply = register(menu, parameter);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("parameter");
    }

    private JsonNode rows(String menu) {
        Http.Reply reply = member.get(base + menu + "/filter/");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    private void ansibleData() {
        registered("operation_list", Map.of("operation_name", "op1", "scheduled_date_for_execution", "2026/12/01 10:00:00"));
        registered("device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1", "login_user", "deploy",
                "login_password", "s3cret-Pa55", "connection_type", "local"));
        registered("movement_list_ansible_legacy", Map.of("movement_name", "mv1", "delay_timer", 5));
        Http.Reply playbook = member.post(base + "playbook_files/maintenance/", Map.of(
                "parameter", Map.of("playbook_name", "ping.yml", "playbook_file", "ping.yml"),
                "file", Map.of("playbook_file", Base64.getEncoder().encodeToString(PLAYBOOK.getBytes(StandardCharsets.UTF_8)))));
        assertThat(playbook.status()).as(playbook.toString()).isEqualTo(200);
        registered("movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "ping.yml", "include_order", 1));
        registered("target_host_ansible_legacy", Map.of("operation", "op1", "movement", "mv1", "host", "web1"));
        registered("subst_value_list_ansible_legacy", Map.of("operation", "op1", "movement", "mv1",
                "host", "web1", "variable_name", "greeting", "value", "hello"));
    }

    @Test
    void theAnsibleMenusTakeAndShowTheirRecords() {
        ansibleData();

        JsonNode device = rows("device_list").get(0).path("parameter");
        assertThat(device.path("host_name").asString()).isEqualTo("web1");
        assertThat(device.path("managed_system_item_number").asString()).isEqualTo(device.path("uuid").asString());
        assertThat(device.path("login_password").isNull()).isTrue();
        assertThat(device.path("discard").asString()).isEqualTo("0");
        assertThat(device.path("last_update_date_time").asString()).matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(device.path("last_updated_user").asString()).isEqualTo("owner");

        JsonNode link = rows("movement_playbook_link").get(0).path("parameter");
        assertThat(link.path("movement").asString()).isEqualTo("mv1");
        assertThat(link.path("playbook_file").asString()).isEqualTo("ping.yml");
        assertThat(link.path("include_order").asInt()).isEqualTo(1);

        JsonNode playbook = rows("playbook_files").get(0);
        assertThat(new String(Base64.getDecoder().decode(playbook.path("file").path("playbook_file").asString()),
                StandardCharsets.UTF_8)).isEqualTo(PLAYBOOK);
        Http.Reply download = member.get(base + "playbook_files/" + playbook.path("parameter").path("uuid").asString()
                + "/playbook_file/file/");
        assertThat(download.data().path("file_name").asString()).isEqualTo("ping.yml");
        assertThat(new String(Base64.getDecoder().decode(download.data().path("file_data").asString()),
                StandardCharsets.UTF_8)).isEqualTo(PLAYBOOK);

        assertThat(rows("subst_value_list_ansible_legacy").get(0).path("parameter").path("value").asString())
                .isEqualTo("hello");
        assertThat(member.get(base + "device_list/filter/").body()).doesNotContain("s3cret-Pa55");
        assertThat(member.get(base + "device_list/filter/count/").data().asInt()).isEqualTo(1);
    }

    @Test
    void renamingAReferencedRecordShowsTheNewNameInItsLinks() {
        ansibleData();
        JsonNode movement = rows("movement_list_ansible_legacy").get(0).path("parameter");

        Http.Reply renamed = member.patch(base + "movement_list_ansible_legacy/maintenance/" + movement.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("movement_name", "mv-renamed",
                        "last_update_date_time", movement.path("last_update_date_time").asString())));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(rows("movement_playbook_link").get(0).path("parameter").path("movement").asString())
                .isEqualTo("mv-renamed");
    }

    @Test
    void badRecordsAre499WithTheReasonPerColumnAndNothingIsWritten() {
        Http.Reply reply = register("device_list", Map.of("host_name", "bad host!", "connection_type", "telnet",
                "no_such_column", "x"));

        assertError(reply, 499, "499-00201");
        JsonNode reasons = reply.data().path("errors").path("0");
        assertThat(reasons.propertyNames()).contains("host_name", "connection_type", "no_such_column");
        assertThat(reply.json().path("message").asString()).contains("host_name").contains("connection_type");
        assertThat(rows("device_list").size()).isZero();

        assertError(register("device_list", Map.of("connection_type", "ssh")), 499, "499-00201");
        assertError(register("movement_list_ansible_legacy", Map.of("movement_name", "m", "delay_timer", "soon")), 499,
                "499-00201");
        assertError(register("movement_list_ansible_legacy", Map.of("movement_name", "m", "delay_timer", -1)), 499,
                "499-00201");
        assertError(register("operation_list", Map.of("operation_name", "o", "scheduled_date_for_execution", "tomorrow")),
                499, "499-00201");
        assertError(register("movement_playbook_link", Map.of("movement", "none", "playbook_file", "none",
                "include_order", 1)), 499, "499-00201");
        assertError(member.post(base + "playbook_files/maintenance/", Map.of("parameter",
                Map.of("playbook_name", "p.yml", "playbook_file", "p.yml"))), 499, "499-00201");
        assertThat(rows("movement_list_ansible_legacy").size()).isZero();
        assertThat(rows("operation_list").size()).isZero();
    }

    @Test
    void uniqueKeysAreKeptAndABulkRequestIsAllOrNothing() {
        registered("operation_list", Map.of("operation_name", "op1"));
        assertError(register("operation_list", Map.of("operation_name", "op1")), 499, "499-00201");

        Http.Reply bulk = member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op2")),
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op3")),
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op1"))));
        assertError(bulk, 499, "499-00201");
        assertThat(bulk.data().path("errors").propertyNames()).containsExactly("2");
        assertThat(rows("operation_list").size()).isEqualTo(1);

        Http.Reply good = member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op2")),
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op3"))));
        assertThat(good.status()).as(good.toString()).isEqualTo(200);
        assertThat(rows("operation_list").size()).isEqualTo(3);
    }

    @Test
    void optimisticLockingDiscardRestoreAndTheJournal() {
        JsonNode op = registered("operation_list", Map.of("operation_name", "op1", "remarks", "first"));
        String uuid = op.path("uuid").asString();
        String stamp = op.path("last_update_date_time").asString();

        Http.Reply updated = member.patch(base + "operation_list/maintenance/" + uuid + "/",
                Map.of("parameter", Map.of("remarks", "second", "last_update_date_time", stamp)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertError(member.patch(base + "operation_list/maintenance/" + uuid + "/",
                Map.of("parameter", Map.of("remarks", "stale", "last_update_date_time", stamp))), 499, "499-00201");
        assertError(member.patch(base + "operation_list/maintenance/" + uuid + "/",
                Map.of("parameter", Map.of("remarks", "no stamp"))), 499, "499-00201");

        String current = updated.data().path("parameter").path("last_update_date_time").asString();
        Http.Reply discarded = member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Discard", "parameter", Map.of("uuid", uuid, "last_update_date_time", current))));
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        assertThat(rows("operation_list").get(0).path("parameter").path("discard").asString()).isEqualTo("1");

        // While it is discarded its name is free; taking it blocks the restore.
        JsonNode other = registered("operation_list", Map.of("operation_name", "op1"));
        String discardedStamp = discarded.data().get(0).path("parameter").path("last_update_date_time").asString();
        assertError(member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Restore", "parameter", Map.of("uuid", uuid, "last_update_date_time", discardedStamp)))),
                499, "499-00201");
        member.post(base + "operation_list/maintenance/all/", List.of(Map.of("type", "Discard", "parameter",
                Map.of("uuid", other.path("uuid").asString(), "last_update_date_time",
                        other.path("last_update_date_time").asString()))));
        assertThat(member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Restore", "parameter", Map.of("uuid", uuid, "last_update_date_time", discardedStamp))))
                .status()).isEqualTo(200);

        JsonNode journal = member.get(base + "operation_list/filter/journal/" + uuid + "/").data();
        assertThat(journal.findValuesAsString("journal_action")).containsExactly("Register", "Update", "Discard", "Restore");
        assertThat(journal.get(0).path("parameter").path("remarks").asString()).isEqualTo("first");
        assertThat(journal.get(1).path("parameter").path("remarks").asString()).isEqualTo("second");
        assertThat(journal.get(2).path("parameter").path("discard").asString()).isEqualTo("1");
    }

    @Test
    void searchConditions() {
        member.post(base + "movement_list_ansible_legacy/maintenance/all/", List.of(
                Map.of("type", "Register", "parameter", Map.of("movement_name", "alpha", "delay_timer", 1)),
                Map.of("type", "Register", "parameter", Map.of("movement_name", "beta", "delay_timer", 5)),
                Map.of("type", "Register", "parameter", Map.of("movement_name", "alphabet", "delay_timer", 10))));
        String path = base + "movement_list_ansible_legacy/filter/";

        assertThat(member.post(path, Map.of("movement_name", Map.of("NORMAL", "alpha"))).data().size()).isEqualTo(2);
        assertThat(member.post(path, Map.of("movement_name", Map.of("LIST", List.of("beta", "gamma")))).data().size()).isEqualTo(1);
        assertThat(member.post(path, Map.of("delay_timer", Map.of("RANGE", Map.of("START", "2", "END", "10")))).data().size())
                .isEqualTo(2);
        assertThat(member.post(path + "count/", Map.of("discard", Map.of("LIST", List.of("0")))).data().asInt()).isEqualTo(3);
        assertError(member.post(path, Map.of("nope", Map.of("NORMAL", "x"))), 400, "400-00001");
        assertError(member.post(path, Map.of("movement_name", Map.of("LIKE", "x"))), 400, "400-00001");
        assertError(member.post(path, "[1]"), 400, "400-00002");
    }

    @Test
    void whoMayReadAndWrite() {
        createUser(member, org, "viewer", "viewer-pass", "ws1", "viewer");
        createWorkspace(member, org, "ws2");
        createUser(member, org, "outsider", "outsider-pass", "ws2", "member");
        String other = unique("menu-other");
        createOrganization(other, "stranger", "stranger-pass");
        registered("operation_list", Map.of("operation_name", "op1"));
        Http viewer = http().as("viewer", "viewer-pass");

        assertThat(viewer.get(base + "operation_list/filter/").data().size()).isEqualTo(1);
        assertThat(viewer.get(base + "operation_list/info/").status()).isEqualTo(200);
        assertError(viewer.post(base + "operation_list/maintenance/", Map.of("parameter", Map.of("operation_name", "v"))),
                403, "403-00001");
        assertError(http().as("outsider", "outsider-pass").get(base + "operation_list/filter/"), 403, "403-00001");
        assertError(http().as("stranger", "stranger-pass").get(base + "operation_list/filter/"), 401, "401-00002");
        assertError(http().get(base + "operation_list/filter/"), 401, "401-00002");
        assertError(member.get(base + "no_such_menu/filter/"), 404, "404-00001");
        assertError(member.get("/api/" + org + "/workspaces/nope/ita/menu/operation_list/filter/"), 404, "404-00001");
        assertError(member.post(base + "operation_list/maintenance/", "not json"), 400, "400-00002");
        assertError(member.post(base + "operation_list/maintenance/", Map.of("parameter", "x")), 499, "499-00201");
        assertError(member.post(base + "operation_list/maintenance/all/", "{}"), 400, "400-00002");
        assertThat(rows("operation_list").size()).isEqualTo(1);
    }

    @Test
    void loadModeRefusesEveryWriteAndSearchKeepsWorking() {
        registered("operation_list", Map.of("operation_name", "op1"));
        JsonNode op = rows("operation_list").get(0).path("parameter");
        setModes("0", "1");

        for (Http.Reply reply : List.of(
                register("operation_list", Map.of("operation_name", "op2")),
                member.post(base + "operation_list/maintenance/", "not even json"),
                member.patch(base + "operation_list/maintenance/" + op.path("uuid").asString() + "/",
                        Map.of("parameter", Map.of("remarks", "x", "last_update_date_time", op.path("last_update_date_time").asString()))),
                member.post(base + "operation_list/maintenance/all/", List.of(Map.of("type", "Register",
                        "parameter", Map.of("operation_name", "op3")))))) {
            assertError(reply, 498, "498-00001");
            assertThat(reply.header("X-Maintenance-Mode")).isEqualTo("data_update_stop");
        }

        assertThat(member.post(base + "operation_list/filter/", Map.of("operation_name", Map.of("NORMAL", "op"))).data().size())
                .isEqualTo(1);
        assertThat(member.post(base + "operation_list/filter/count/", "{}").data().asInt()).isEqualTo(1);
        assertThat(rows("operation_list").get(0).path("parameter").toString()).isEqualTo(op.toString());
    }

    @Test
    void infoDescribesTheColumns() {
        JsonNode info = member.get(base + "device_list/info/").data();
        assertThat(info.path("menu_info").path("rest_name").asString()).isEqualTo("device_list");
        assertThat(info.path("column_info").findValuesAsString("rest_name"))
                .containsExactlyElementsOf(EXASTRO_COLUMNS.get("device_list").subList(0, 20));
        JsonNode japanese = member.header("Language", "ja").get(base + "device_list/info/").data();
        assertThat(japanese.path("menu_info").path("name").asString()).isEqualTo("機器一覧");
    }

    /** Exastro ITA's REST names of each menu's columns, in Exastro's order (its menu-column definitions). */
    static final Map<String, List<String>> EXASTRO_COLUMNS = Map.of(
            "operation_list", List.of("operation_id", "operation_name", "scheduled_date_for_execution", "last_run_date",
                    "environment", "language", "remarks", "discard", "last_update_date_time", "last_updated_user"),
            "device_list", List.of("managed_system_item_number", "hw_device_type", "host_name", "host_dns_name",
                    "ip_address", "login_user", "login_password", "ssh_private_key_file", "passphrase",
                    "authentication_method", "port_no", "winrm_public_key_file", "winrm_private_key_file", "protocol",
                    "os_type", "lang", "connection_options", "inventory_file_additional_option", "instance_group_name",
                    "connection_type", "remarks", "discard", "last_update_date_time", "last_updated_user"),
            "movement_list_ansible_legacy", List.of("movement_id", "movement_name", "orchestrator", "delay_timer",
                    "host_specific_format", "winrm_connection", "header_section", "optional_parameter", "ansible_cfg",
                    "ansible_agent_execution_environment", "ansibel_builder_options", "execution_environment", "remarks",
                    "discard", "last_update_date_time", "last_updated_user"),
            "playbook_files", List.of("item_no", "playbook_name", "playbook_file", "target_linux", "target_windows",
                    "target_other", "python_necessary", "description", "description_en", "remarks", "discard",
                    "last_update_date_time", "last_updated_user"),
            "movement_playbook_link", List.of("associated_item_no", "movement", "playbook_file", "include_order", "remarks",
                    "discard", "last_update_date_time", "last_updated_user"),
            "target_host_ansible_legacy", List.of("item_no", "execution_no", "operation", "movement", "host", "remarks",
                    "discard", "last_update_date_time", "last_updated_user"),
            "subst_value_list_ansible_legacy", List.of("item_no", "execution_no", "operation", "movement", "host",
                    "variable_name", "sensitive_setting", "value", "file", "substitution_order", "remarks", "discard",
                    "last_update_date_time", "last_updated_user"));

    /** The columns of a record as the search answers them; jita's own uuid aside, they are Exastro's, in its order. */
    static List<String> columns(JsonNode parameter) {
        return parameter.propertyNames().stream().filter(name -> !name.equals("uuid")).toList();
    }

    @Test
    void everyStandardMenuAnswersExastrosColumnsInExastrosOrder() {
        ansibleData();

        for (Map.Entry<String, List<String>> menu : EXASTRO_COLUMNS.entrySet()) {
            assertThat(columns(rows(menu.getKey()).get(0).path("parameter"))).as(menu.getKey())
                    .containsExactlyElementsOf(menu.getValue());
        }
    }

    @Test
    void readOnlyColumnsGivenInAWriteAreIgnoredAsExastroDoes() {
        JsonNode op = registered("operation_list", Map.of("operation_id", "my-own-id", "operation_name", "op1",
                "last_run_date", "2020/01/01 00:00:00", "language", "fr", "environment", "staging"));

        assertThat(op.path("operation_id").asString()).isEqualTo(op.path("uuid").asString()).isNotEqualTo("my-own-id");
        assertThat(op.path("last_run_date").isNull()).as(op.toString()).isTrue();
        assertThat(op.path("language").asString()).isEqualTo("en");
        assertThat(op.path("environment").asString()).isEqualTo("staging");

        Http.Reply updated = member.header("Language", "ja").patch(base + "operation_list/maintenance/"
                + op.path("uuid").asString() + "/", Map.of("parameter", Map.of("last_run_date", "2020/01/01 00:00:00",
                "language", "fr", "last_update_date_time", op.path("last_update_date_time").asString())));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode stored = rows("operation_list").get(0).path("parameter");
        assertThat(stored.path("last_run_date").isNull()).isTrue();
        assertThat(stored.path("language").asString()).isEqualTo("ja");

        JsonNode movement = registered("movement_list_ansible_legacy", Map.of("movement_name", "mv1",
                "orchestrator", "Terraform CLI"));
        assertThat(movement.path("orchestrator").asString()).isEqualTo("Ansible Legacy");
    }
}
