package dev.jita.parametersheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.backyard.BackyardItems;
import dev.jita.menu.MenuService;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Sheets made by ita-by-menu-create and used through the ordinary menu API. */
class SheetMenusTest extends SheetTestSupport {

    @Autowired
    MenuService menuService;

    private String org;
    private Http member;
    private Http viewer;
    private String menus;

    @BeforeEach
    void workspace() {
        TestWorkspace workspace = newWorkspace("sheet-org");
        org = workspace.org();
        member = workspace.member();
        viewer = workspace.viewer();
        menus = workspace.menus();
        record(member, menus, "operation_list", Map.of("operation_name", "op1",
                "scheduled_date_for_execution", "2026/12/01 10:30:00"));
        record(member, menus, "operation_list", Map.of("operation_name", "op2"));
        record(member, menus, "device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1",
                "login_user", "deploy", "connection_type", "local"));
        record(member, menus, "device_list", Map.of("host_name", "web2", "ip_address", "127.0.0.2",
                "login_user", "deploy", "connection_type", "local"));
    }

    /** A data sheet "colors" (name, code) for pulldowns. */
    private void colors() throws InterruptedException {
        ObjectNode colors = sheet("colors", "2", "0");
        ObjectNode name = item(colors, "color", "SingleTextColumn", null, "single_string_maximum_bytes", 20);
        name.put("required", "1");
        name.put("uniqued", "1");
        item(colors, "code", "NumColumn", null, "integer_minimum_value", 0, "integer_maximum_value", 999);
        created(org, 1, colors);
        record(member, menus, "colors", Map.of("color", "red", "code", 1));
        record(member, menus, "colors", Map.of("color", "blue", "code", 2));
    }

    /** A Host/Operation sheet with an item of every class, nested groups and a pulldown with a reference item. */
    private ObjectNode servers() {
        ObjectNode servers = sheet("servers", "1", "0");
        group(servers, "Net", null);
        group(servers, "Detail", "Net");
        item(servers, "label", "SingleTextColumn", "Net", "single_string_maximum_bytes", 10,
                "single_string_regular_expression", "[a-zあ-ん]*", "single_string_default_value", "abc")
                .put("description", "A label");
        item(servers, "notes", "MultiTextColumn", "Net/Detail", "multi_string_maximum_bytes", 12,
                "multi_string_regular_expression", "(?s)[^#]*");
        item(servers, "port", "NumColumn", "Net/Detail", "integer_minimum_value", 1, "integer_maximum_value", 65535)
                .put("required", "1");
        item(servers, "ratio", "FloatColumn", null, "decimal_minimum_value", -10, "decimal_maximum_value", 100,
                "decimal_digit", 4);
        item(servers, "started", "DateTimeColumn", null);
        item(servers, "day", "DateColumn", null);
        item(servers, "color", "IDColumn", null, "pulldown_menu", "colors", "pulldown_column", "color",
                "reference_item", List.of("code"));
        item(servers, "secret", "PasswordColumn", null, "password_maximum_bytes", 16);
        item(servers, "config", "FileUploadColumn", null, "file_upload_maximum_bytes", 1024);
        item(servers, "site", "HostInsideLinkTextColumn", null, "link_maximum_bytes", 30);
        return servers;
    }

    @Test
    void aHostOperationSheetIsAFullMenu() throws Exception {
        colors();
        created(org, 1, servers());

        JsonNode info = member.get(menus + "servers/info/").data();
        JsonNode menuInfo = info.path("menu_info");
        assertThat(menuInfo.path("sheet_type").asString()).isEqualTo("1");
        assertThat(menuInfo.path("vertical").asString()).isEqualTo("0");
        assertThat(menuInfo.path("unique_constraint").toString()).isEqualTo("[[\"operation_name_select\",\"host_name\"]]");
        Map<String, JsonNode> columns = new HashMap<>();
        info.path("column_info").properties().forEach(e -> columns.put(e.getValue().path("column_name_rest").asString(),
                e.getValue()));
        assertThat(columns).containsKeys("uuid", "host_name", "operation_name_select", "operation_name_disp",
                "base_datetime", "operation_date", "last_execute_timestamp", "label", "notes", "port", "ratio",
                "started", "day", "color", "color_ref_1", "secret", "config", "site", "remarks", "discard",
                "last_update_date_time", "last_updated_user");
        assertThat(columns.get("notes").path("column_group_name").asString()).isEqualTo("Parameter/Net/Detail");
        assertThat(columns.get("label").path("description").asString()).isEqualTo("A label");
        assertThat(columns.get("label").path("initial_value").asString()).isEqualTo("abc");
        assertThat(columns.get("ratio").path("column_type").asString()).isEqualTo("FloatColumn");
        assertThat(columns.get("ratio").path("validate_option").asString()).contains("\"float_digit\":4");
        assertThat(columns.get("day").path("column_type").asString()).isEqualTo("DateColumn");
        assertThat(columns.get("site").path("column_type").asString()).isEqualTo("HostInsideLinkTextColumn");
        assertThat(columns.get("color_ref_1").path("input_item").asString()).isEqualTo("0");
        assertThat(columns.get("operation_name_disp").path("input_item").asString()).isEqualTo("0");
        Map<String, JsonNode> groups = new HashMap<>();
        info.path("column_group_info").properties().forEach(e -> groups.put(e.getValue().path("column_group_id")
                .asString(), e.getValue()));
        assertThat(groups).containsOnlyKeys("Operation", "Parameter", "Parameter/Net", "Parameter/Net/Detail");
        assertThat(groups.get("Parameter/Net/Detail").path("column_group_name").asString()).isEqualTo("Detail");
        assertThat(groups.get("Parameter/Net/Detail").path("parent_column_group_name").asString()).isEqualTo("Net");
        assertThat(groups.get("Parameter/Net/Detail").path("columns").size()).isEqualTo(2);
        List<String> top = names(menuInfo.path("columns"));
        assertThat(top).contains("g1").doesNotContain(columnKey(info, "notes"), columnKey(info, "label"));

        byte[] config = "key: value\n".getBytes(StandardCharsets.UTF_8);
        Http.Reply registered = member.post(menus + "servers/maintenance/", Map.of(
                "parameter", Map.ofEntries(Map.entry("host_name", "web1"),
                        Map.entry("operation_name_select", "2026/12/01 10:30_op1"), Map.entry("label", "あいう"),
                        Map.entry("notes", "line1\nline2"), Map.entry("port", 8080), Map.entry("ratio", "12.5"),
                        Map.entry("started", "2026/12/02 08:00:00"), Map.entry("day", "2026/12/03"),
                        Map.entry("color", "red"), Map.entry("secret", "pw"), Map.entry("config", "app.yml"),
                        Map.entry("site", "https://example.com/")),
                "file", Map.of("config", Base64.getEncoder().encodeToString(config))));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        JsonNode row = member.post(menus + "servers/filter/", Map.of("host_name", Map.of("LIST", List.of("web1"))))
                .data().get(0);
        JsonNode shown = row.path("parameter");
        assertThat(shown.path("operation_name_select").asString()).isEqualTo("op1");
        assertThat(shown.path("operation_name_disp").asString()).isEqualTo("2026/12/01 10:30_op1");
        assertThat(shown.path("operation_date").asString()).isEqualTo("2026/12/01 10:30:00");
        assertThat(shown.path("base_datetime").asString()).isEqualTo("2026/12/01 10:30:00");
        assertThat(shown.path("last_execute_timestamp").isNull()).isTrue();
        assertThat(shown.path("label").asString()).isEqualTo("あいう");
        assertThat(shown.path("ratio").toString()).isEqualTo("12.5");
        assertThat(shown.path("day").asString()).isEqualTo("2026/12/03");
        assertThat(shown.path("color").asString()).isEqualTo("red");
        assertThat(shown.path("color_ref_1").asString()).isEqualTo("1");
        assertThat(shown.path("secret").isNull()).isTrue();
        assertThat(row.path("file").path("config").asString()).isEqualTo(Base64.getEncoder().encodeToString(config));
        String uuid = shown.path("uuid").asString();
        assertThat(menuService.secret(org, "ws1", "servers_subst", uuid, "secret")).contains("pw");
        JsonNode download = member.get(menus + "servers/" + uuid + "/config/file/").data();
        assertThat(download.path("file_name").asString()).isEqualTo("app.yml");

        // The same record in the read-only _subst view.
        JsonNode subst = member.get(menus + "servers_subst/filter/").data();
        assertThat(subst.size()).isEqualTo(1);
        assertThat(subst.get(0).path("parameter").path("label").asString()).isEqualTo("あいう");
        assertThat(subst.get(0).path("parameter").path("operation_name_disp").asString()).isEqualTo("2026/12/01 10:30_op1");
        assertThat(member.get(menus + "servers_subst/info/").data().path("menu_info").path("row_insert_flag").asString())
                .isEqualTo("0");
        Http.Reply substWrite = member.post(menus + "servers_subst/maintenance/",
                Map.of("parameter", Map.of("host_name", "web2", "operation_name_select", "op1", "port", 1)));
        assertError(substWrite, 403, "403-00001");

        // The web page of a sheet's menu is generated like any menu's.
        UiClient ui = new UiClient(port);
        ui.logIn(org, "owner", "owner-pass");
        UiClient.Page page = ui.get("/ui/ws/" + org + "/ws1/menu/servers");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("あいう").contains("https://example.com/");
        assertThat(ui.get("/ui/ws/" + org + "/ws1/menu/servers_subst").body()).contains("あいう");

        // Update, journal, discard, restore.
        Http.Reply update = member.patch(menus + "servers/maintenance/" + uuid + "/", Map.of("parameter", Map.of(
                "port", 443, "last_update_date_time", shown.path("last_update_date_time").asString())));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        JsonNode journal = member.get(menus + "servers/filter/journal/" + uuid + "/").data();
        assertThat(journal.size()).isEqualTo(2);
        assertThat(journal.get(1).path("parameter").path("port").asInt()).isEqualTo(443);
        JsonNode updated = member.get(menus + "servers/filter/").data().get(0).path("parameter");
        Http.Reply discard = member.post(menus + "servers/maintenance/all/", List.of(Map.of("type", "Discard",
                "parameter", Map.of("uuid", uuid, "last_update_date_time",
                        updated.path("last_update_date_time").asString()))));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(200);
        assertThat(member.get(menus + "servers/filter/").data().get(0).path("parameter").path("discard").asString())
                .isEqualTo("1");

        // Viewers read, never write; load mode refuses writes with the menus' 498.
        assertThat(viewer.get(menus + "servers/filter/").status()).isEqualTo(200);
        assertError(viewer.post(menus + "servers/maintenance/", Map.of("parameter", Map.of("port", 1))), 401, "401-00001");
        setModes("0", "1");
        try {
            assertError(member.post(menus + "servers/maintenance/", Map.of("parameter", Map.of("host_name", "web2",
                    "operation_name_select", "op1", "port", 1))), 498, "498-00001");
            assertThat(member.get(menus + "servers/filter/").status()).isEqualTo(200);
        } finally {
            setModes("0", "0");
        }
    }

    @Test
    void everyRuleRefusesWhatItShould() throws Exception {
        colors();
        created(org, 1, servers());
        Map<String, Object> good = Map.of("host_name", "web1", "operation_name_select", "op1", "port", 22);
        record(member, menus, "servers", good);

        assertThat(refused(member, menus, "servers", good).has("operation_name_select+host_name")).isTrue();
        assertThat(refused(member, menus, "servers", Map.of("host_name", "web2", "operation_name_select", "op1"))
                .path("port").toString()).contains("required");
        assertThat(refused(member, menus, "servers", Map.of("operation_name_select", "op2", "port", 1))
                .path("host_name").toString()).contains("required");
        assertThat(refused(member, menus, "servers", with(good, "host_name", "web9")).path("host_name").toString())
                .contains("web9");
        assertThat(refused(member, menus, "servers", with(good, "operation_name_select", "2026/12/01 10:30_op9"))
                .has("operation_name_select")).isTrue();
        // Ten bytes: ten ASCII letters pass, four kana (12 bytes) do not.
        record(member, menus, "servers", with(with(good, "host_name", "web2"), "label", "abcdefghij"));
        assertThat(refused(member, menus, "servers", with(good, "label", "あいうえ")).path("label").toString())
                .contains("bytes");
        assertThat(refused(member, menus, "servers", with(good, "label", "ABC")).path("label").toString())
                .contains("invalid format");
        assertThat(refused(member, menus, "servers", with(good, "notes", "a\n#b")).path("notes").toString())
                .contains("invalid format");
        assertThat(refused(member, menus, "servers", with(good, "notes", "ああああ\n")).path("notes").toString())
                .contains("bytes");
        assertThat(refused(member, menus, "servers", with(good, "port", 0)).path("port").toString()).contains("1 to 65535");
        assertThat(refused(member, menus, "servers", with(good, "port", 65536)).has("port")).isTrue();
        assertThat(refused(member, menus, "servers", with(good, "ratio", "12.345")).path("ratio").toString())
                .contains("4 digits");
        assertThat(refused(member, menus, "servers", with(good, "ratio", 100.5)).path("ratio").toString())
                .contains("-10 to 100");
        assertThat(refused(member, menus, "servers", with(good, "ratio", "1e3")).has("ratio")).isTrue();
        assertThat(refused(member, menus, "servers", with(good, "day", "2026/02/30")).path("day").toString())
                .contains("YYYY/MM/DD");
        assertThat(refused(member, menus, "servers", with(good, "day", "2026-12-01")).has("day")).isTrue();
        assertThat(refused(member, menus, "servers", with(good, "started", "tomorrow")).has("started")).isTrue();
        assertThat(refused(member, menus, "servers", with(good, "color", "green")).path("color").toString())
                .contains("green");
        assertThat(refused(member, menus, "servers", with(good, "secret", "x".repeat(17))).has("secret")).isTrue();
        assertThat(refused(member, menus, "servers", with(good, "site", "https://example.com/" + "x".repeat(20)))
                .has("site")).isTrue();
        assertThat(refused(member, menus, "servers", with(good, "config", "a.yml")).has("config")).isTrue();
        Http.Reply large = member.post(menus + "servers/maintenance/", Map.of(
                "parameter", with(with(good, "host_name", "web2"), "config", "big.bin"),
                "file", Map.of("config", Base64.getEncoder().encodeToString(new byte[1025]))));
        assertError(large, 499, "499-00201");
        assertThat(large.data().path("errors").path("0").path("config").toString()).contains("1024 bytes");
        Http.Reply fits = member.post(menus + "servers/maintenance/", Map.of(
                "parameter", with(with(good, "operation_name_select", "op2"), "config", "ok.bin"),
                "file", Map.of("config", Base64.getEncoder().encodeToString(new byte[1024]))));
        assertThat(fits.status()).as(fits.toString()).isEqualTo(200);
    }

    @Test
    void aParameterSheetReferenceTakesAValueOfTheSameOperation() throws Exception {
        record(member, menus, "operation_list", Map.of("operation_name", "op3"));
        ObjectNode ports = sheet("ports", "1", "0");
        item(ports, "port", "NumColumn", null);
        created(org, 1, ports);
        record(member, menus, "ports", Map.of("host_name", "web1", "operation_name_select", "op1", "port", 80));
        record(member, menus, "ports", Map.of("host_name", "web1", "operation_name_select", "op2", "port", 8080));

        ObjectNode uses = sheet("uses", "1", "0");
        item(uses, "base_port", "ParameterSheetReference", null, "parameter_sheet_reference_menu", "ports",
                "parameter_sheet_reference_column", "port");
        created(org, 1, uses);
        JsonNode row = record(member, menus, "uses", Map.of("host_name", "web2", "operation_name_select", "op1",
                "base_port", "80"));
        assertThat(row.path("base_port").asString()).isEqualTo("80");
        assertThat(refused(member, menus, "uses", Map.of("host_name", "web2", "operation_name_select", "op2",
                "base_port", "80")).path("base_port").toString()).contains("same operation_name_select");
        record(member, menus, "uses", Map.of("host_name", "web2", "operation_name_select", "op2", "base_port", "8080"));
        Http.Reply moved = member.patch(menus + "uses/maintenance/" + row.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("operation_name_select", "op3",
                        "last_update_date_time", row.path("last_update_date_time").asString())));
        assertError(moved, 499, "499-00201");
        assertThat(moved.data().path("errors").path("0").has("base_port")).isTrue();

        ObjectNode wrong = sheet("wrongref", "1", "0");
        item(wrong, "x", "ParameterSheetReference", null, "parameter_sheet_reference_menu", "colors_missing",
                "parameter_sheet_reference_column", "port");
        refusedAtOnce(org, 1, wrong, "499-00701", "colors_missing");
        assertThat(ended(registerUnchecked(org, "ws1", 1, wrong)).statusId()).isEqualTo(4);
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    private static String columnKey(JsonNode info, String rest) {
        for (var entry : info.path("column_info").properties()) {
            if (entry.getValue().path("column_name_rest").asString().equals(rest)) {
                return entry.getKey();
            }
        }
        throw new AssertionError("no column " + rest);
    }

    @Test
    void operationSheetsKeyOnTheOperationAndTheBundleOnItsOrder() throws Exception {
        ObjectNode single = sheet("app", "3", "0");
        item(single, "version", "SingleTextColumn", null, "single_string_maximum_bytes", 20);
        created(org, 1, single);
        record(member, menus, "app", Map.of("operation_name_select", "op1", "version", "1.0"));
        assertThat(refused(member, menus, "app", Map.of("operation_name_select", "op1", "version", "2.0"))
                .has("operation_name_select")).isTrue();
        record(member, menus, "app", Map.of("operation_name_select", "op2", "version", "2.0"));
        JsonNode info = member.get(menus + "app/info/").data();
        assertThat(info.path("menu_info").path("sheet_type").asString()).isEqualTo("3");
        assertThat(info.toString()).doesNotContain("\"host_name\"");

        ObjectNode bundle = sheet("users", "3", "1");
        item(bundle, "user", "SingleTextColumn", null, "single_string_maximum_bytes", 20).put("uniqued", "1");
        created(org, 1, bundle);
        assertThat(member.get(menus + "users/info/").data().path("menu_info").path("vertical").asString()).isEqualTo("1");
        record(member, menus, "users", Map.of("operation_name_select", "op1", "input_order", 1, "user", "alice"));
        record(member, menus, "users", Map.of("operation_name_select", "op1", "input_order", 2, "user", "bob"));
        assertThat(refused(member, menus, "users", Map.of("operation_name_select", "op1", "input_order", 2,
                "user", "carol")).has("operation_name_select+input_order")).isTrue();
        assertThat(refused(member, menus, "users", Map.of("operation_name_select", "op2", "input_order", 1,
                "user", "alice")).has("user")).isTrue();
        assertThat(refused(member, menus, "users", Map.of("operation_name_select", "op2", "user", "dave"))
                .path("input_order").toString()).contains("required");
        assertThat(member.get(menus + "users_subst/filter/count/").data().asInt()).isEqualTo(2);

        // An Operation sheet needs an item (499-00714); a Host/Operation sheet may have none.
        ObjectNode empty = sheet("marker", "1", "0");
        created(org, 1, empty);
        JsonNode markerInfo = member.get(menus + "marker/info/").data();
        assertThat(markerInfo.toString()).contains("\"no_item\"");
    }

    @Test
    void aDataSheetHasNoOperationNorSubstitutionView() throws Exception {
        colors();
        JsonNode info = member.get(menus + "colors/info/").data();
        assertThat(info.path("menu_info").path("sheet_type").asString()).isEqualTo("2");
        assertThat(info.toString()).doesNotContain("operation_name_select").doesNotContain("\"host_name\"");
        assertError(member.get(menus + "colors_subst/info/"), 499, "499-00002");
        assertThat(refused(member, menus, "colors", Map.of("color", "red")).has("color")).isTrue();
        assertThat(refused(member, menus, "colors", Map.of("code", 5)).path("color").toString()).contains("required");
        assertThat(member.get(menus + "colors/filter/count/").data().asInt()).isEqualTo(2);
    }

    @Test
    void initializeDropsTheDataWhileEditKeepsIt() throws Exception {
        ObjectNode definition = sheet("keep", "3", "0");
        item(definition, "size", "NumColumn", null);
        item(definition, "label", "SingleTextColumn", null, "single_string_maximum_bytes", 20);
        created(org, 1, definition);
        record(member, menus, "keep", Map.of("operation_name_select", "op1", "size", 3, "label", "x"));
        record(member, menus, "keep", Map.of("operation_name_select", "op2", "size", 5));

        // An Edit reads again only the values of items whose rules changed: a record of a discarded operation stays.
        JsonNode op1 = member.post(menus + "operation_list/filter/",
                Map.of("operation_name", Map.of("LIST", List.of("op1")))).data().get(0).path("parameter");
        Http.Reply discarded = member.post(menus + "operation_list/maintenance/all/", List.of(Map.of("type", "Discard",
                "parameter", Map.of("uuid", op1.path("uuid").asString(),
                        "last_update_date_time", op1.path("last_update_date_time").asString()))));
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        ((ObjectNode) definition.path("column")).remove("c2");
        item(definition, "owner", "SingleTextColumn", null, "single_string_maximum_bytes", 20);
        ((ObjectNode) definition.path("column").path("c1")).put("description", "changed");
        created(org, 3, definition);
        JsonNode kept = member.get(menus + "keep/filter/").data();
        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.get(0).path("parameter").path("size").asInt()).isEqualTo(3);
        assertThat(kept.get(0).path("parameter").has("label")).isFalse();
        assertThat(kept.get(0).path("parameter").path("owner").isNull()).isTrue();
        String uuid = kept.get(0).path("parameter").path("uuid").asString();
        assertThat(member.get(menus + "keep/filter/journal/" + uuid + "/").data().size()).isEqualTo(1);

        created(org, 2, definition);
        assertThat(member.get(menus + "keep/filter/").data().size()).isZero();
        assertThat(member.get(menus + "keep_subst/filter/").data().size()).isZero();
        // The unique value of the dropped record went with it.
        record(member, menus, "keep", Map.of("operation_name_select", "op2", "size", 4));
    }

    @Test
    void anEditChecksTheValuesOfRetypedItemsAndRefusesWhatTheyWouldBreak() throws Exception {
        ObjectNode definition = sheet("retype", "3", "0");
        ObjectNode size = item(definition, "size", "SingleTextColumn", null, "single_string_maximum_bytes", 20);
        created(org, 1, definition);
        record(member, menus, "retype", Map.of("operation_name_select", "op1", "size", "12"));
        JsonNode second = record(member, menus, "retype", Map.of("operation_name_select", "op2", "size", "large"));

        // Edit may not change an item's class (499-00706); the backyard checks the records all the same.
        size.put("column_class", "NumColumn");
        refusedAtOnce(org, 3, definition, "499-00706", "column_class");
        BackyardItems.Item refused = ended(registerUnchecked(org, "ws1", 3, definition));
        assertThat(refused.statusId()).isEqualTo(4);
        assertThat(refused.note()).contains(second.path("uuid").asString()).contains("size");
        assertThat(member.get(menus + "retype/info/").data().toString()).contains("SingleTextColumn");

        Http.Reply fix = member.patch(menus + "retype/maintenance/" + second.path("uuid").asString() + "/",
                Map.of("parameter", Map.of("size", "7", "last_update_date_time",
                        second.path("last_update_date_time").asString())));
        assertThat(fix.status()).as(fix.toString()).isEqualTo(200);
        created(org, 3, definition);
        JsonNode rows = member.post(menus + "retype/filter/", Map.of("size", Map.of("RANGE", Map.of("START", "10"))))
                .data();
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).path("parameter").path("size").asInt()).isEqualTo(12);

        record(member, menus, "operation_list", Map.of("operation_name", "op3"));
        record(member, menus, "retype", Map.of("operation_name_select", "op3", "size", 12));
        size.put("uniqued", "1");
        refusedAtOnce(org, 3, definition, "499-00706", "uniqued");
        BackyardItems.Item duplicate = ended(registerUnchecked(org, "ws1", 3, definition));
        assertThat(duplicate.statusId()).isEqualTo(4);
        assertThat(duplicate.note()).contains("size: the same values");
    }

    @Test
    void theItemsOfOneSheetApplyOneAtATimeInTheOrderTheyWereAskedFor() throws Exception {
        ObjectNode definition = sheet("ordered", "2", "0");
        item(definition, "a", "SingleTextColumn", null, "single_string_maximum_bytes", 5);
        String first = define(org, "ws1", 1, definition);
        item(definition, "b", "SingleTextColumn", null, "single_string_maximum_bytes", 5);
        String second = define(org, "ws1", 3, definition);
        item(definition, "c", "SingleTextColumn", null, "single_string_maximum_bytes", 5);
        String third = define(org, "ws1", 3, definition);
        BackyardItems.Item one = ended(first);
        BackyardItems.Item two = ended(second);
        BackyardItems.Item three = ended(third);
        assertThat(List.of(one.statusId(), two.statusId(), three.statusId())).containsOnly(3);
        assertThat(two.startedAt()).isAfterOrEqualTo(one.endedAt());
        assertThat(three.startedAt()).isAfterOrEqualTo(two.endedAt());
        assertThat(member.get(menus + "ordered/info/").data().toString()).contains("\"a\"", "\"b\"", "\"c\"");
    }

    @Test
    void anInvalidDefinitionEndsInErrorWithItsReasonAndChangesNothing() throws Exception {
        // execute/ refuses these at once; the backyard refuses them too, should a race bring them past it.
        ObjectNode fixed = sheet("operation_list", "2", "0");
        item(fixed, "x", "SingleTextColumn", null, "single_string_maximum_bytes", 5);
        refusedAtOnce(org, 1, fixed, "499-00701", "operation_list");
        BackyardItems.Item fixedName = ended(registerUnchecked(org, "ws1", 1, fixed));
        assertThat(fixedName.statusId()).isEqualTo(4);
        assertThat(fixedName.note()).contains("operation_list");

        ObjectNode base = sheet("base", "3", "0");
        item(base, "x", "SingleTextColumn", null, "single_string_maximum_bytes", 5);
        created(org, 1, base);
        ObjectNode baseSubst = sheet("base_subst", "2", "0");
        item(baseSubst, "x", "SingleTextColumn", null, "single_string_maximum_bytes", 5);
        refusedAtOnce(org, 1, baseSubst, "499-00701", "base_subst");
        BackyardItems.Item clash = ended(registerUnchecked(org, "ws1", 1, baseSubst));
        assertThat(clash.statusId()).isEqualTo(4);
        assertThat(clash.note()).contains("base_subst").contains("another parameter sheet");
        assertThat(member.get(menus + "base_subst/info/").data().path("menu_info").path("sheet_type").asString())
                .isEqualTo("3");
    }

    @Test
    void aPulldownToAMenuThatIsNotThereOrNotSuitableIsRefused() throws Exception {
        ObjectNode missing = sheet("broken", "2", "0");
        item(missing, "x", "IDColumn", null, "pulldown_menu", "nowhere", "pulldown_column", "name");
        // execute/ refuses these at once; the backyard refuses them too, should a race bring them past it.
        refusedAtOnce(org, 1, missing, "499-00701", "nowhere");
        BackyardItems.Item item = ended(registerUnchecked(org, "ws1", 1, missing));
        assertThat(item.statusId()).isEqualTo(4);
        assertThat(item.note()).contains("nowhere");
        assertError(member.get(menus + "broken/info/"), 499, "499-00002");

        ObjectNode password = sheet("broken2", "2", "0");
        item(password, "x", "IDColumn", null, "pulldown_menu", "device_list", "pulldown_column", "login_password");
        refusedAtOnce(org, 1, password, "499-00701", "login_password");
        assertThat(ended(registerUnchecked(org, "ws1", 1, password)).note()).contains("login_password");

        ObjectNode fine = sheet("hosts", "2", "0");
        item(fine, "host", "IDColumn", null, "pulldown_menu", "device_list", "pulldown_column", "host_name",
                "reference_item", List.of("ip_address"));
        created(org, 1, fine);
        JsonNode row = record(member, menus, "hosts", Map.of("host", "web2"));
        assertThat(row.path("host_ref_1").asString()).isEqualTo("127.0.0.2");
    }
}
