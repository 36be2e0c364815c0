package dev.jita.parametersheet;

import dev.jita.basic.BasicMenus;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The menus a sheet definition (in the normal form of docs/parameter-sheets.md) makes: the input menu under the
 * sheet's REST name and, for parameter sheets, the read-only {@code <rest>_subst} view of the same records.
 * Pure: the same definition always makes the same menus, on every node.
 */
final class SheetLayout {

    static final String HOST = "host_name";
    static final String OPERATION = "operation_name_select";
    static final String OPERATION_DISPLAY = "operation_name_disp";
    static final String BASE_DATETIME = "base_datetime";
    static final String OPERATION_DATE = "operation_date";
    static final String LAST_EXECUTE = "last_execute_timestamp";
    static final String INPUT_ORDER = "input_order";
    static final String NO_ITEM = "no_item";
    static final String SUBST = "_subst";
    static final String HOST_OPERATION = "1";
    static final String DATA = "2";
    static final String OPERATION_ONLY = "3";
    /** Exastro's display form of an operation, "YYYY/MM/DD hh:mm_<name>": group 1 is the name. */
    static final String OPERATION_DISPLAY_FORM = "\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}_(.+)";

    private static final String OPERATION_GROUP = "Operation";
    private static final String PARAMETER_GROUP = "Parameter";
    private static final BigDecimal DECIMAL_LIMIT = new BigDecimal("99999999999999");

    private SheetLayout() {
    }

    /** The sheet's menus, input menu first; IllegalArgumentException when the definition cannot make them. */
    static List<MenuDefinition> menus(JsonNode definition) {
        JsonNode menu = definition.path("menu");
        String rest = required(menu, "menu_name_rest");
        String name = required(menu, "menu_name");
        String sheetType = required(menu, "sheet_type");
        if (!List.of(HOST_OPERATION, DATA, OPERATION_ONLY).contains(sheetType)) {
            throw new IllegalArgumentException("sheet_type " + sheetType + " is not 1, 2 or 3");
        }
        boolean parameterSheet = !sheetType.equals(DATA);
        boolean bundle = parameterSheet && "1".equals(text(menu, "vertical"));
        Map<String, MenuDefinition.ColumnGroup> groups = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        List<List<String>> unique = new ArrayList<>();
        if (sheetType.equals(HOST_OPERATION)) {
            columns.add(Column.reference(HOST, "Host name", "ホスト名", true, BasicMenus.DEVICES + ".host_name"));
        }
        if (parameterSheet) {
            groups.put(OPERATION_GROUP, new MenuDefinition.ColumnGroup(OPERATION_GROUP, "Operation", "オペレーション", null));
            columns.add(Column.reference(OPERATION, "Operation", "オペレーション", true,
                            BasicMenus.OPERATIONS + ".operation_name")
                    .matching(OPERATION_DISPLAY_FORM).asUnique(sheetType.equals(OPERATION_ONLY) && !bundle)
                    .shown(OPERATION_GROUP, null, null));
            columns.add(Column.text(OPERATION_DISPLAY, "Operation name", "オペレーション名", false, false, 300)
                    .filledByJita().shown(OPERATION_GROUP, null, null));
            columns.add(Column.dateTime(BASE_DATETIME, "Base date/time", "基準日時", false).filledByJita()
                    .shown(OPERATION_GROUP, null, null));
            columns.add(Column.dateTime(OPERATION_DATE, "Scheduled date for execution", "実施予定日", false)
                    .filledByJita().shown(OPERATION_GROUP, null, null));
            columns.add(Column.dateTime(LAST_EXECUTE, "Last run date", "最終実行日時", false).filledByJita()
                    .shown(OPERATION_GROUP, null, null));
            List<String> key = new ArrayList<>(List.of(OPERATION));
            if (sheetType.equals(HOST_OPERATION)) {
                key.add(HOST);
            }
            if (bundle) {
                columns.add(Column.integer(INPUT_ORDER, "Input order", "代入順序", true, 0, Integer.MAX_VALUE));
                key.add(INPUT_ORDER);
            }
            if (key.size() > 1) {
                unique.add(key);
            }
        }
        String top = null;
        if (parameterSheet) {
            top = PARAMETER_GROUP;
            groups.put(PARAMETER_GROUP, new MenuDefinition.ColumnGroup(PARAMETER_GROUP, "Parameter", "パラメータ", null));
        }
        List<JsonNode> items = new ArrayList<>(definition.path("column").values());
        items.sort(Comparator.comparingInt(item -> item.path("display_order").asInt(Integer.MAX_VALUE)));
        for (JsonNode item : items) {
            String groupId = group(groups, top, text(item, "column_group"));
            columns.addAll(items(item, groupId));
        }
        if (items.isEmpty() && parameterSheet) {
            columns.add(Column.text(NO_ITEM, "No item", "項目なし", false, false, 255).filledByJita()
                    .shown(PARAMETER_GROUP, null, null));
        }
        for (JsonNode key : definition.path("menu").path("unique_constraint").values()) {
            List<String> names = new ArrayList<>();
            key.values().forEach(n -> names.add(n.asString()));
            unique.add(names);
        }
        checkNames(rest, columns, unique);
        MenuDefinition.Sheet sheet = new MenuDefinition.Sheet(sheetType, bundle ? "1" : "0");
        List<MenuDefinition.ColumnGroup> groupList = List.copyOf(groups.values());
        List<MenuDefinition> menus = new ArrayList<>();
        menus.add(new MenuDefinition(rest, name, name, List.copyOf(columns), List.copyOf(unique), true, groupList,
                sheet, null));
        if (parameterSheet) {
            menus.add(new MenuDefinition(rest + SUBST, name, name,
                    columns.stream().map(Column::filledByJita).toList(), List.copyOf(unique), false, groupList, sheet,
                    rest));
        }
        return menus;
    }

    /** The id of an item's group ("Parameter/A/B"), adding it and its parents; null when the item has none. */
    private static String group(Map<String, MenuDefinition.ColumnGroup> groups, String top, String path) {
        String parent = top;
        if (path == null || path.isBlank()) {
            return parent;
        }
        for (String name : path.split("/")) {
            String id = parent == null ? name : parent + "/" + name;
            groups.putIfAbsent(id, new MenuDefinition.ColumnGroup(id, name, name, parent));
            parent = id;
        }
        return parent;
    }

    /** An item's column, and for a pulldown the read-only columns of its reference items. */
    private static List<Column> items(JsonNode item, String groupId) {
        String rest = required(item, "item_name_rest");
        String name = required(item, "item_name");
        boolean required = "1".equals(text(item, "required"));
        boolean unique = "1".equals(text(item, "uniqued"));
        String columnClass = required(item, "column_class");
        String description = text(item, "description");
        List<Column> extra = new ArrayList<>();
        String initial = null;
        Column column = switch (columnClass) {
            case "SingleTextColumn" -> {
                initial = text(item, "single_string_default_value");
                yield pattern(Column.text(rest, name, name, required, unique,
                        number(item, "single_string_maximum_bytes", 65_536)).inBytes(),
                        text(item, "single_string_regular_expression"));
            }
            case "MultiTextColumn" -> {
                initial = text(item, "multi_string_default_value");
                yield pattern(Column.multiline(rest, name, name, required, number(item, "multi_string_maximum_bytes", 65_536))
                        .inBytes().asUnique(unique), text(item, "multi_string_regular_expression"));
            }
            case "NumColumn" -> {
                initial = text(item, "integer_default_value");
                yield Column.integer(rest, name, name, required, number(item, "integer_minimum_value", Integer.MIN_VALUE),
                        number(item, "integer_maximum_value", Integer.MAX_VALUE)).asUnique(unique);
            }
            case "FloatColumn" -> {
                initial = text(item, "decimal_default_value");
                yield Column.decimal(rest, name, name, required, decimal(item, "decimal_minimum_value", DECIMAL_LIMIT.negate()),
                        decimal(item, "decimal_maximum_value", DECIMAL_LIMIT), number(item, "decimal_digit", 14))
                        .asUnique(unique);
            }
            case "DateTimeColumn" -> {
                initial = text(item, "datetime_default_value");
                yield Column.dateTime(rest, name, name, required).asUnique(unique);
            }
            case "DateColumn" -> {
                initial = text(item, "date_default_value");
                yield Column.date(rest, name, name, required).asUnique(unique);
            }
            case "IDColumn" -> {
                initial = text(item, "pulldown_selection_default_value");
                String menu = required(item, "pulldown_menu");
                int n = 1;
                for (JsonNode reference : item.path("reference_item").values()) {
                    String target = reference.asString();
                    extra.add(Column.referenceItem(rest + "_ref_" + n++, name + "/" + target, name + "/" + target, rest,
                            menu + "." + target).shown(groupId, null, null));
                }
                yield Column.reference(rest, name, name, required, menu + "." + required(item, "pulldown_column"))
                        .asUnique(unique);
            }
            case "PasswordColumn" -> new Column(rest, name, name, ColumnType.PASSWORD, required, false,
                    number(item, "password_maximum_bytes", 8192), 0, null, List.of(), null, false).inBytes();
            case "FileUploadColumn" -> Column.file(rest, name, name, required)
                    .uploadsUpTo(number(item, "file_upload_maximum_bytes", 0));
            case "HostInsideLinkTextColumn" -> {
                initial = text(item, "link_default_value");
                yield Column.link(rest, name, name, required, number(item, "link_maximum_bytes", 8192)).inBytes()
                        .asUnique(unique);
            }
            case "ParameterSheetReference" -> Column.reference(rest, name, name, required,
                    required(item, "parameter_sheet_reference_menu") + "."
                            + required(item, "parameter_sheet_reference_column")).keyedOn(OPERATION).asUnique(unique);
            default -> throw new IllegalArgumentException("item " + rest + ": unknown column class " + columnClass);
        };
        List<Column> columns = new ArrayList<>();
        columns.add(column.shown(groupId, description, initial));
        columns.addAll(extra);
        return columns;
    }

    private static void checkNames(String rest, List<Column> columns, List<List<String>> unique) {
        List<String> names = new ArrayList<>(List.of("uuid", "remarks", "discard", "last_update_date_time",
                "last_updated_user"));
        for (Column column : columns) {
            if (names.contains(column.restName())) {
                throw new IllegalArgumentException("sheet " + rest + ": the column name " + column.restName()
                        + " is used twice (or is one of the columns every menu has)");
            }
            names.add(column.restName());
        }
        for (List<String> key : unique) {
            for (String name : key) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("unique_constraint names " + name + ", which is no item of " + rest);
                }
            }
        }
    }

    private static Column pattern(Column column, String regex) {
        return regex == null || regex.isEmpty() ? column : column.matching(regex);
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static int number(JsonNode node, String field, int absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isEmpty())) {
            return absent;
        }
        try {
            return value.isNumber() ? value.intValue() : Integer.parseInt(value.stringValue());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not an integer: " + value);
        }
    }

    private static BigDecimal decimal(JsonNode node, String field, BigDecimal absent) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number: " + value);
        }
    }
}
