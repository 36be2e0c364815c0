package dev.jita.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Registers a record and reads it back: a register answers the counts per type, as Exastro's does. */
    private JsonNode registered(String menu, Map<String, Object> parameter) {
        Set<String> before = new HashSet<>(rows(menu).findValuesAsString("uuid"));
        Http.Reply reply = register(menu, parameter);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.data().toString()).isEqualTo(counts(1, 0, 0, 0));
        for (JsonNode row : rows(menu)) {
            if (!before.contains(row.path("parameter").path("uuid").asString())) {
                return row.path("parameter");
            }
        }
        throw new AssertionError("not registered: " + parameter);
    }

    private JsonNode row(String menu, String uuid) {
        Http.Reply reply = member.post(base + menu + "/filter/", Map.of("uuid", Map.of("LIST", List.of(uuid))));
        assertThat(reply.data().size()).as(reply.toString()).isEqualTo(1);
        return reply.data().get(0).path("parameter");
    }

    private static String counts(int register, int update, int restore, int discard) {
        return "{\"Register\":" + register + ",\"Update\":" + update + ",\"Restore\":" + restore + ",\"Discard\":"
                + discard + "}";
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
        List<String> ids = good.data().path("IdList").valueStream().map(JsonNode::asString).toList();
        assertThat(ids).hasSize(2);
        assertThat(row("operation_list", ids.get(1)).path("operation_name").asString()).isEqualTo("op3");
    }

    @Test
    void optimisticLockingDiscardRestoreAndTheJournal() {
        JsonNode op = registered("operation_list", Map.of("operation_name", "op1", "remarks", "first"));
        String uuid = op.path("uuid").asString();
        String stamp = op.path("last_update_date_time").asString();

        Http.Reply updated = member.patch(base + "operation_list/maintenance/" + uuid + "/",
                Map.of("parameter", Map.of("remarks", "second", "last_update_date_time", stamp)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().toString()).isEqualTo(counts(0, 1, 0, 0));
        assertError(member.patch(base + "operation_list/maintenance/" + uuid + "/",
                Map.of("parameter", Map.of("remarks", "stale", "last_update_date_time", stamp))), 499, "499-00201");
        assertError(member.patch(base + "operation_list/maintenance/" + uuid + "/",
                Map.of("parameter", Map.of("remarks", "no stamp"))), 499, "499-00201");

        String current = row("operation_list", uuid).path("last_update_date_time").asString();
        Http.Reply discarded = member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Discard", "parameter", Map.of("uuid", uuid, "last_update_date_time", current))));
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        assertThat(rows("operation_list").get(0).path("parameter").path("discard").asString()).isEqualTo("1");

        // While it is discarded its name is free; taking it blocks the restore.
        JsonNode other = registered("operation_list", Map.of("operation_name", "op1"));
        String discardedStamp = row("operation_list", uuid).path("last_update_date_time").asString();
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
        // As Exastro: a key that names no column is ignored, and RANGE is only for numbers and date-times.
        assertThat(member.post(path, Map.of("nope", Map.of("NORMAL", "x"))).data().size()).isEqualTo(3);
        assertThat(member.post(path + "count/", Map.of("nope", Map.of("NORMAL", "x"),
                "movement_name", Map.of("NORMAL", "alpha"))).data().asInt()).isEqualTo(2);
        Http.Reply range = member.post(path, Map.of("movement_name", Map.of("RANGE", Map.of("START", "a", "END", "b"))));
        assertError(range, 499, "499-00101");
        assertThat(range.json().path("message").asString()).contains("movement_name");
        assertError(member.post(path + "count/", Map.of("remarks", Map.of("RANGE", Map.of("START", "a")))), 499, "499-00101");
        assertThat(member.post(path, Map.of("last_update_date_time", Map.of("RANGE", Map.of("START", "2000/01/01 00:00:00"))))
                .data().size()).isEqualTo(3);
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
        // Exastro's codes: a role that may only read the menu is 401-00001, on every write.
        JsonNode op1 = rows("operation_list").get(0).path("parameter");
        for (Http.Reply reply : List.of(
                viewer.post(base + "operation_list/maintenance/", Map.of("parameter", Map.of("operation_name", "v"))),
                viewer.patch(base + "operation_list/maintenance/" + op1.path("uuid").asString() + "/",
                        Map.of("parameter", Map.of("remarks", "v", "last_update_date_time",
                                op1.path("last_update_date_time").asString()))),
                viewer.post(base + "operation_list/maintenance/all/", List.of(Map.of("type", "Register",
                        "parameter", Map.of("operation_name", "v")))),
                viewer.multipart("POST", base + "operation_list/maintenance/",
                        Http.Part.field("json_parameters", "{\"parameter\": {\"operation_name\": \"v\"}}")))) {
            assertError(reply, 401, "401-00001");
            assertThat(reply.json().path("message").asString()).contains("operation_list");
            assertThat(reply.header("WWW-Authenticate")).isNull();
        }
        assertError(http().as("outsider", "outsider-pass").get(base + "operation_list/filter/"), 403, "403-00001");
        assertError(http().as("stranger", "stranger-pass").get(base + "operation_list/filter/"), 401, "401-00002");
        assertError(http().get(base + "operation_list/filter/"), 401, "401-00002");
        for (String path : List.of("filter/", "info/", "filter/count/", "maintenance/")) {
            Http.Reply reply = path.startsWith("maintenance") ? member.post(base + "no_such_menu/" + path, Map.of("parameter", Map.of()))
                    : member.get(base + "no_such_menu/" + path);
            assertError(reply, 499, "499-00002");
            assertThat(reply.json().path("message").asString()).contains("no_such_menu");
        }
        // An unknown workspace answers as one the caller has no role in (Exastro's gateway: 403-00001).
        assertError(member.get("/api/" + org + "/workspaces/nope/ita/menu/operation_list/filter/"), 403, "403-00001");
        assertError(member.post("/api/" + org + "/workspaces/nope/ita/menu/operation_list/maintenance/",
                Map.of("parameter", Map.of("operation_name", "x"))), 403, "403-00001");
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
    void infoHasExastrosShape() {
        JsonNode info = member.get(base + "device_list/info/").data();
        assertThat(info.propertyNames()).contains("menu_info", "column_info", "column_group_info");
        JsonNode menuInfo = info.path("menu_info");
        assertThat(menuInfo.path("menu_name").asString()).isEqualTo("Device list");
        assertThat(menuInfo.path("pk_column_name_rest").asString()).isEqualTo("managed_system_item_number");
        assertThat(menuInfo.path("row_insert_flag").asString()).isEqualTo("1");
        assertThat(menuInfo.path("privilege").asString()).isEqualTo("1");
        List<String> order = menuInfo.path("columns").valueStream().map(JsonNode::asString).toList();
        JsonNode columns = info.path("column_info");
        assertThat(order).isEqualTo(List.copyOf(columns.propertyNames()));
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo("c" + (i + 1));
        }
        List<String> restNames = order.stream().map(key -> columns.path(key).path("column_name_rest").asString()).toList();
        assertThat(restNames.get(0)).isEqualTo("managed_system_item_number");
        assertThat(restNames).contains("host_name", "login_password", "connection_type");
        assertThat(restNames.subList(restNames.size() - 4, restNames.size()))
                .containsExactly("remarks", "discard", "last_update_date_time", "last_updated_user");
        JsonNode host = columns.path(order.get(restNames.indexOf("host_name")));
        assertThat(host.propertyNames()).contains("column_id", "column_name", "column_name_rest", "column_group_id",
                "column_type", "column_disp_seq", "auto_input", "input_item", "view_item", "unique_item", "required_item",
                "validate_option");
        assertThat(host.path("column_type").asString()).isEqualTo("SingleTextColumn");
        assertThat(host.path("required_item").asString()).isEqualTo("1");
        assertThat(host.path("unique_item").asString()).isEqualTo("1");
        assertThat(columns.path(order.get(restNames.indexOf("login_password"))).path("column_type").asString())
                .isEqualTo("PasswordColumn");
        assertThat(columns.path(order.get(restNames.indexOf("last_update_date_time"))).path("column_type").asString())
                .isEqualTo("LastUpdateDateColumn");
        assertThat(columns.path(order.get(0)).path("auto_input").asString()).isEqualTo("1");
        assertThat(info.path("column_group_info").isEmpty()).isTrue();

        JsonNode japanese = member.header("Language", "ja").get(base + "device_list/info/").data();
        assertThat(japanese.path("menu_info").path("menu_name").asString()).isEqualTo("機器一覧");
        createUser(member, org, "viewer", "viewer-pass", "ws1", "viewer");
        assertThat(http().as("viewer", "viewer-pass").get(base + "device_list/info/").data().path("menu_info")
                .path("privilege").asString()).isEqualTo("2");
        // A menu without an id column starts with uuid.
        JsonNode link = member.get(base + "movement_playbook_link/info/").data();
        assertThat(link.path("column_info").path("c1").path("column_name_rest").asString())
                .isEqualTo(link.path("menu_info").path("pk_column_name_rest").asString());
    }

    @Test
    void writesAnswerTheCountsPerTypeAndABulkItsIds() {
        JsonNode op1 = registered("operation_list", Map.of("operation_name", "op1"));
        JsonNode op2 = registered("operation_list", Map.of("operation_name", "op2"));
        JsonNode op3 = registered("operation_list", Map.of("operation_name", "op3"));
        member.post(base + "operation_list/maintenance/all/", List.of(Map.of("type", "Discard", "parameter",
                Map.of("uuid", op3.path("uuid").asString(), "last_update_date_time", op3.path("last_update_date_time").asString()))));
        JsonNode discarded = row("operation_list", op3.path("uuid").asString());

        Http.Reply bulk = member.post(base + "operation_list/maintenance/all/", List.of(
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op4")),
                Map.of("type", "Update", "parameter", Map.of("uuid", op1.path("uuid").asString(), "remarks", "changed",
                        "last_update_date_time", op1.path("last_update_date_time").asString())),
                Map.of("type", "Discard", "parameter", Map.of("uuid", op2.path("uuid").asString(),
                        "last_update_date_time", op2.path("last_update_date_time").asString())),
                Map.of("type", "Restore", "parameter", Map.of("uuid", op3.path("uuid").asString(),
                        "last_update_date_time", discarded.path("last_update_date_time").asString()))));

        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.data().path("Register").asInt()).isEqualTo(1);
        assertThat(bulk.data().path("Update").asInt()).isEqualTo(1);
        assertThat(bulk.data().path("Discard").asInt()).isEqualTo(1);
        assertThat(bulk.data().path("Restore").asInt()).isEqualTo(1);
        assertThat(bulk.data().path("IdList").valueStream().map(JsonNode::asString).toList().subList(1, 4))
                .containsExactly(op1.path("uuid").asString(), op2.path("uuid").asString(), op3.path("uuid").asString());
        assertThat(bulk.body()).doesNotContain("\"parameter\"");
    }

    @Test
    void aPatchWithTheDiscardFlagDiscardsAndRestores() {
        JsonNode op = registered("operation_list", Map.of("operation_name", "op1", "remarks", "kept"));
        String path = base + "operation_list/maintenance/" + op.path("uuid").asString() + "/";

        Http.Reply discard = member.patch(path, Map.of("parameter", Map.of("discard", "1", "remarks", "ignored",
                "last_update_date_time", op.path("last_update_date_time").asString())));
        assertThat(discard.data().toString()).as(discard.toString()).isEqualTo(counts(0, 0, 0, 1));
        JsonNode discarded = row("operation_list", op.path("uuid").asString());
        assertThat(discarded.path("discard").asString()).isEqualTo("1");
        assertThat(discarded.path("remarks").asString()).isEqualTo("kept");
        assertError(member.patch(path, Map.of("parameter", Map.of("discard", "1",
                "last_update_date_time", discarded.path("last_update_date_time").asString()))), 499, "499-00201");

        Http.Reply restore = member.patch(path, Map.of("parameter", Map.of("discard", "0",
                "last_update_date_time", discarded.path("last_update_date_time").asString())));
        assertThat(restore.data().toString()).as(restore.toString()).isEqualTo(counts(0, 0, 1, 0));
        assertThat(row("operation_list", op.path("uuid").asString()).path("discard").asString()).isEqualTo("0");
        assertThat(member.get(base + "operation_list/filter/journal/" + op.path("uuid").asString() + "/").data()
                .findValuesAsString("journal_action")).containsExactly("Register", "Discard", "Restore");
    }

    @Test
    void aMissingOrUnknownTypeSaysWhichTypesExist() {
        JsonNode op = registered("operation_list", Map.of("operation_name", "op1"));
        Map<String, Object> parameter = Map.of("uuid", op.path("uuid").asString(),
                "last_update_date_time", op.path("last_update_date_time").asString());
        List<Map<String, Object>> items = List.of(Map.of("type", "Delete", "parameter", parameter),
                Map.of("parameter", parameter), Map.of("type", "register", "parameter", Map.of("operation_name", "op2")));

        Http.Reply reply = member.post(base + "operation_list/maintenance/all/", items);

        assertError(reply, 499, "499-00201");
        JsonNode errors = reply.data().path("errors");
        assertThat(errors.propertyNames()).containsExactly("0", "1", "2");
        for (String item : List.of("0", "1", "2")) {
            assertThat(errors.path(item).propertyNames()).containsExactly("type");
            assertThat(errors.path(item).path("type").get(0).asString()).contains("Register, Update, Restore, Discard");
        }
        assertThat(errors.path("0").path("type").get(0).asString()).contains("\"Delete\" does not exist");
        assertThat(errors.path("1").path("type").get(0).asString()).contains("type is required");
        assertThat(reply.body()).doesNotContain("uuid is required");
        assertThat(rows("operation_list").size()).isEqualTo(1);
    }

    @Test
    void multipartWithJsonParametersAndFilePartsAsExastroSendsThem() {
        byte[] playbook = PLAYBOOK.getBytes(StandardCharsets.UTF_8);
        Http.Reply registered = member.multipart("POST", base + "playbook_files/maintenance/",
                Http.Part.field("json_parameters", "{\"parameter\": {\"playbook_name\": \"ping.yml\"}}"),
                Http.Part.file("playbook_file", "ping.yml", playbook));
        assertThat(registered.data().toString()).as(registered.toString()).isEqualTo(counts(1, 0, 0, 0));
        JsonNode row = rows("playbook_files").get(0);
        assertThat(row.path("parameter").path("playbook_file").asString()).isEqualTo("ping.yml");
        assertThat(Base64.getDecoder().decode(row.path("file").path("playbook_file").asString())).isEqualTo(playbook);

        // A bulk names each file part by its item: "1.playbook_file" is the file of item 1.
        Http.Reply bulk = member.multipart("POST", base + "playbook_files/maintenance/all/",
                Http.Part.field("json_parameters", "[{\"type\": \"Register\", \"parameter\": {\"playbook_name\": \"a.yml\","
                        + " \"playbook_file\": \"a.yml\"}}, {\"type\": \"Register\", \"parameter\": {\"playbook_name\": \"b.yml\"}}]"),
                Http.Part.file("0.playbook_file", "a.yml", "a: 1\n".getBytes(StandardCharsets.UTF_8)),
                Http.Part.file("1.playbook_file", "b.yml", "b: 2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.data().path("Register").asInt()).isEqualTo(2);
        String bUuid = bulk.data().path("IdList").get(1).asString();
        assertThat(member.get(base + "playbook_files/" + bUuid + "/playbook_file/file/").data().path("file_data").asString())
                .isEqualTo(Base64.getEncoder().encodeToString("b: 2\n".getBytes(StandardCharsets.UTF_8)));

        // A PATCH replaces the file; the record's uuid comes from the path.
        JsonNode a = row("playbook_files", bulk.data().path("IdList").get(0).asString());
        Http.Reply patched = member.multipart("PATCH", base + "playbook_files/maintenance/" + a.path("uuid").asString() + "/",
                Http.Part.field("json_parameters", "{\"parameter\": {\"playbook_file\": \"a2.yml\", \"last_update_date_time\": \""
                        + a.path("last_update_date_time").asString() + "\"}}"),
                Http.Part.file("playbook_file", "ignored-name.yml", "a: 2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(patched.data().toString()).as(patched.toString()).isEqualTo(counts(0, 1, 0, 0));
        assertThat(row("playbook_files", a.path("uuid").asString()).path("playbook_file").asString()).isEqualTo("a2.yml");
        assertThat(member.get(base + "playbook_files/" + a.path("uuid").asString() + "/playbook_file/file/").data()
                .path("file_data").asString()).isEqualTo(Base64.getEncoder().encodeToString("a: 2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multipartIsRefusedFromWebPagesElsewhereAndWhenMalformed() {
        Http.Part good = Http.Part.field("json_parameters", "{\"parameter\": {\"operation_name\": \"op1\"}}");
        String path = base + "operation_list/maintenance/";

        // What a page of another site could make a browser send: refused before anything is read.
        assertError(member.header("Origin", "https://evil.example").multipart("POST", path, good), 403, "403-00001");
        assertError(member.header("Origin", "null").multipart("POST", path, good), 403, "403-00001");
        assertError(member.header("Sec-Fetch-Site", "cross-site").multipart("POST", path, good), 403, "403-00001");
        assertError(member.header("Sec-Fetch-Mode", "navigate").multipart("POST", path, good), 403, "403-00001");
        // Only where Exastro takes it.
        assertError(member.multipart("POST", base + "operation_list/filter/", good), 415, "415-00001");
        assertError(member.multipart("POST", "/api/" + org + "/platform/workspaces", good), 415, "415-00001");
        // No credentials, another organization's user, a user without a role in the workspace.
        assertError(http().multipart("POST", path, good), 401, "401-00002");
        String other = unique("menu-other");
        createOrganization(other, "stranger", "stranger-pass");
        assertError(http().as("stranger", "stranger-pass").multipart("POST", path, good), 401, "401-00002");
        createWorkspace(member, org, "ws2");
        createUser(member, org, "outsider", "outsider-pass", "ws2", "member");
        assertError(http().as("outsider", "outsider-pass").multipart("POST", path, good), 403, "403-00001");
        // Malformed: no json_parameters, not JSON, a list where an object belongs, control characters, bad UTF-8,
        // a file part naming no item.
        assertError(member.multipart("POST", path, Http.Part.field("parameter", "{}")), 400, "400-00002");
        assertError(member.multipart("POST", path, Http.Part.field("json_parameters", "{not json")), 400, "400-00002");
        assertError(member.multipart("POST", path, Http.Part.field("json_parameters", "[]")), 400, "400-00002");
        assertError(member.multipart("POST", path, Http.Part.field("json_parameters",
                "{\"parameter\": {\"operation_name\": \"op\\u0001\"}}")), 400, "400-00002");
        assertError(member.multipart("POST", path, good, Http.Part.field("note", "a\u0007b")), 400, "400-00002");
        assertError(member.multipart("POST", path, new Http.Part("json_parameters", null,
                new byte[] {'{', '"', 'p', (byte) 0xE9, '"', ':', '1', '}'})), 400, "400-00002");
        assertError(member.multipart("POST", base + "operation_list/maintenance/all/",
                Http.Part.field("json_parameters", "[{\"type\": \"Register\", \"parameter\": {\"operation_name\": \"x\"}}]"),
                Http.Part.file("5.playbook_file", "p.yml", new byte[] {1})), 400, "400-00002");
        assertError(member.send("POST", path, "multipart/form-data; boundary=nothing", "garbage".getBytes(StandardCharsets.UTF_8)),
                400, "400-00002");
        assertThat(rows("operation_list").size()).isZero();

        // The same request from a script (no Origin, no fetch metadata) or from jita's own origin is taken.
        assertThat(member.header("Origin", "http://127.0.0.1:" + port).multipart("POST", path, good).status()).isEqualTo(200);
        assertThat(rows("operation_list").size()).isEqualTo(1);
    }

    @Test
    void loadModeRefusesMultipartWritesToo() {
        setModes("0", "1");
        Http.Reply reply = member.multipart("POST", base + "operation_list/maintenance/",
                Http.Part.field("json_parameters", "{\"parameter\": {\"operation_name\": \"op1\"}}"));
        assertError(reply, 498, "498-00001");
        setModes("0", "0");
        assertThat(rows("operation_list").size()).isZero();
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
