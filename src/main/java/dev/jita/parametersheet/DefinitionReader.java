package dev.jita.parametersheet;

import dev.jita.core.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body of {@code create/define/execute/} into the normal form of a definition (docs/parameter-sheets.md),
 * refusing it with Exastro's codes: the checks Exastro makes before it writes anything first (499-00703,
 * 00711–00715), then the sheet it names (499-00703, 00710, 00704), then every field at once (499-00701, the
 * reasons per field as JSON in the message and in {@code data.errors}), then what Edit may not change (499-00706–
 * 00708).
 */
final class DefinitionReader {

    static final String CREATE_NEW = "create_new";
    static final String INITIALIZE = "initialize";
    static final String EDIT = "edit";
    static final int MENU_NAME_REST_LENGTH = 240;
    static final int NAME_LENGTH = 255;
    static final int TEXT_LENGTH = 4000;
    static final BigDecimal DECIMAL_LIMIT = new BigDecimal("99999999999999");
    static final int MAX_DIGITS = 14;
    static final Pattern REST_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern MENU_NAME_REFUSED = Pattern.compile("[\\\\/:*?\"<>|\\[\\]：￥／＊［］]");
    private static final Pattern ITEM_NAME_REFUSED = Pattern.compile("[\\\\/]");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The columns every sheet has besides its items (the spec's fixed columns): no item may take their names. */
    static final Set<String> FIXED_COLUMNS = Set.of("host_name", "operation_name_select", "operation_name_disp",
            "base_datetime", "operation_date", "last_execute_timestamp", "input_order", "uuid", "remarks", "discard",
            "last_update_date_time", "last_updated_user", "no_item");

    /**
     * What a definition is read against.
     *
     * @param existing       the sheet the request names by menu_create_id, null for a new one
     * @param existingStamp  that sheet's last_update_date_time as the API shows it
     * @param takenMenuNames REST names of menus the sheet's menus may not take (fixed menus, other sheets' menus)
     * @param takenNames     display names the sheet may not take (fixed menus', other sheets')
     * @param pulldownValues the values a pulldown source offers now, when jita can read its menu
     */
    record Context(String type, SheetStore.Sheet existing, String existingStamp, Set<String> takenMenuNames,
                   Set<String> takenNames, List<DefinitionMasters.PulldownSource> sources,
                   List<DefinitionMasters.SheetItem> sheetItems,
                   BiFunction<String, String, Optional<Set<String>>> pulldownValues) {
    }

    private final Context context;
    private final Map<String, List<String>> reasons = new LinkedHashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private DefinitionReader(Context context) {
        this.context = context;
    }

    /** The type of a request: create_new, initialize or edit; 499-00703 otherwise. */
    static String type(JsonNode body) {
        JsonNode type = body.get("type");
        if (type == null || !type.isString() || !Set.of(CREATE_NEW, INITIALIZE, EDIT).contains(type.stringValue())) {
            throw new ApiException("499-00703", "sheet.invalid_key", "type");
        }
        return type.stringValue();
    }

    /** The body's {@code menu} object; 400-00002 without one, as Exastro. */
    static JsonNode menu(JsonNode body) {
        JsonNode menu = body.get("menu");
        if (menu == null || !menu.isObject()) {
            throw ApiException.badBody("sheet.body_key", "menu");
        }
        return menu;
    }

    static String menuCreateId(JsonNode body) {
        JsonNode id = menu(body).get("menu_create_id");
        return id == null || id.isNull() || (id.isString() && id.stringValue().isEmpty()) ? null : id.asString();
    }

    /** The checks Exastro makes before it looks at the fields (499-00711 … 00715), in its order. */
    static void precheck(JsonNode body) {
        JsonNode menu = menu(body);
        JsonNode columns = objectOrNull(body, "column");
        boolean noItems = columns == null || columns.isEmpty();
        Optional<SheetType> type = menu.hasNonNull("sheet_type") ? SheetType.of(menu.get("sheet_type").asString())
                : Optional.empty();
        if (type.orElse(null) == SheetType.DATA && noItems) {
            throw new ApiException("499-00711", "sheet.data_sheet_without_items");
        }
        if (type.orElse(null) == SheetType.OPERATION && noItems) {
            throw new ApiException("499-00714", "sheet.operation_sheet_without_items");
        }
        if ("1".equals(flagValue(menu.get("vertical"))) && noItems) {
            throw new ApiException("499-00712", "sheet.bundle_without_items");
        }
        if (type.orElse(null) == SheetType.DATA && "1".equals(flagValue(menu.get("hostgroup")))) {
            throw new ApiException("499-00713", "sheet.hostgroup_on_data_sheet");
        }
        if (type.isPresent() && type.get() != SheetType.HOST_OPERATION && columns != null) {
            for (JsonNode column : columns.values()) {
                if (column.isObject() && ColumnClass.SHEET_REFERENCE.className().equals(column.path("column_class").asString())) {
                    throw new ApiException("499-00715", "sheet.reference_outside_host_operation");
                }
            }
        }
    }

    private static JsonNode objectOrNull(JsonNode body, String key) {
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badBody("sheet.body_key", key);
        }
        return node;
    }

    /** The normal form of {@code body}, or the refusal. */
    static ObjectNode read(JsonNode body, Context context) {
        return new DefinitionReader(context).normal(body);
    }

    private ObjectNode normal(JsonNode body) {
        JsonNode menu = menu(body);
        JsonNode columns = objectOrNull(body, "column");
        JsonNode groups = objectOrNull(body, "group");
        ObjectNode normalMenu = readMenu(menu);
        identity(normalMenu);
        ObjectNode normalGroups = readGroups(groups);
        Set<String> columnKeys = new HashSet<>();
        if (columns != null) {
            columns.propertyNames().forEach(columnKeys::add);
        }
        Set<String> groupNames = fullGroupNames(normalGroups, columnKeys);
        ObjectNode normalColumns = readColumns(columns, groupNames);
        readUniqueConstraint(menu, normalMenu, normalColumns);
        stamp(menu);
        if (!reasons.isEmpty()) {
            throw new ApiException("499-00701", "sheet.invalid", reasonsJson()).withData(Map.of("errors", reasons));
        }
        if (EDIT.equals(context.type())) {
            editLimits(normalColumns);
        }
        ObjectNode normal = nodes.objectNode();
        normal.set("menu", normalMenu);
        normal.set("group", normalGroups);
        normal.set("column", normalColumns);
        return normal;
    }

    // ------------------------------------------------------------------ the menu

    private ObjectNode readMenu(JsonNode menu) {
        ObjectNode normal = nodes.objectNode();
        normal.put("menu_create_id", context.existing() != null ? context.existing().menuCreateId() : SheetStore.newId());
        String name = string(menu, "menu_name", "menu.menu_name", NAME_LENGTH, true);
        if (name != null && MENU_NAME_REFUSED.matcher(name).find()) {
            add("menu.menu_name", "may not hold \\ / : * ? \" < > | [ ] ： ￥ ／ ＊ ［ ］");
        }
        normal.put("menu_name", name);
        String rest = string(menu, "menu_name_rest", "menu.menu_name_rest", MENU_NAME_REST_LENGTH, true);
        if (rest != null && !REST_NAME.matcher(rest).matches()) {
            add("menu.menu_name_rest", "only letters, digits, _ and - (at most " + MENU_NAME_REST_LENGTH + ")");
        }
        normal.put("menu_name_rest", rest);
        SheetType type = null;
        String typeText = string(menu, "sheet_type", "menu.sheet_type", NAME_LENGTH, true);
        if (typeText != null) {
            type = SheetType.of(typeText).orElse(null);
            if (type == null) {
                add("menu.sheet_type", "one of \"" + SheetType.HOST_OPERATION.displayName(false) + "\", \""
                        + SheetType.DATA.displayName(false) + "\", \"" + SheetType.OPERATION.displayName(false)
                        + "\" (or 1, 2, 3)");
            }
        }
        normal.put("sheet_type", type == null ? null : type.id());
        putInteger(normal, "display_order", integer(menu, "display_order", "menu.display_order", 0, Integer.MAX_VALUE,
                false));
        normal.put("description", string(menu, "description", "menu.description", TEXT_LENGTH, false));
        normal.put("remarks", string(menu, "remarks", "menu.remarks", TEXT_LENGTH, false));
        String vertical = flag(menu, "vertical", "menu.vertical", "0");
        if (type == SheetType.DATA && "1".equals(vertical)) {
            add("menu.vertical", "a Data sheet has no bundle");
        }
        normal.put("vertical", vertical);
        String hostgroup = flag(menu, "hostgroup", "menu.hostgroup", "0");
        if ("1".equals(hostgroup)) {
            add("menu.hostgroup", "jita has no host groups: give \"0\" or null");
        }
        normal.put("hostgroup", type == SheetType.DATA ? null : hostgroup);
        for (String key : List.of("menu_group_for_input", "menu_group_for_subst", "menu_group_for_ref")) {
            String group = string(menu, key, "menu." + key, NAME_LENGTH, false);
            if (group == null) {
                normal.putNull(key);
            } else {
                Optional<DefinitionMasters.MenuGroup> known = DefinitionMasters.MenuGroup.of(group);
                if (known.isEmpty()) {
                    add("menu." + key, "one of the menu groups \"Input\", \"Substitution value\", \"Reference\" (or null)");
                }
                normal.put(key, known.map(g -> g.english).orElse(null));
            }
        }
        ArrayNode roles = normal.putArray("role_list");
        JsonNode roleList = menu.get("role_list");
        if (roleList != null && !roleList.isNull()) {
            if (!roleList.isArray()) {
                add("menu.role_list", "a list of role names");
            } else {
                for (JsonNode role : roleList.values()) {
                    if (!role.isString() || !DefinitionMasters.roles().contains(role.stringValue())) {
                        add("menu.role_list", "unknown role " + role + ": the roles are " + DefinitionMasters.roles());
                    } else if (!containsText(roles, role.stringValue())) {
                        roles.add(role.stringValue());
                    }
                }
            }
        }
        normal.putNull("unique_constraint");
        return normal;
    }

    /** A sheet's REST name and name must be free; its own REST name never changes. */
    private void identity(ObjectNode menu) {
        String rest = menu.path("menu_name_rest").asString(null);
        String name = menu.path("menu_name").asString(null);
        SheetType type = SheetType.of(menu.path("sheet_type").asString("")).orElse(null);
        if (rest != null && context.existing() == null) {
            if (context.takenMenuNames().contains(rest)) {
                add("menu.menu_name_rest", "a menu named \"" + rest + "\" already exists");
            } else if (type != SheetType.DATA && (context.takenMenuNames().contains(rest + "_subst")
                    || context.takenMenuNames().contains(rest + "_ref"))) {
                add("menu.menu_name_rest", "the sheet's menus \"" + rest + "_subst\" and \"" + rest
                        + "_ref\" must be free, and one of them is taken");
            }
        }
        if (name != null && context.takenNames().contains(name)) {
            add("menu.menu_name", "a menu named \"" + name + "\" already exists");
        }
    }

    private void stamp(JsonNode menu) {
        String given = string(menu, "last_update_date_time", "menu.last_update_date_time", 64, false);
        if (given != null && context.existing() != null && !given.equals(context.existingStamp())) {
            add("menu.last_update_date_time", "the definition was changed by someone else since it was read");
        }
    }

    private void readUniqueConstraint(JsonNode menu, ObjectNode normalMenu, ObjectNode columns) {
        JsonNode given = menu.get("unique_constraint");
        if (given == null || given.isNull() || (given.isArray() && given.isEmpty())) {
            return;
        }
        Set<String> items = new HashSet<>();
        columns.values().forEach(c -> items.add(c.path("item_name_rest").asString()));
        ArrayNode lists = nodes.arrayNode();
        if (!given.isArray()) {
            add("menu.unique_constraint", "a list of lists of item_name_rest");
            return;
        }
        for (JsonNode list : given.values()) {
            if (!list.isArray() || list.isEmpty()) {
                add("menu.unique_constraint", "each entry is a non-empty list of item_name_rest");
                continue;
            }
            ArrayNode names = lists.addArray();
            for (JsonNode item : list.values()) {
                if (!item.isString() || !items.contains(item.stringValue())) {
                    add("menu.unique_constraint", item + " is not an item_name_rest of this sheet");
                } else if (containsText(names, item.stringValue())) {
                    add("menu.unique_constraint", item + " is named twice in one entry");
                } else {
                    names.add(item.stringValue());
                }
            }
        }
        normalMenu.set("unique_constraint", lists);
    }

    // ------------------------------------------------------------------ groups

    private ObjectNode readGroups(JsonNode groups) {
        ObjectNode normal = nodes.objectNode();
        if (groups == null) {
            return normal;
        }
        for (Map.Entry<String, JsonNode> entry : groups.properties()) {
            String path = "group." + entry.getKey();
            if (!entry.getValue().isObject()) {
                add(path, "must be an object");
                continue;
            }
            JsonNode group = entry.getValue();
            ObjectNode out = normal.putObject(entry.getKey());
            String name = string(group, "group_name", path + ".group_name", NAME_LENGTH, true);
            if (name != null && ITEM_NAME_REFUSED.matcher(name).find()) {
                add(path + ".group_name", "may not hold / or \\");
            }
            out.put("group_name", name);
            out.put("parent_full_col_group_name",
                    string(group, "parent_full_col_group_name", path + ".parent_full_col_group_name", TEXT_LENGTH, false));
            ArrayNode members = out.putArray("columns");
            JsonNode given = group.get("columns");
            if (given != null && !given.isNull()) {
                if (!given.isArray()) {
                    add(path + ".columns", "a list of column and group keys");
                } else {
                    given.values().forEach(member -> members.add(member.asString()));
                }
            }
        }
        return normal;
    }

    /**
     * The full names ("A/B") of the groups: each parent must be another group of the body, with no loop; a
     * group's {@code columns} name columns or groups of the body.
     */
    private Set<String> fullGroupNames(ObjectNode groups, Set<String> columnKeys) {
        Map<String, Optional<String>> known = new HashMap<>();
        Set<String> fullNames = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : groups.properties()) {
            String key = entry.getKey();
            if (entry.getValue().path("group_name").asString(null) == null) {
                continue;
            }
            Optional<String> full = fullName(groups, key, known, new HashSet<>());
            if (full.isEmpty()) {
                add("group." + key + ".parent_full_col_group_name", "no group of this body is named \""
                        + entry.getValue().path("parent_full_col_group_name").asString() + "\" (or the parents make a loop)");
            } else if (!fullNames.add(full.get())) {
                add("group." + key, "the group \"" + full.get() + "\" is defined twice");
            }
            for (JsonNode member : entry.getValue().path("columns").values()) {
                if (!groups.has(member.asString()) && !columnKeys.contains(member.asString())) {
                    add("group." + key + ".columns", "\"" + member.asString() + "\" is no column or group of this body");
                }
            }
        }
        return fullNames;
    }

    /** A group's full name, each group's computed once ({@code known}); empty where its parent is missing or a loop. */
    private static Optional<String> fullName(ObjectNode groups, String key, Map<String, Optional<String>> known,
                                             Set<String> visiting) {
        if (known.containsKey(key)) {
            return known.get(key);
        }
        if (!visiting.add(key)) {
            return Optional.empty();
        }
        JsonNode group = groups.get(key);
        String name = group.path("group_name").asString(null);
        String parent = group.path("parent_full_col_group_name").asString(null);
        Optional<String> full = Optional.empty();
        if (name != null && parent == null) {
            full = Optional.of(name);
        } else if (name != null) {
            String parentName = parent.substring(parent.lastIndexOf('/') + 1);
            for (Map.Entry<String, JsonNode> other : groups.properties()) {
                if (!other.getKey().equals(key) && parentName.equals(other.getValue().path("group_name").asString(null))
                        && fullName(groups, other.getKey(), known, visiting).filter(parent::equals).isPresent()) {
                    full = Optional.of(parent + "/" + name);
                    break;
                }
            }
        }
        visiting.remove(key);
        known.put(key, full);
        return full;
    }

    // ------------------------------------------------------------------ items

    private ObjectNode readColumns(JsonNode columns, Set<String> groupNames) {
        ObjectNode normal = nodes.objectNode();
        if (columns == null) {
            return normal;
        }
        Map<String, JsonNode> existingItems = new HashMap<>();
        if (context.existing() != null) {
            context.existing().definition().path("column").values()
                    .forEach(item -> existingItems.put(item.path("create_column_id").asString(), item));
        }
        Set<String> restNames = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : columns.properties()) {
            String path = "column." + entry.getKey();
            if (!entry.getValue().isObject()) {
                add(path, "must be an object");
                continue;
            }
            JsonNode column = entry.getValue();
            ObjectNode out = normal.putObject(entry.getKey());
            String name = string(column, "item_name", path + ".item_name", NAME_LENGTH, true);
            if (name != null && ITEM_NAME_REFUSED.matcher(name).find()) {
                add(path + ".item_name", "may not hold / or \\");
            }
            out.put("item_name", name);
            String rest = string(column, "item_name_rest", path + ".item_name_rest", NAME_LENGTH, true);
            if (rest != null) {
                if (!REST_NAME.matcher(rest).matches()) {
                    add(path + ".item_name_rest", "only letters, digits, _ and -");
                } else if (FIXED_COLUMNS.contains(rest)) {
                    add(path + ".item_name_rest", "\"" + rest + "\" is a column every sheet has: choose another name");
                } else if (!restNames.add(rest)) {
                    add(path + ".item_name_rest", "another item of this sheet is named \"" + rest + "\"");
                }
            }
            out.put("item_name_rest", rest);
            String classText = string(column, "column_class", path + ".column_class", NAME_LENGTH, true);
            ColumnClass columnClass = classText == null ? null : ColumnClass.of(classText).orElse(null);
            if (classText != null && columnClass == null) {
                add(path + ".column_class", "unknown column class \"" + classText + "\"");
            }
            out.put("column_class", columnClass == null ? null : columnClass.className());
            out.put("required", flag(column, "required", path + ".required", "0"));
            out.put("uniqued", flag(column, "uniqued", path + ".uniqued", "0"));
            out.put("description", string(column, "description", path + ".description", TEXT_LENGTH, false));
            out.put("remarks", string(column, "remarks", path + ".remarks", TEXT_LENGTH, false));
            String group = string(column, "column_group", path + ".column_group", TEXT_LENGTH, false);
            if (group != null && !groupNames.contains(group)) {
                add(path + ".column_group", "no group of this body is named \"" + group + "\"");
            }
            out.put("column_group", group);
            putInteger(out, "display_order", integer(column, "display_order", path + ".display_order", 0,
                    Integer.MAX_VALUE, true));
            String id = string(column, "create_column_id", path + ".create_column_id", 64, false);
            if (id == null) {
                id = SheetStore.newId();
            } else if (!existingItems.containsKey(id)) {
                add(path + ".create_column_id", "the sheet has no item " + id + " (null for a new item)");
            } else if (!ids.add(id)) {
                add(path + ".create_column_id", "another item of this body has the same create_column_id");
            }
            out.put("create_column_id", id);
            if (columnClass != null) {
                classKeys(columnClass, column, out, path);
            }
        }
        return normal;
    }

    private void classKeys(ColumnClass columnClass, JsonNode column, ObjectNode out, String path) {
        switch (columnClass) {
            case SINGLE_TEXT -> text(column, out, path, "single_string", false);
            case MULTI_TEXT -> text(column, out, path, "multi_string", true);
            case NUM -> {
                Long min = integer(column, "integer_minimum_value", path + ".integer_minimum_value",
                        Integer.MIN_VALUE, Integer.MAX_VALUE, false);
                Long max = integer(column, "integer_maximum_value", path + ".integer_maximum_value",
                        Integer.MIN_VALUE, Integer.MAX_VALUE, false);
                Long value = integer(column, "integer_default_value", path + ".integer_default_value",
                        Integer.MIN_VALUE, Integer.MAX_VALUE, false);
                if (min != null && max != null && min > max) {
                    add(path + ".integer_minimum_value", "must not be greater than integer_maximum_value");
                }
                if (value != null && ((min != null && value < min) || (max != null && value > max))) {
                    add(path + ".integer_default_value", "must lie between the minimum and the maximum");
                }
                putInteger(out, "integer_minimum_value", min);
                putInteger(out, "integer_maximum_value", max);
                putInteger(out, "integer_default_value", value);
            }
            case FLOAT -> {
                BigDecimal min = decimal(column, "decimal_minimum_value", path + ".decimal_minimum_value");
                BigDecimal max = decimal(column, "decimal_maximum_value", path + ".decimal_maximum_value");
                Long digit = integer(column, "decimal_digit", path + ".decimal_digit", 1, MAX_DIGITS, false);
                BigDecimal value = decimal(column, "decimal_default_value", path + ".decimal_default_value");
                int digits = digit == null ? MAX_DIGITS : digit.intValue();
                if (min != null && max != null && min.compareTo(max) > 0) {
                    add(path + ".decimal_minimum_value", "must not be greater than decimal_maximum_value");
                }
                if (value != null) {
                    if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                        add(path + ".decimal_default_value", "must lie between the minimum and the maximum");
                    }
                    if (digitsOf(value) > digits) {
                        add(path + ".decimal_default_value", "has more than " + digits + " digits (decimal_digit)");
                    }
                }
                out.put("decimal_minimum_value", min);
                out.put("decimal_maximum_value", max);
                out.put("decimal_digit", digits);
                out.put("decimal_default_value", value);
            }
            case DATETIME -> out.put("datetime_default_value",
                    dated(column, "datetime_default_value", path, true));
            case DATE -> out.put("date_default_value", dated(column, "date_default_value", path, false));
            case PULLDOWN -> pulldown(column, out, path);
            case PASSWORD -> putInteger(out, "password_maximum_bytes",
                    integer(column, "password_maximum_bytes", path + ".password_maximum_bytes", 1, 8192, true));
            case FILE -> putInteger(out, "file_upload_maximum_bytes", integer(column, "file_upload_maximum_bytes",
                    path + ".file_upload_maximum_bytes", 1, Integer.MAX_VALUE, true));
            case LINK -> {
                Long max = integer(column, "link_maximum_bytes", path + ".link_maximum_bytes", 1, 8192, true);
                String value = string(column, "link_default_value", path + ".link_default_value", 8192, false);
                if (value != null && max != null && bytes(value) > max) {
                    add(path + ".link_default_value", "longer than link_maximum_bytes (" + max + " bytes)");
                }
                if (value != null && value.matches("(?s).*[\\r\\n].*")) {
                    add(path + ".link_default_value", "one line only");
                }
                putInteger(out, "link_maximum_bytes", max);
                out.put("link_default_value", value);
            }
            case SHEET_REFERENCE -> sheetReference(column, out, path);
        }
    }

    private void text(JsonNode column, ObjectNode out, String path, String prefix, boolean multiLine) {
        Long max = integer(column, prefix + "_maximum_bytes", path + "." + prefix + "_maximum_bytes", 1, 65536, true);
        String regex = string(column, prefix + "_regular_expression", path + "." + prefix + "_regular_expression",
                TEXT_LENGTH, false);
        Pattern pattern = null;
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                add(path + "." + prefix + "_regular_expression", "not a regular expression: " + e.getDescription());
            }
        }
        String value = string(column, prefix + "_default_value", path + "." + prefix + "_default_value", 65536, false);
        if (value != null) {
            if (max != null && bytes(value) > max) {
                add(path + "." + prefix + "_default_value", "longer than " + prefix + "_maximum_bytes (" + max + " bytes)");
            }
            if (!multiLine && value.matches("(?s).*[\\r\\n].*")) {
                add(path + "." + prefix + "_default_value", "one line only");
            }
            if (pattern != null && !pattern.matcher(value).matches()) {
                add(path + "." + prefix + "_default_value", "does not match " + prefix + "_regular_expression");
            }
        }
        putInteger(out, prefix + "_maximum_bytes", max);
        out.put(prefix + "_regular_expression", regex);
        out.put(prefix + "_default_value", value);
    }

    private String dated(JsonNode column, String key, String path, boolean withTime) {
        String value = string(column, key, path + "." + key, 64, false);
        if (value == null) {
            return null;
        }
        try {
            if (withTime) {
                LocalDateTime.parse(value, DATETIME);
            } else {
                LocalDate.parse(value, DATE);
            }
        } catch (DateTimeParseException e) {
            add(path + "." + key, withTime ? "a date and time \"YYYY/MM/DD hh:mm:ss\"" : "a date \"YYYY/MM/DD\"");
        }
        return value;
    }

    private void pulldown(JsonNode column, ObjectNode out, String path) {
        DefinitionMasters.PulldownSource source = null;
        String id = string(column, "pulldown_selection_id", path + ".pulldown_selection_id", TEXT_LENGTH, false);
        String name = string(column, "pulldown_selection", path + ".pulldown_selection", TEXT_LENGTH, false);
        String menu = string(column, "pulldown_menu", path + ".pulldown_menu", NAME_LENGTH, false);
        String menuColumn = string(column, "pulldown_column", path + ".pulldown_column", NAME_LENGTH, false);
        String given = id != null ? id : name != null ? name : menu != null ? menu + ":" + menuColumn : null;
        if (given == null) {
            add(path + ".pulldown_selection", "required: the menu item the pulldown takes its values from");
        } else {
            source = context.sources().stream().filter(s -> s.named(given)).findFirst().orElse(null);
            if (source == null) {
                add(path + (id != null ? ".pulldown_selection_id" : ".pulldown_selection"),
                        "\"" + given + "\" is no pulldown source of this workspace (see pulldown_item_list)");
            }
        }
        out.put("pulldown_menu", source == null ? null : source.menu());
        out.put("pulldown_column", source == null ? null : source.column());
        String value = string(column, "pulldown_selection_default_value", path + ".pulldown_selection_default_value",
                TEXT_LENGTH, false);
        if (value != null && source != null) {
            Optional<Set<String>> values = context.pulldownValues().apply(source.menu(), source.column());
            if (values.isPresent() && !values.get().contains(value)) {
                add(path + ".pulldown_selection_default_value", "\"" + value + "\" is no value of " + source.menu()
                        + "." + source.column());
            }
        }
        out.put("pulldown_selection_default_value", value);
        JsonNode references = column.get("reference_item");
        if (references == null || references.isNull() || (references.isArray() && references.isEmpty())) {
            out.putNull("reference_item");
            return;
        }
        ArrayNode items = out.putArray("reference_item");
        if (!references.isArray()) {
            add(path + ".reference_item", "a list of REST names of the pulldown menu's columns");
            return;
        }
        for (JsonNode item : references.values()) {
            if (source != null && (!item.isString() || !source.canShow(item.stringValue()))) {
                add(path + ".reference_item", item + " is no column of " + source.menu() + " that can be shown");
            } else if (item.isString() && !containsText(items, item.stringValue())) {
                items.add(item.stringValue());
            }
        }
    }

    private void sheetReference(JsonNode column, ObjectNode out, String path) {
        String id = string(column, "parameter_sheet_reference_id", path + ".parameter_sheet_reference_id",
                TEXT_LENGTH, false);
        String name = string(column, "parameter_sheet_reference", path + ".parameter_sheet_reference", TEXT_LENGTH, false);
        String menu = string(column, "parameter_sheet_reference_menu", path + ".parameter_sheet_reference_menu",
                NAME_LENGTH, false);
        String menuColumn = string(column, "parameter_sheet_reference_column", path + ".parameter_sheet_reference_column",
                NAME_LENGTH, false);
        String given = id != null ? id : name != null ? name : menu != null ? menu + ":" + menuColumn : null;
        DefinitionMasters.SheetItem item = null;
        if (given == null) {
            add(path + ".parameter_sheet_reference", "required: the Host/Operation sheet item to refer to");
        } else {
            item = context.sheetItems().stream().filter(i -> i.named(given)).findFirst().orElse(null);
            if (item == null) {
                add(path + (id != null ? ".parameter_sheet_reference_id" : ".parameter_sheet_reference"),
                        "\"" + given + "\" is no item of a made Host/Operation sheet (see parameter_sheet_reference_list)");
            }
        }
        out.put("parameter_sheet_reference_menu", item == null ? null : item.menu());
        out.put("parameter_sheet_reference_column", item == null ? null : item.column());
    }

    // ------------------------------------------------------------------ what Edit may not change

    /** Exastro's Edit rules for items kept: same class, flags and sources (00706), no smaller limits (00707/00708). */
    private void editLimits(ObjectNode columns) {
        Map<String, JsonNode> before = new HashMap<>();
        context.existing().definition().path("column").values()
                .forEach(item -> before.put(item.path("create_column_id").asString(), item));
        for (JsonNode item : columns.values()) {
            JsonNode old = before.get(item.path("create_column_id").asString());
            if (old == null) {
                continue;
            }
            String name = item.path("item_name").asString();
            for (String key : List.of("column_class", "required", "uniqued", "pulldown_menu", "pulldown_column",
                    "reference_item", "parameter_sheet_reference_menu", "parameter_sheet_reference_column")) {
                if (!old.path(key).equals(item.path(key))) {
                    throw new ApiException("499-00706", "sheet.edit_changes_item", name, key);
                }
            }
            for (String key : List.of("single_string_maximum_bytes", "multi_string_maximum_bytes", "integer_maximum_value",
                    "decimal_maximum_value", "decimal_digit", "password_maximum_bytes", "file_upload_maximum_bytes",
                    "link_maximum_bytes")) {
                if (lower(item.get(key), old.get(key))) {
                    throw new ApiException("499-00707", "sheet.edit_lowers_item", name, key);
                }
            }
            for (String key : List.of("integer_minimum_value", "decimal_minimum_value")) {
                if (lower(old.get(key), item.get(key))) {
                    throw new ApiException("499-00708", "sheet.edit_raises_item", name, key);
                }
            }
        }
    }

    /** Whether {@code value} is set and below {@code bound} (also set). */
    private static boolean lower(JsonNode value, JsonNode bound) {
        return value != null && value.isNumber() && bound != null && bound.isNumber()
                && value.decimalValue().compareTo(bound.decimalValue()) < 0;
    }

    // ------------------------------------------------------------------ values

    private void add(String field, String reason) {
        reasons.computeIfAbsent(field, k -> new ArrayList<>()).add(reason);
    }

    private String reasonsJson() {
        ObjectNode out = nodes.objectNode();
        reasons.forEach((field, list) -> {
            ArrayNode array = out.putArray(field);
            list.forEach(array::add);
        });
        return out.toString();
    }

    /** A text value; empty is absent (Exastro's screen sends "" for what was not filled). */
    private String string(JsonNode parent, String key, String path, int maxLength, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
            if (required) {
                add(path, "required");
            }
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            add(path, "must be a text");
            return null;
        }
        String value = node.asString();
        if (value.length() > maxLength) {
            add(path, "at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** A whole number, as a JSON number or a text of digits (Exastro's screen sends texts). */
    private Long integer(JsonNode parent, String key, String path, long min, long max, boolean required) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
            if (required) {
                add(path, "required: an integer from " + min + " to " + max);
            }
            return null;
        }
        Long value = null;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isString() && INTEGER.matcher(node.stringValue()).matches()) {
            value = Long.parseLong(node.stringValue());
        }
        if (value == null || value < min || value > max) {
            add(path, "an integer from " + min + " to " + max);
            return null;
        }
        return value;
    }

    private BigDecimal decimal(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
            return null;
        }
        BigDecimal value = null;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString() && DECIMAL.matcher(node.stringValue()).matches()) {
            value = new BigDecimal(node.stringValue());
        }
        if (value == null || value.abs().compareTo(DECIMAL_LIMIT) > 0) {
            add(path, "a number from -" + DECIMAL_LIMIT + " to " + DECIMAL_LIMIT);
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** Digits of the integer and fraction parts together, as Exastro's decimal_digit counts them. */
    static int digitsOf(BigDecimal value) {
        return value.abs().stripTrailingZeros().toPlainString().replace(".", "").length();
    }

    private String flag(JsonNode parent, String key, String path, String absent) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
            return absent;
        }
        String value = flagValue(node);
        if (value == null) {
            add(path, "\"0\" or \"1\"");
            return absent;
        }
        return value;
    }

    /** "0"/"1" of a flag given as "0"/"1", "True"/"False", 0/1 or a boolean; null when it is none of them. */
    static String flagValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "1" : "0";
        }
        String text = node.asString();
        return switch (text) {
            case "1", "True", "true" -> "1";
            case "0", "False", "false" -> "0";
            default -> null;
        };
    }

    private static void putInteger(ObjectNode node, String key, Long value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value.longValue());
        }
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean containsText(ArrayNode array, String text) {
        for (JsonNode node : array.values()) {
            if (text.equals(node.asString())) {
                return true;
            }
        }
        return false;
    }
}
