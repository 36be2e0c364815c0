package dev.jita.parametersheet;

import static dev.jita.parametersheet.SheetBodies.DATA;
import static dev.jita.parametersheet.SheetBodies.HOST_OPERATION;
import static dev.jita.parametersheet.SheetBodies.OPERATION;
import static dev.jita.parametersheet.SheetBodies.item;
import static dev.jita.parametersheet.SheetBodies.sheet;
import static dev.jita.parametersheet.SheetBodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.backyard.BackyardItems;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * create/define/ over HTTP with no menu-create handler on this server: requests are kept with their histories
 * Unexecuted, refused with Exastro's codes, and read back through the definition menus.
 */
@TestPropertySource(properties = "jita.menu-create.enabled=false")
class SheetDefinitionApiTest extends ApiTest {

    /** A database of its own: its menu-create items stay Unexecuted, out of other tests' engines. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    SheetStore store;

    @Autowired
    BackyardItems backyardItems;

    String org;
    Http member;
    Http viewer;
    String menus;
    String define;

    @BeforeEach
    void workspace() {
        TestWorkspace workspace = newWorkspace("sd-org");
        org = workspace.org();
        member = workspace.member();
        viewer = workspace.viewer();
        menus = workspace.menus();
        define = "/api/" + org + "/workspaces/ws1/ita/create/define/";
    }

    @Test
    void createNewInitializeAndEditAreKeptWithTheirHistories() {
        ObjectNode body = sheet("create_new", "servers", HOST_OPERATION);
        text(body, "c1", "port_name");
        item(body, "c2", "port", "NumColumn").put("integer_minimum_value", 1).put("integer_maximum_value", "65535");
        item(body, "c3", "ratio", "FloatColumn").put("decimal_digit", "4").put("decimal_default_value", "0.50");
        body.withObject("group").putObject("g1").put("group_name", "Net").putNull("parent_full_col_group_name")
                .putArray("columns").add("c1").add("g2");
        body.withObject("group").putObject("g2").put("group_name", "Ports").put("parent_full_col_group_name", "Net")
                .putArray("columns").add("c2");
        body.withObject("column").withObject("c1").put("column_group", "Net");
        body.withObject("column").withObject("c2").put("column_group", "Net/Ports");
        body.withObject("menu").putArray("unique_constraint").addArray().add("port_name").add("port");

        Http.Reply created = member.post(define + "execute/", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().path("menu_name_rest").asString()).isEqualTo("servers");
        String first = created.data().path("history_id").asString();

        SheetStore.Sheet sheet = store.find(org, "ws1", "servers").orElseThrow();
        JsonNode normal = sheet.definition();
        assertThat(normal.has("type")).isFalse();
        assertThat(normal.path("menu").path("sheet_type").asString()).isEqualTo("1");
        assertThat(normal.path("menu").path("hostgroup").asString()).isEqualTo("0");
        assertThat(normal.path("column").path("c2").path("integer_maximum_value").isNumber()).isTrue();
        assertThat(normal.path("column").path("c3").path("decimal_default_value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(normal.path("column").path("c3").path("decimal_digit").asInt()).isEqualTo(4);
        assertThat(normal.path("column").path("c1").path("create_column_id").asString()).hasSize(36);
        assertThat(store.history(first).orElseThrow().createType()).isEqualTo(SheetStore.CREATE_NEW);

        String id = sheet.menuCreateId();
        ObjectNode initialize = body.deepCopy();
        initialize.put("type", "initialize");
        initialize.withObject("menu").put("menu_create_id", id).put("menu_name", "servers renamed");
        Http.Reply initialized = member.post(define + "execute/", initialize);
        assertThat(initialized.status()).as(initialized.toString()).isEqualTo(200);

        ObjectNode edit = initialize.deepCopy();
        edit.put("type", "edit");
        JsonNode kept = store.find(org, "ws1", "servers").orElseThrow().definition().path("column");
        for (String key : List.of("c1", "c2", "c3")) {
            edit.withObject("column").withObject(key).put("create_column_id", kept.path(key).path("create_column_id").asString());
        }
        edit.withObject("column").withObject("c2").put("integer_maximum_value", 70000);
        text(edit, "c4", "added");
        Http.Reply edited = member.post(define + "execute/", edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode after = store.find(org, "ws1", "servers").orElseThrow().definition().path("column");
        assertThat(after.path("c2").path("create_column_id")).isEqualTo(kept.path("c2").path("create_column_id"));
        assertThat(after.path("c2").path("integer_maximum_value").asLong()).isEqualTo(70000);

        JsonNode history = member.get(menus + "menu_creation_history/filter/").data();
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.findValuesAsString("create_type")).containsExactly("Create New", "Initialize", "Edit");
        assertThat(history.findValuesAsString("status")).containsOnly("Unexecuted");
        assertThat(history.get(0).path("parameter").path("uuid").asString()).isEqualTo(first);
        assertThat(history.get(2).path("parameter").path("menu_name").asString()).isEqualTo("servers renamed");
    }

    @Test
    void theMastersAndOneDefinitionWhichPostsBackAsAnEdit() {
        JsonNode masters = member.get(define).data();
        assertThat(masters.path("column_class_list").findValuesAsString("column_class_name")).containsExactly(
                "SingleTextColumn", "MultiTextColumn", "NumColumn", "FloatColumn", "DateTimeColumn", "DateColumn",
                "IDColumn", "PasswordColumn", "FileUploadColumn", "HostInsideLinkTextColumn", "ParameterSheetReference");
        assertThat(masters.path("sheet_type_list").findValuesAsString("sheet_type_name"))
                .containsExactly(HOST_OPERATION, DATA, OPERATION);
        assertThat(masters.path("target_menu_group_list").findValuesAsString("menu_group_name"))
                .containsExactly("Input", "Substitution value", "Reference");
        assertThat(masters.path("pulldown_item_list").findValuesAsString("link_pulldown"))
                .contains("Basic Console:Device list:Host name", "Basic Console:Operation list:Operation name");
        assertThat(masters.path("role_list").toString()).isEqualTo("[\"member\",\"viewer\"]");
        assertThat(member.header("Language", "ja").get(define).data().path("sheet_type_list").get(1)
                .path("sheet_type_name").asString()).isEqualTo("データシート");

        ObjectNode body = sheet("create_new", "routers", HOST_OPERATION);
        text(body, "c1", "name").put("single_string_regular_expression", "[a-z]+").put("single_string_default_value", "r");
        item(body, "c2", "os", "IDColumn").put("pulldown_selection", "Basic Console:Device list:Host name")
                .putArray("reference_item").add("ip_address");
        item(body, "c3", "secret", "PasswordColumn").put("password_maximum_bytes", 32);
        item(body, "c4", "when", "DateTimeColumn").put("datetime_default_value", "2026/12/01 10:00:00");
        body.withObject("group").putObject("g1").put("group_name", "Main").putArray("columns").add("c1");
        body.withObject("column").withObject("c1").put("column_group", "Main");
        assertThat(member.post(define + "execute/", body).status()).isEqualTo(200);

        Http.Reply one = member.get(define + "routers/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        JsonNode info = one.data().path("menu_info");
        assertThat(one.data().has("column_class_list")).isTrue();
        assertThat(info.path("menu").path("sheet_type").asString()).isEqualTo(HOST_OPERATION);
        assertThat(info.path("menu").path("sheet_type_id").asString()).isEqualTo("1");
        assertThat(info.path("menu").path("menu_create_done_status_id").asString()).isEqualTo("1");
        assertThat(info.path("menu").path("menu_group_for_input_id").asString()).isEqualTo("502");
        assertThat(info.path("column").path("c2").path("pulldown_selection").asString())
                .isEqualTo("Basic Console:Device list:Host name");
        assertThat(info.path("column").path("c2").path("pulldown_selection_id").asString()).isEqualTo("device_list:host_name");
        assertThat(info.path("column").path("c2").path("column_class_id").asString()).isEqualTo("7");
        assertThat(info.path("column").path("c1").path("group_name").asString()).isEqualTo("Main");
        assertThat(info.path("group").path("g1").path("group_name").asString()).isEqualTo("Main");

        ObjectNode back = (ObjectNode) info.deepCopy();
        back.put("type", "edit");
        Http.Reply edited = member.post(define + "execute/", back);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(store.find(org, "ws1", "routers").orElseThrow().definition().path("column"))
                .isEqualTo(store.history(edited.data().path("history_id").asString()).orElseThrow().definition()
                        .path("column"));
        Http.Reply japanese = member.header("Language", "ja").get(define + "routers/");
        ObjectNode backInJapanese = (ObjectNode) japanese.data().path("menu_info").deepCopy();
        backInJapanese.put("type", "edit");
        assertThat(member.post(define + "execute/", backInJapanese).status()).isEqualTo(200);

        assertError(member.get(define + "nothing_here/"), 404, "404-00001");
    }

    @Test
    void theDefinitionMenusAnswerTheMenuEndpoints() {
        ObjectNode body = sheet("create_new", "apps", HOST_OPERATION);
        text(body, "c1", "app");
        item(body, "c2", "count", "NumColumn").put("integer_maximum_value", 9);
        body.withObject("group").putObject("g1").put("group_name", "Outer");
        body.withObject("group").putObject("g2").put("group_name", "Inner").put("parent_full_col_group_name", "Outer");
        body.withObject("column").withObject("c2").put("column_group", "Outer/Inner");
        body.withObject("menu").putArray("role_list").add("member").add("viewer");
        body.withObject("menu").putArray("unique_constraint").addArray().add("app").add("count");
        assertThat(member.post(define + "execute/", body).status()).isEqualTo(200);
        ObjectNode data = sheet("create_new", "dbs", DATA);
        text(data, "c1", "db");
        assertThat(member.post(define + "execute/", data).status()).isEqualTo(200);

        JsonNode list = viewer.post(menus + "menu_definition_list/filter/",
                Map.of("menu_name_rest", Map.of("LIST", List.of("apps")))).data();
        assertThat(list.size()).isEqualTo(1);
        JsonNode apps = list.get(0).path("parameter");
        assertThat(apps.path("sheet_type").asString()).isEqualTo(HOST_OPERATION);
        assertThat(apps.path("menu_create_done_status").asString()).isEqualTo("Not created");
        assertThat(apps.path("vertical").asString()).isEqualTo("False");
        assertThat(apps.path("uuid").asString()).isEqualTo(store.find(org, "ws1", "apps").orElseThrow().menuCreateId());
        assertThat(viewer.get(menus + "menu_definition_list/filter/count/").data().asInt()).isEqualTo(2);
        assertThat(viewer.post(menus + "menu_definition_list/filter/count/",
                Map.of("sheet_type", Map.of("NORMAL", "Data"))).data().asInt()).isEqualTo(1);

        JsonNode items = viewer.post(menus + "menu_item_creation_info/filter/",
                Map.of("menu_name", Map.of("LIST", List.of("apps sheet")))).data();
        assertThat(items.findValuesAsString("item_name_rest")).containsExactlyInAnyOrder("app", "count");
        assertThat(viewer.post(menus + "menu_item_creation_info/filter/count/",
                Map.of("integer_maximum_value", Map.of("RANGE", Map.of("START", "1", "END", "10")))).data().asInt())
                .isEqualTo(1);
        JsonNode groups = viewer.get(menus + "column_group_creation_info/filter/").data();
        assertThat(groups.findValuesAsString("full_column_group_name_en")).containsExactlyInAnyOrder("Outer", "Outer/Inner");
        assertThat(viewer.get(menus + "unique_constraint_creation_info/filter/").data().get(0).path("parameter")
                .path("unique_constraint_item").asString()).isEqualTo("[[\"app\",\"count\"]]");
        assertThat(viewer.get(menus + "menu_role_creation_info/filter/count/").data().asInt()).isEqualTo(3);
        assertThat(viewer.get(menus + "menu_creation_history/filter/count/").data().asInt()).isEqualTo(2);

        Http.Reply info = viewer.get(menus + "menu_item_creation_info/info/");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.data().path("column_info").toString()).contains("pulldown_selection", "decimal_digit");
        assertThat(member.post(menus + "menu_definition_list/maintenance/",
                Map.of("type", "Register", "parameter", Map.of("menu_name_rest", "x"))).status()).isEqualTo(403);
    }

    @Test
    void theMenuCreateItemsEndingInErrorShowTheirReason() {
        ObjectNode body = sheet("create_new", "failing", DATA);
        text(body, "c1", "x");
        String historyId = member.post(define + "execute/", body).data().path("history_id").asString();
        assertThat(backyardItems.endWaiting(historyId, 4, "a pulldown names a menu that is gone")).isTrue();
        JsonNode row = member.get(menus + "menu_creation_history/filter/").data().get(0).path("parameter");
        assertThat(row.path("status").asString()).isEqualTo("Completed(error)");
        assertThat(row.path("remarks").asString()).isEqualTo("a pulldown names a menu that is gone");
    }

    @Test
    void exastrosCodesForWhatItRefusesBeforeTheFields() {
        ObjectNode body = sheet("create_new", "codes", DATA);
        text(body, "c1", "x");
        assertRefused(body.deepCopy().put("type", "delete"), "499-00703");
        assertRefused(body.deepCopy().put("type", "initialize"), "499-00703");
        ObjectNode unknown = body.deepCopy().put("type", "edit");
        unknown.withObject("menu").put("menu_create_id", "7d4c0b8e-0000-4000-8000-000000000000");
        assertRefused(unknown, "499-00703");

        assertRefused(sheet("create_new", "a", DATA), "499-00711");
        assertRefused(sheet("create_new", "a", OPERATION), "499-00714");
        ObjectNode bundle = sheet("create_new", "a", HOST_OPERATION);
        bundle.withObject("menu").put("vertical", "1");
        assertRefused(bundle, "499-00712");
        ObjectNode hostgroup = body.deepCopy();
        hostgroup.withObject("menu").put("hostgroup", "1");
        assertRefused(hostgroup, "499-00713");
        ObjectNode reference = sheet("create_new", "a", OPERATION);
        item(reference, "c1", "r", "ParameterSheetReference").put("parameter_sheet_reference", "x:y");
        assertRefused(reference, "499-00715");

        ObjectNode empty = sheet("create_new", "host_only", HOST_OPERATION);
        empty.withObject("menu").putArray("role_list");
        assertThat(member.post(define + "execute/", empty).status()).isEqualTo(200);
        ObjectNode noRoles = body.deepCopy();
        noRoles.withObject("menu").putNull("role_list");
        assertThat(member.post(define + "execute/", noRoles).status()).isEqualTo(200);

        body = sheet("create_new", "codes_host", HOST_OPERATION);
        text(body, "c1", "x");
        assertThat(member.post(define + "execute/", body).status()).isEqualTo(200);
        SheetStore.Sheet codes = store.find(org, "ws1", "codes_host").orElseThrow();
        for (Map.Entry<String, String> change : Map.of("menu_name_rest", "codes2", "sheet_type", DATA,
                "vertical", "1", "hostgroup", "1").entrySet()) {
            for (String type : List.of("initialize", "edit")) {
                ObjectNode changed = body.deepCopy().put("type", type);
                changed.withObject("menu").put("menu_create_id", codes.menuCreateId()).put(change.getKey(), change.getValue());
                Http.Reply reply = member.post(define + "execute/", changed);
                assertError(reply, 499, "499-00704");
                assertThat(reply.json().path("message").asString()).contains(change.getKey());
            }
        }
        ObjectNode withoutItems = body.deepCopy().put("type", "edit");
        withoutItems.withObject("menu").put("menu_create_id", codes.menuCreateId());
        withoutItems.remove("column");
        assertError(member.post(define + "execute/", withoutItems), 400, "400-00002");
        ObjectNode again = body.deepCopy();
        again.withObject("menu").put("menu_create_id", codes.menuCreateId()).put("menu_name", "codes again");
        assertThat(member.post(define + "execute/", again).status()).isEqualTo(200);
        store.markCreated(codes.menuCreateId(), store.find(org, "ws1", "codes_host").orElseThrow().definition());
        assertRefused(again, "499-00710");
    }

    @Test
    void editKeepsWhatTheItemsAlreadyHold() {
        ObjectNode body = sheet("create_new", "kept", DATA);
        text(body, "c1", "name");
        item(body, "c2", "size", "NumColumn").put("integer_minimum_value", 0).put("integer_maximum_value", 10);
        assertThat(member.post(define + "execute/", body).status()).isEqualTo(200);
        SheetStore.Sheet kept = store.find(org, "ws1", "kept").orElseThrow();
        ObjectNode edit = body.deepCopy().put("type", "edit");
        edit.withObject("menu").put("menu_create_id", kept.menuCreateId());
        for (String key : List.of("c1", "c2")) {
            edit.withObject("column").withObject(key).put("create_column_id",
                    kept.definition().path("column").path(key).path("create_column_id").asString());
        }
        ObjectNode classChanged = withValue(edit, "c1", "column_class", "MultiTextColumn");
        classChanged.withObject("column").withObject("c1").put("multi_string_maximum_bytes", 64);
        assertRefused(classChanged, "499-00706");
        assertRefused(withValue(edit, "c1", "required", "1"), "499-00706");
        assertRefused(withValue(edit, "c1", "single_string_maximum_bytes", 10), "499-00707");
        assertRefused(withValue(edit, "c2", "integer_maximum_value", 9), "499-00707");
        assertRefused(withValue(edit, "c2", "integer_minimum_value", 1), "499-00708");
        assertThat(member.post(define + "execute/", withValue(edit, "c2", "integer_minimum_value", -1)).status())
                .isEqualTo(200);

        ObjectNode stale = withValue(edit, "c2", "integer_minimum_value", -1);
        stale.withObject("menu").put("last_update_date_time", "2020/01/01 00:00:00.000000");
        Http.Reply refused = member.post(define + "execute/", stale);
        assertError(refused, 499, "499-00701");
        assertThat(refused.data().path("errors").has("menu.last_update_date_time")).isTrue();
        String current = member.get(define + "kept/").data().path("menu_info").path("menu")
                .path("last_update_date_time").asString();
        stale.withObject("menu").put("last_update_date_time", current);
        assertThat(member.post(define + "execute/", stale).status()).isEqualTo(200);
        assertThat(member.post(define + "execute/", body.deepCopy().put("type", "initialize").set("menu",
                edit.get("menu"))).status()).isEqualTo(200);
    }

    @Test
    void namesTakenByMenusOrSheetsAreRefused() {
        ObjectNode first = sheet("create_new", "first", HOST_OPERATION);
        assertThat(member.post(define + "execute/", first).status()).isEqualTo(200);
        assertReason(sheet("create_new", "device_list", HOST_OPERATION), "menu.menu_name_rest", "already exists");
        assertReason(sheet("create_new", "menu_definition_list", HOST_OPERATION), "menu.menu_name_rest", "already exists");
        assertReason(sheet("create_new", "first", HOST_OPERATION), "menu.menu_name_rest", "already exists");
        assertReason(sheet("create_new", "first_subst", HOST_OPERATION), "menu.menu_name_rest", "already exists");
        ObjectNode named = sheet("create_new", "other", HOST_OPERATION);
        named.withObject("menu").put("menu_name", "Device list");
        assertReason(named, "menu.menu_name", "already exists");
        named.withObject("menu").put("menu_name", "first sheet");
        assertReason(named, "menu.menu_name", "already exists");
    }

    @Test
    void itemsGroupsAndNamesFollowTheirRules() {
        ObjectNode body = sheet("create_new", "r".repeat(241), DATA);
        body.withObject("menu").put("menu_name", "a/b").put("menu_group_for_input", "Nope");
        body.withObject("menu").putArray("role_list").add("owner");
        text(body, "c1", "host_name");
        text(body, "c2", "bad name");
        text(body, "c3", "dup");
        text(body, "c4", "dup").put("item_name", "x".repeat(256));
        text(body, "c5", "grouped").put("column_group", "Missing");
        item(body, "c6", "nothing", "FooColumn");
        body.withObject("group").putObject("g1").put("group_name", "A").put("parent_full_col_group_name", "B");
        body.withObject("group").putObject("g2").put("group_name", "B").put("parent_full_col_group_name", "A");
        body.withObject("group").putObject("g3").put("group_name", "C").putArray("columns").add("c99");
        body.withObject("menu").putArray("unique_constraint").addArray().add("not_an_item");
        Http.Reply reply = member.post(define + "execute/", body);
        assertError(reply, 499, "499-00701");
        JsonNode errors = reply.data().path("errors");
        assertThat(errors.propertyNames()).contains("menu.menu_name_rest", "menu.menu_name", "menu.menu_group_for_input",
                "menu.role_list", "column.c1.item_name_rest", "column.c2.item_name_rest", "column.c4.item_name_rest",
                "column.c4.item_name", "column.c5.column_group", "column.c6.column_class",
                "group.g1.parent_full_col_group_name", "group.g2.parent_full_col_group_name", "group.g3.columns",
                "menu.unique_constraint");
        assertThat(errors.path("column.c1.item_name_rest").get(0).asString()).contains("every sheet has");
        assertThat(Http.JSON.readTree(reply.json().path("message").asString())).isEqualTo(errors);
        assertThat(viewer.get(menus + "menu_definition_list/filter/count/").data().asInt()).isZero();

        ObjectNode nested = sheet("create_new", "nested", DATA);
        String parent = null;
        for (int i = 1; i <= 40; i++) {
            ObjectNode group = nested.withObject("group").putObject("g" + i).put("group_name", "G" + i);
            group.put("parent_full_col_group_name", parent);
            parent = parent == null ? "G" + i : parent + "/G" + i;
        }
        text(nested, "c1", "deep").put("column_group", parent);
        Http.Reply deep = member.post(define + "execute/", nested);
        assertThat(deep.status()).as(deep.toString()).isEqualTo(200);

        ObjectNode hostgroup = sheet("create_new", "hg", HOST_OPERATION);
        hostgroup.withObject("menu").put("hostgroup", "1");
        assertReason(hostgroup, "menu.hostgroup", "no host groups");
    }

    @Test
    void pulldownsAndSheetReferencesResolveToMenusAndItems() {
        assertThat(member.post(menus + "operation_list/maintenance/",
                Map.of("type", "Register", "parameter", Map.of("operation_name", "op1"))).status()).isEqualTo(200);
        ObjectNode body = sheet("create_new", "links", HOST_OPERATION);
        item(body, "c1", "by_id", "IDColumn").put("pulldown_selection_id", "operation_list:operation_name")
                .put("pulldown_selection_default_value", "op1");
        item(body, "c2", "by_name", "IDColumn").put("pulldown_selection", "Basic Console:Device list:Host name");
        Http.Reply reply = member.post(define + "execute/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode column = store.find(org, "ws1", "links").orElseThrow().definition().path("column");
        assertThat(column.path("c1").path("pulldown_menu").asString()).isEqualTo("operation_list");
        assertThat(column.path("c1").path("pulldown_column").asString()).isEqualTo("operation_name");
        assertThat(column.path("c2").path("pulldown_menu").asString()).isEqualTo("device_list");

        JsonNode values = viewer.get(define + "pulldown/initial/operation_list/operation_name/").data();
        assertThat(values.size()).isEqualTo(1);
        assertThat(values.values().iterator().next().asString()).isEqualTo("op1");
        assertThat(viewer.get(define + "pulldown/initial/operation_list/environment/").data().isEmpty()).isTrue();
        assertThat(viewer.get(define + "reference/item/device_list/host_name/").data().findValuesAsString(
                "column_name_rest")).contains("ip_address", "login_user").doesNotContain("login_password", "host_name");
        assertThat(viewer.get(define + "reference/item/nothing/here/").data().isEmpty()).isTrue();
        assertError(http().get(define + "reference/item/device_list/host_name/"), 401, "401-00002");

        ObjectNode bad = sheet("create_new", "links2", HOST_OPERATION);
        item(bad, "c1", "a", "IDColumn").put("pulldown_selection_id", "operation_list:operation_name")
                .put("pulldown_selection_default_value", "op2");
        item(bad, "c2", "b", "IDColumn").put("pulldown_selection", "Nowhere:Nothing:None");
        item(bad, "c3", "c", "IDColumn");
        item(bad, "c4", "d", "IDColumn").put("pulldown_selection_id", "device_list:host_name")
                .putArray("reference_item").add("login_password");
        item(bad, "c5", "e", "ParameterSheetReference").put("parameter_sheet_reference", "links:by_id");
        Http.Reply refused = member.post(define + "execute/", bad);
        assertError(refused, 499, "499-00701");
        assertThat(refused.data().path("errors").propertyNames()).containsExactlyInAnyOrder(
                "column.c1.pulldown_selection_default_value", "column.c2.pulldown_selection",
                "column.c3.pulldown_selection", "column.c4.reference_item", "column.c5.parameter_sheet_reference");

        SheetStore.Sheet links = store.find(org, "ws1", "links").orElseThrow();
        store.markCreated(links.menuCreateId(), links.definition());
        JsonNode masters = member.get(define).data();
        assertThat(masters.path("parameter_sheet_reference_list").findValuesAsString("select_full_name"))
                .containsExactly("Input:links sheet:by_id item", "Input:links sheet:by_name item");
        ObjectNode referring = sheet("create_new", "refs", HOST_OPERATION);
        item(referring, "c1", "ref", "ParameterSheetReference").put("parameter_sheet_reference", "links:by_id");
        item(referring, "c2", "ref2", "ParameterSheetReference").put("parameter_sheet_reference_id",
                column.path("c2").path("create_column_id").asString());
        assertThat(member.post(define + "execute/", referring).status()).isEqualTo(200);
        JsonNode refs = store.find(org, "ws1", "refs").orElseThrow().definition().path("column");
        assertThat(refs.path("c1").path("parameter_sheet_reference_menu").asString()).isEqualTo("links");
        assertThat(refs.path("c2").path("parameter_sheet_reference_column").asString()).isEqualTo("by_name");

        ObjectNode data = sheet("create_new", "catalog", DATA);
        text(data, "c1", "code").put("uniqued", "1");
        text(data, "c2", "label");
        assertThat(member.post(define + "execute/", data).status()).isEqualTo(200);
        SheetStore.Sheet catalog = store.find(org, "ws1", "catalog").orElseThrow();
        store.markCreated(catalog.menuCreateId(), catalog.definition());
        JsonNode sources = member.get(define).data().path("pulldown_item_list");
        assertThat(sources.findValuesAsString("link_pulldown")).contains("Input:catalog sheet:code item");
        ObjectNode using = sheet("create_new", "using", DATA);
        item(using, "c1", "code", "IDColumn").put("pulldown_selection", "catalog:code").putArray("reference_item")
                .add("label");
        assertThat(member.post(define + "execute/", using).status()).isEqualTo(200);
    }

    @Test
    void whoMayDefineAndWhatABadRequestGets() {
        ObjectNode body = sheet("create_new", "matrix", DATA);
        text(body, "c1", "x");
        String execute = define + "execute/";

        assertError(http().post(execute, body), 401, "401-00002");
        assertError(http().get(define), 401, "401-00002");
        String stranger = unique("sd-other");
        createOrganization(stranger, "stranger", "stranger-pass");
        assertError(http().as("stranger", "stranger-pass").post(execute, body), 401, "401-00002");
        assertError(http().as("stranger", "stranger-pass").get(define), 401, "401-00002");
        assertError(viewer.post(execute, body), 403, "403-00001");
        assertThat(viewer.get(define).status()).isEqualTo(200);
        assertError(member.post(execute, "{\"type\": "), 400, "400-00002");
        assertError(member.post(execute, "[]"), 400, "400-00002");
        assertError(member.post(execute, Map.of("type", "create_new")), 400, "400-00002");
        assertError(member.send("POST", execute, null, body.toString().getBytes(StandardCharsets.UTF_8)), 415,
                "415-00001");
        assertError(member.send("POST", execute, "text/plain", body.toString().getBytes(StandardCharsets.UTF_8)), 415,
                "415-00001");

        setModes("0", "1");
        try {
            Http.Reply refused = member.post(execute, body);
            assertError(refused, 498, "498-00004");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(viewer.get(define).status()).isEqualTo(200);
            assertThat(viewer.get(menus + "menu_definition_list/filter/").status()).isEqualTo(200);
            assertThat(viewer.get(menus + "menu_creation_history/filter/count/").data().asInt()).isZero();
        } finally {
            setModes("0", "0");
        }
        assertThat(store.all(org, "ws1")).isEmpty();
        assertThat(member.post(execute, body).status()).isEqualTo(200);
    }

    private void assertRefused(ObjectNode body, String code) {
        Http.Reply reply = member.post(define + "execute/", body);
        assertError(reply, 499, code);
    }

    private void assertReason(ObjectNode body, String field, String reason) {
        Http.Reply reply = member.post(define + "execute/", body);
        assertError(reply, 499, "499-00701");
        assertThat(reply.data().path("errors").path(field).toString()).as(reply.toString()).contains(reason);
    }

    private static ObjectNode withValue(ObjectNode body, String column, String key, Object value) {
        ObjectNode copy = body.deepCopy();
        ObjectNode item = copy.withObject("column").withObject(column);
        if (value instanceof Integer number) {
            item.put(key, number);
        } else {
            item.put(key, String.valueOf(value));
        }
        return copy;
    }
}
