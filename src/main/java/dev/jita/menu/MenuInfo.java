package dev.jita.menu;

import dev.jita.platform.WorkspaceRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The answer of {@code info/} in Exastro's shape: {@code menu_info} (with {@code columns}, the display order),
 * {@code column_info} keyed c1, c2, … in that order, and {@code column_group_info} (jita's menus have no column
 * groups). Flags are "0"/"1" as Exastro answers them; what jita has no notion of (menu groups, tables, column
 * ids of a database) is null. Exastro's common columns come last: remarks, discard, last_update_date_time,
 * last_updated_user; a menu without an id column starts with uuid.
 */
final class MenuInfo {

    private static final String TEXT = "SingleTextColumn";

    private MenuInfo() {
    }

    static Map<String, Object> of(MenuDefinition menu, WorkspaceRole role, boolean japanese, ObjectMapper json) {
        List<Map<String, Object>> columns = new ArrayList<>();
        Column idColumn = menu.columns().stream().filter(c -> c.type() == ColumnType.ID).findFirst().orElse(null);
        if (idColumn == null) {
            columns.add(common(MenuService.UUID_KEY, "UUID", "UUID", TEXT, "1", "0", "1"));
        }
        for (Column column : menu.columns()) {
            columns.add(own(column, japanese, json));
        }
        columns.add(common(MenuService.REMARKS, "Remarks", "備考", "NoteColumn", "0", "1", "0"));
        columns.add(common(MenuService.DISCARD, "Discard", "廃止", TEXT, "1", "1", "0"));
        columns.add(common(MenuService.LAST_UPDATE, "Last update date/time", "最終更新日時", "LastUpdateDateColumn", "1", "0", "0"));
        columns.add(common(MenuService.LAST_USER, "Last updated by", "最終更新者", "LastUpdateUserColumn", "1", "0", "0"));

        Map<String, Object> columnInfo = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<String> inputOrder = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Object> column = columns.get(i);
            String key = "c" + (i + 1);
            column.put("column_disp_seq", (i + 1) * 10);
            if (japanese) {
                column.put("column_name", column.remove("column_name_ja"));
                column.remove("column_name_en");
            } else {
                column.put("column_name", column.remove("column_name_en"));
                column.remove("column_name_ja");
            }
            columnInfo.put(key, ordered(column));
            order.add(key);
            if ("1".equals(column.get("input_item"))) {
                inputOrder.add(key);
            }
        }

        boolean writable = menu.userWritable();
        Map<String, Object> menuInfo = new LinkedHashMap<>();
        menuInfo.put("menu_info", null);
        menuInfo.put("menu_group_id", null);
        menuInfo.put("menu_group_name", null);
        menuInfo.put("parent_menu_group_id", null);
        menuInfo.put("parent_menu_group_name", null);
        menuInfo.put("menu_id", menu.restName());
        menuInfo.put("menu_name", japanese ? menu.nameJa() : menu.nameEn());
        menuInfo.put("menu_name_rest", menu.restName());
        menuInfo.put("sheet_type", null);
        menuInfo.put("history_table_flag", "1");
        menuInfo.put("table_name", null);
        menuInfo.put("view_name", null);
        menuInfo.put("pk_column_name_rest", idColumn == null ? MenuService.UUID_KEY : idColumn.restName());
        menuInfo.put("inherit", "0");
        menuInfo.put("vertical", "0");
        menuInfo.put("row_insert_flag", flag(writable));
        menuInfo.put("row_update_flag", flag(writable));
        menuInfo.put("row_disuse_flag", flag(writable));
        menuInfo.put("row_reuse_flag", flag(writable));
        menuInfo.put("row_delete_flag", "0");
        menuInfo.put("login_necessity", "1");
        menuInfo.put("auto_filter_flg", null);
        menuInfo.put("initial_filter_flg", null);
        menuInfo.put("web_print_limit", null);
        menuInfo.put("web_print_confirm", null);
        menuInfo.put("xls_print_limit", null);
        menuInfo.put("sort_key", null);
        // Exastro's privileges: 1 maintains, 2 reads only.
        menuInfo.put("privilege", role == WorkspaceRole.MEMBER && writable ? "1" : "2");
        menuInfo.put("unique_constraint", menu.uniqueTogether());
        menuInfo.put("columns", order);
        menuInfo.put("columns_input", inputOrder);
        menuInfo.put("columns_view", order);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("menu_info", menuInfo);
        data.put("column_info", columnInfo);
        data.put("column_group_info", Map.of());
        data.put("custom_menu", Map.of());
        return data;
    }

    private static Map<String, Object> own(Column column, boolean japanese, ObjectMapper json) {
        boolean id = column.type() == ColumnType.ID;
        Map<String, Object> info = common(column.restName(), column.nameEn(), column.nameJa(), columnType(column.type()),
                flag(id), flag(!id && !column.readOnly()), flag(column.unique()));
        info.put("required_item", flag(column.required()));
        if (column.type() == ColumnType.REFERENCE) {
            info.put("ref_table_name", column.referencedMenu());
            info.put("ref_col_name", column.referencedColumn());
        }
        Map<String, Object> options = new LinkedHashMap<>();
        switch (column.type()) {
            case INTEGER -> {
                options.put("int_min", column.minimum());
                options.put("int_max", column.maxLength());
            }
            case DATETIME, DATE, ID, LANGUAGE -> {
            }
            default -> {
                options.put("min_length", 0);
                options.put("max_length", column.maxLength());
            }
        }
        if (!column.choices().isEmpty()) {
            options.put("choices", column.choices());
        }
        if (column.pattern() != null) {
            options.put("preg_match", column.pattern().pattern());
        }
        info.put("validate_option", options.isEmpty() ? null : json.writeValueAsString(options));
        return info;
    }

    private static Map<String, Object> common(String restName, String en, String ja, String type, String autoInput,
                                              String inputItem, String uniqueItem) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("column_id", restName);
        info.put("column_name_en", en);
        info.put("column_name_ja", ja);
        info.put("column_name_rest", restName);
        info.put("column_type", type);
        info.put("auto_input", autoInput);
        info.put("input_item", inputItem);
        info.put("view_item", "1");
        info.put("unique_item", uniqueItem);
        info.put("required_item", "0");
        return info;
    }

    /** One column's fields in the order of Exastro's description. */
    private static Map<String, Object> ordered(Map<String, Object> column) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (String field : List.of("column_id", "column_name", "column_name_rest", "column_group_id", "column_group_name",
                "column_type", "column_disp_seq", "description", "ref_table_name", "ref_pkey_name", "ref_col_name",
                "ref_sort_conditions", "ref_multi_lang", "sensitive_coloumn_name", "col_name", "button_action", "save_type",
                "auto_input", "input_item", "view_item", "unique_item", "required_item", "initial_value",
                "validate_option", "before_validate_register", "after_validate_register")) {
            info.put(field, column.get(field));
        }
        return info;
    }

    /** Exastro's column class of each of jita's column types. */
    private static String columnType(ColumnType type) {
        return switch (type) {
            case ID, STRING, LANGUAGE -> TEXT;
            case MULTILINE -> "MultiTextColumn";
            case INTEGER -> "NumColumn";
            case FLOAT -> "FloatColumn";
            case DATETIME -> "DateTimeColumn";
            case DATE -> "DateColumn";
            case LINK -> "HostInsideLinkTextColumn";
            case CHOICE, REFERENCE -> "IDColumn";
            case PASSWORD -> "PasswordColumn";
            case FILE -> "FileUploadColumn";
        };
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }
}
