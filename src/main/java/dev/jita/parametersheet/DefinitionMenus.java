package dev.jita.parametersheet;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.StatusTable;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * Exastro's definition menus, read-only and served from the sheet tables through the ordinary menu endpoints:
 * the definitions, their items, column groups, unique constraints, roles, and the creation history with the
 * status of each request's ita-by-menu-create item. Definitions are written through create/define/execute/ only.
 */
@Configuration
class DefinitionMenus implements MenuCatalog.MenuProvider {

    static final String DEFINITIONS = "menu_definition_list";
    static final String ITEMS = "menu_item_creation_info";
    static final String GROUPS = "column_group_creation_info";
    static final String UNIQUE_CONSTRAINTS = "unique_constraint_creation_info";
    static final String ROLES = "menu_role_creation_info";
    static final String HISTORY = "menu_creation_history";
    private static final int TEXT = 4000;
    private static final int LONG_TEXT = 65536;

    @Override
    public List<MenuDefinition> menus() {
        return List.of(
                menu(DEFINITIONS, "Parameter sheet definition list", "パラメータシート定義一覧",
                        text("menu_name_ja", "Parameter sheet name (ja)", "パラメータシート名(ja)"),
                        text("menu_name_en", "Parameter sheet name (en)", "パラメータシート名(en)"),
                        text("menu_name_rest", "Parameter sheet name (rest)", "パラメータシート名(rest)"),
                        text("sheet_type", "Sheet type", "シートタイプ"),
                        number("display_order", "Display order", "表示順序"),
                        text("vertical", "Bundle", "バンドル"),
                        text("hostgroup", "Hostgroup", "ホストグループ利用"),
                        text("menu_group_for_input", "Menu group for input", "入力用メニューグループ"),
                        text("menu_group_for_subst", "Menu group for substitution value auto-registration",
                                "代入値自動登録用メニューグループ"),
                        text("menu_group_for_ref", "Menu group for reference", "参照用メニューグループ"),
                        text("menu_create_done_status", "Parameter sheet create done status", "パラメータシート作成状態"),
                        multiline("description_ja", "Description (ja)", "説明(ja)"),
                        multiline("description_en", "Description (en)", "説明(en)")),
                menu(GROUPS, "Column group creation info", "カラムグループ作成情報",
                        text("menu_name", "Parameter sheet name", "パラメータシート名"),
                        text("parent_column_group", "Parent column group", "親カラムグループ"),
                        text("column_group_name_ja", "Column group name (ja)", "カラムグループ名(ja)"),
                        text("column_group_name_en", "Column group name (en)", "カラムグループ名(en)"),
                        text("full_column_group_name_ja", "Full column group name (ja)", "フルカラムグループ名(ja)"),
                        text("full_column_group_name_en", "Full column group name (en)", "フルカラムグループ名(en)")),
                menu(ITEMS, "Parameter sheet item creation info", "パラメータシート項目作成情報",
                        text("menu_name", "Parameter sheet name", "パラメータシート名"),
                        text("item_name_ja", "Item name (ja)", "項目名(ja)"),
                        text("item_name_en", "Item name (en)", "項目名(en)"),
                        text("item_name_rest", "Item name (rest)", "項目名(rest)"),
                        multiline("description_ja", "Description (ja)", "説明(ja)"),
                        multiline("description_en", "Description (en)", "説明(en)"),
                        text("column_group", "Column group", "カラムグループ"),
                        text("column_class", "Column class", "カラムクラス"),
                        number("display_order", "Display order", "表示順序"),
                        text("required", "Required", "必須"),
                        text("uniqued", "Uniqued", "一意制約"),
                        number("single_string_maximum_bytes", "Maximum number of bytes", "最大バイト数"),
                        text("single_string_regular_expression", "Regular expression", "正規表現"),
                        text("single_string_default_value", "Default value", "初期値"),
                        number("multi_string_maximum_bytes", "Maximum number of bytes", "最大バイト数"),
                        text("multi_string_regular_expression", "Regular expression", "正規表現"),
                        multiline("multi_string_default_value", "Default value", "初期値"),
                        number("integer_maximum_value", "Maximum value", "最大値"),
                        number("integer_minimum_value", "Minimum value", "最小値"),
                        number("integer_default_value", "Default value", "初期値"),
                        text("decimal_maximum_value", "Maximum value", "最大値"),
                        text("decimal_minimum_value", "Minimum value", "最小値"),
                        number("decimal_digit", "Digit", "桁数"),
                        text("decimal_default_value", "Default value", "初期値"),
                        text("datetime_default_value", "Default value", "初期値"),
                        text("date_default_value", "Default value", "初期値"),
                        text("pulldown_selection", "Menu group:Menu:Item", "メニューグループ:メニュー:項目"),
                        text("pulldown_selection_default_value", "Default value", "初期値"),
                        text("reference_item", "Reference item", "参照項目"),
                        number("password_maximum_bytes", "Maximum number of bytes", "最大バイト数"),
                        number("file_upload_maximum_bytes", "Maximum number of bytes", "最大バイト数"),
                        number("link_maximum_bytes", "Maximum number of bytes", "最大バイト数"),
                        text("link_default_value", "Default value", "初期値"),
                        text("parameter_sheet_reference", "Menu group:Menu:Item", "メニューグループ:メニュー:項目")),
                menu(UNIQUE_CONSTRAINTS, "Unique constraint(Multiple items) creation info", "一意制約(複数項目)作成情報",
                        text("menu_name", "Parameter sheet name", "パラメータシート名"),
                        text("unique_constraint_item", "Unique constraint item", "一意制約(複数項目)")),
                menu(ROLES, "Parameter sheet role creation info", "パラメータシートロール作成情報",
                        text("menu_name", "Parameter sheet name", "パラメータシート名"),
                        text("role_name", "Role name", "ロール名")),
                menu(HISTORY, "Parameter sheet creation history", "パラメータシート作成履歴",
                        text("menu_name", "Parameter sheet name", "パラメータシート名"),
                        text("status", "Status", "ステータス"),
                        text("create_type", "Create type", "作成タイプ")));
    }

    private static MenuDefinition menu(String rest, String en, String ja, Column... columns) {
        return new MenuDefinition(rest, en, ja, List.of(columns), List.of(), false);
    }

    private static Column text(String rest, String en, String ja) {
        return Column.text(rest, en, ja, false, false, LONG_TEXT).filledByJita();
    }

    private static Column multiline(String rest, String en, String ja) {
        return Column.multiline(rest, en, ja, false, LONG_TEXT).filledByJita();
    }

    private static Column number(String rest, String en, String ja) {
        return Column.integer(rest, en, ja, false, Integer.MIN_VALUE, Integer.MAX_VALUE).filledByJita();
    }

    /** One menu's records, made from the workspace's sheets. */
    private record SheetRecords(String menu, SheetStore store, Function<SheetStore.Sheet, List<MenuService.Record>> rows)
            implements MenuRecordSource {

        @Override
        public List<MenuService.Record> records(String organizationId, String workspaceId) {
            List<MenuService.Record> records = new ArrayList<>();
            store.all(organizationId, workspaceId).forEach(sheet -> records.addAll(rows.apply(sheet)));
            return records;
        }
    }

    @Bean
    MenuRecordSource definitionListRecords(SheetStore store) {
        return new SheetRecords(DEFINITIONS, store, sheet -> {
            JsonNode menu = sheet.definition().path("menu");
            Map<String, Object> row = start(sheet.menuCreateId());
            row.put("menu_name_ja", text(menu.path("menu_name")));
            row.put("menu_name_en", text(menu.path("menu_name")));
            row.put("menu_name_rest", sheet.menuNameRest());
            row.put("sheet_type", SheetType.of(menu.path("sheet_type").asString()).map(t -> t.displayName(false))
                    .orElse(null));
            row.put("display_order", value(menu.path("display_order")));
            row.put("vertical", bool(menu.path("vertical")));
            row.put("hostgroup", bool(menu.path("hostgroup")));
            row.put("menu_group_for_input", text(menu.path("menu_group_for_input")));
            row.put("menu_group_for_subst", text(menu.path("menu_group_for_subst")));
            row.put("menu_group_for_ref", text(menu.path("menu_group_for_ref")));
            row.put("menu_create_done_status", sheet.created() ? "Created" : "Not created");
            row.put("description_ja", text(menu.path("description")));
            row.put("description_en", text(menu.path("description")));
            return List.of(record(row, text(menu.path("remarks")), sheet.lastUpdate(), sheet.lastUpdateUser()));
        });
    }

    @Bean
    MenuRecordSource itemRecords(SheetStore store) {
        return new SheetRecords(ITEMS, store, sheet -> {
            List<MenuService.Record> rows = new ArrayList<>();
            String menuName = text(sheet.definition().path("menu").path("menu_name"));
            for (JsonNode item : sheet.definition().path("column").values()) {
                Map<String, Object> row = start(item.path("create_column_id").asString());
                row.put("menu_name", menuName);
                row.put("item_name_ja", text(item.path("item_name")));
                row.put("item_name_en", text(item.path("item_name")));
                row.put("item_name_rest", text(item.path("item_name_rest")));
                row.put("description_ja", text(item.path("description")));
                row.put("description_en", text(item.path("description")));
                row.put("column_group", text(item.path("column_group")));
                row.put("column_class", text(item.path("column_class")));
                row.put("display_order", value(item.path("display_order")));
                row.put("required", bool(item.path("required")));
                row.put("uniqued", bool(item.path("uniqued")));
                for (String key : List.of("single_string_maximum_bytes", "single_string_regular_expression",
                        "single_string_default_value", "multi_string_maximum_bytes", "multi_string_regular_expression",
                        "multi_string_default_value", "integer_maximum_value", "integer_minimum_value",
                        "integer_default_value", "decimal_digit", "datetime_default_value", "date_default_value",
                        "pulldown_selection_default_value", "password_maximum_bytes", "file_upload_maximum_bytes",
                        "link_maximum_bytes", "link_default_value")) {
                    row.put(key, value(item.path(key)));
                }
                for (String key : List.of("decimal_maximum_value", "decimal_minimum_value", "decimal_default_value")) {
                    row.put(key, item.path(key).isNumber() ? item.path(key).decimalValue().toPlainString() : null);
                }
                row.put("pulldown_selection", item.hasNonNull("pulldown_menu")
                        ? item.path("pulldown_menu").asString() + ":" + item.path("pulldown_column").asString() : null);
                row.put("reference_item", item.path("reference_item").isArray() ? item.path("reference_item").toString()
                        : null);
                row.put("parameter_sheet_reference", item.hasNonNull("parameter_sheet_reference_menu")
                        ? item.path("parameter_sheet_reference_menu").asString() + ":"
                        + item.path("parameter_sheet_reference_column").asString() : null);
                rows.add(record(row, text(item.path("remarks")), sheet.lastUpdate(), sheet.lastUpdateUser()));
            }
            return rows;
        });
    }

    @Bean
    MenuRecordSource groupRecords(SheetStore store) {
        return new SheetRecords(GROUPS, store, sheet -> {
            List<MenuService.Record> rows = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : sheet.definition().path("group").properties()) {
                JsonNode group = entry.getValue();
                String parent = text(group.path("parent_full_col_group_name"));
                String full = (parent == null ? "" : parent + "/") + text(group.path("group_name"));
                Map<String, Object> row = start(derivedId(sheet, "group:" + entry.getKey()));
                row.put("menu_name", text(sheet.definition().path("menu").path("menu_name")));
                row.put("parent_column_group", parent);
                row.put("column_group_name_ja", text(group.path("group_name")));
                row.put("column_group_name_en", text(group.path("group_name")));
                row.put("full_column_group_name_ja", full);
                row.put("full_column_group_name_en", full);
                rows.add(record(row, null, sheet.lastUpdate(), sheet.lastUpdateUser()));
            }
            return rows;
        });
    }

    @Bean
    MenuRecordSource uniqueConstraintRecords(SheetStore store) {
        return new SheetRecords(UNIQUE_CONSTRAINTS, store, sheet -> {
            JsonNode constraint = sheet.definition().path("menu").path("unique_constraint");
            if (!constraint.isArray() || constraint.isEmpty()) {
                return List.of();
            }
            Map<String, Object> row = start(derivedId(sheet, "unique_constraint"));
            row.put("menu_name", text(sheet.definition().path("menu").path("menu_name")));
            row.put("unique_constraint_item", constraint.toString());
            return List.of(record(row, null, sheet.lastUpdate(), sheet.lastUpdateUser()));
        });
    }

    @Bean
    MenuRecordSource roleRecords(SheetStore store) {
        return new SheetRecords(ROLES, store, sheet -> {
            List<MenuService.Record> rows = new ArrayList<>();
            for (JsonNode role : sheet.definition().path("menu").path("role_list").values()) {
                Map<String, Object> row = start(derivedId(sheet, "role:" + role.asString()));
                row.put("menu_name", text(sheet.definition().path("menu").path("menu_name")));
                row.put("role_name", role.asString());
                rows.add(record(row, null, sheet.lastUpdate(), sheet.lastUpdateUser()));
            }
            return rows;
        });
    }

    /**
     * One row per execute/ request, its status from its backyard item and, for a Completed(error), the item's note
     * (the reason) as remarks.
     */
    @Bean
    MenuRecordSource historyRecords(SheetStore store, BackyardItems items) {
        return new MenuRecordSource() {
            @Override
            public String menu() {
                return HISTORY;
            }

            @Override
            public List<MenuService.Record> records(String organizationId, String workspaceId) {
                Map<String, BackyardItems.Item> byId = new LinkedHashMap<>();
                items.list(Backyard.MENU_CREATE, organizationId, workspaceId).forEach(i -> byId.put(i.itemId(), i));
                List<MenuService.Record> rows = new ArrayList<>();
                for (SheetStore.History history : store.histories(organizationId, workspaceId)) {
                    BackyardItems.Item item = byId.get(history.historyId());
                    if (item == null) {
                        continue;
                    }
                    Map<String, Object> row = start(history.historyId());
                    row.put("menu_name", text(history.definition().path("menu").path("menu_name")));
                    row.put("status", StatusTable.MENU_CREATE.name(item.statusId(), false));
                    row.put("create_type", switch (history.createType()) {
                        case SheetStore.INITIALIZE -> "Initialize";
                        case SheetStore.EDIT -> "Edit";
                        default -> "Create New";
                    });
                    boolean failed = item.statusId() == StatusTable.MENU_CREATE.unexpectedError();
                    rows.add(record(row, failed ? item.note() : null, item.lastUpdateTimestamp(), item.registeredBy()));
                }
                return rows;
            }
        };
    }

    private static Map<String, Object> start(String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uuid", id);
        return row;
    }

    /** The row with Exastro's common columns last, as the menu engine shows every record. */
    private static MenuService.Record record(Map<String, Object> row, String remarks, Instant lastUpdate, String user) {
        row.put("remarks", remarks);
        row.put("discard", "0");
        row.put("last_update_date_time", lastUpdate == null ? null : MenuService.STAMP.format(lastUpdate));
        row.put("last_updated_user", user);
        return new MenuService.Record((String) row.get("uuid"), row, Map.of(), false);
    }

    /** A stable id for a row that has none of its own (a group, a role of a sheet). */
    private static String derivedId(SheetStore.Sheet sheet, String part) {
        return UUID.nameUUIDFromBytes((sheet.menuCreateId() + "/" + part).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isIntegralNumber() ? (Object) node.longValue() : node.asString();
    }

    private static String bool(JsonNode node) {
        String flag = text(node);
        return flag == null ? null : "1".equals(flag) ? "True" : "False";
    }
}
