package dev.jita.menu;

import dev.jita.platform.WorkspaceRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The answer of {@code info/} in Exastro's shape: {@code menu_info} (with {@code columns}, the display order of
 * the top entries: columns not in a group and top groups), {@code column_info} keyed c1, c2, … in display order,
 * and {@code column_group_info} keyed g1, g2, … (empty for a menu without column groups). Flags are "0"/"1" as
 * Exastro answers them; what jita has no notion of (menu groups, tables, column ids of a database) is null. Exastro's common columns come last: remarks, discard, last_update_date_time,
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
        Groups groups = new Groups(menu, japanese);
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
            String groupId = (String) column.get("column_group_id");
            boolean input = "1".equals(column.get("input_item"));
            if (groupId != null) {
                column.put("column_group_name", groups.fullName(groupId));
            }
            columnInfo.put(key, ordered(column));
            String top = groupId == null ? key : groups.add(groupId, key, input);
            if (!order.contains(top)) {
                order.add(top);
            }
            if (input && !inputOrder.contains(top)) {
                inputOrder.add(top);
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
        menuInfo.put("sheet_type", menu.sheet() == null ? null : menu.sheet().sheetType());
        menuInfo.put("history_table_flag", "1");
        menuInfo.put("table_name", null);
        menuInfo.put("view_name", null);
        menuInfo.put("pk_column_name_rest", idColumn == null ? MenuService.UUID_KEY : idColumn.restName());
        menuInfo.put("inherit", "0");
        menuInfo.put("vertical", menu.sheet() == null ? "0" : menu.sheet().vertical());
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
        data.put("column_group_info", groups.info());
        data.put("custom_menu", Map.of());
        return data;
    }

    private static Map<String, Object> own(Column column, boolean japanese, ObjectMapper json) {
        boolean id = column.type() == ColumnType.ID;
        Map<String, Object> info = common(column.restName(), column.nameEn(), column.nameJa(), columnType(column.type()),
                flag(id), flag(!id && !column.readOnly()), flag(column.unique()));
        info.put("required_item", flag(column.required()));
        info.put("column_group_id", column.group());
        info.put("description", column.description());
        info.put("initial_value", column.initialValue());
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
            case FLOAT -> {
                options.put("float_min", column.decimalMinimum() == null ? null : column.decimalMinimum().toPlainString());
                options.put("float_max", column.decimalMaximum() == null ? null : column.decimalMaximum().toPlainString());
                options.put("float_digit", column.digits());
            }
            case FILE -> {
                options.put("min_length", 0);
                options.put("max_length", column.maxLength());
                if (column.uploadMaximumBytes() > 0) {
                    options.put("upload_max_size", column.uploadMaximumBytes());
                }
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
        if (column.pattern() != null && column.type() != ColumnType.REFERENCE) {
            options.put("preg_match", column.pattern().pattern());
        }
        info.put("validate_option", options.isEmpty() ? null : json.writeValueAsString(options));
        return info;
    }

    /**
     * Column groups as Exastro numbers them: g1, g2, … in the order columns first reach them (a column's own
     * group, then its parents); each lists its columns and child groups in display order.
     */
    private static final class Groups {
        private final MenuDefinition menu;
        private final boolean japanese;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final Map<String, List<String>> members = new LinkedHashMap<>();
        private final Map<String, List<String>> inputMembers = new LinkedHashMap<>();

        Groups(MenuDefinition menu, boolean japanese) {
            this.menu = menu;
            this.japanese = japanese;
        }

        /** Adds a column (key c…) to its group and the group to its parents; returns the key of the top group. */
        String add(String groupId, String columnKey, boolean input) {
            String member = columnKey;
            String id = groupId;
            String top = null;
            while (id != null) {
                String key = keys.computeIfAbsent(id, g -> "g" + (keys.size() + 1));
                addOnce(members.computeIfAbsent(key, k -> new ArrayList<>()), member);
                if (input) {
                    addOnce(inputMembers.computeIfAbsent(key, k -> new ArrayList<>()), member);
                }
                top = key;
                member = key;
                id = menu.columnGroup(id).map(MenuDefinition.ColumnGroup::parentId).orElse(null);
            }
            return top;
        }

        String fullName(String groupId) {
            List<String> names = new ArrayList<>();
            for (String id = groupId; id != null; id = menu.columnGroup(id).map(MenuDefinition.ColumnGroup::parentId).orElse(null)) {
                names.add(0, name(id));
            }
            return String.join("/", names);
        }

        private String name(String id) {
            return menu.columnGroup(id).map(g -> japanese ? g.nameJa() : g.nameEn()).orElse(id);
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            keys.forEach((id, key) -> {
                String parent = menu.columnGroup(id).map(MenuDefinition.ColumnGroup::parentId).orElse(null);
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("columns", members.get(key));
                group.put("columns_input", inputMembers.getOrDefault(key, List.of()));
                group.put("columns_view", members.get(key));
                group.put("column_group_id", id);
                group.put("column_group_name", name(id));
                group.put("parent_column_group_id", parent);
                group.put("parent_column_group_name", parent == null ? null : name(parent));
                info.put(key, group);
            });
            return info;
        }

        private static void addOnce(List<String> list, String value) {
            if (!list.contains(value)) {
                list.add(value);
            }
        }
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
