package dev.jita.menu;

import dev.jita.core.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Exastro's search conditions: {"column": {"NORMAL": "part"}} (contains), {"LIST": ["a", "b"]} (equals one),
 * {"RANGE": {"START": "x", "END": "y"}} (inclusive; numbers compare as numbers, date-times as text, which
 * orders jita's formats correctly). Several columns: all must hold. As in Exastro, a key that names no column
 * is ignored, and RANGE is only for numbers and date-times (499-00101 on any other column).
 *
 * <p>Menus stored in menu_record are searched in the database through the value index menu_value ({@link #sql});
 * the records a {@link MenuRecordSource} gives, and columns computed on read, are searched as read
 * ({@link #of}). Both compare the values as the API shows them, so they answer alike.
 */
final class MenuFilter {

    private static final List<String> COMMON = List.of(MenuService.UUID_KEY, MenuService.DISCARD,
            MenuService.REMARKS, MenuService.LAST_UPDATE, MenuService.LAST_USER);

    /** One condition on one column. */
    record Condition(String column, String kind, JsonNode value) {
    }

    /** A condition on the records of a menu as SQL: {@code where} is ANDed to a query on menu_record r. */
    record Sql(String where, List<Object> params) {
    }

    private MenuFilter() {
    }

    /** The conditions, checked: 400 for a malformed one, 499-00101 for RANGE on a column without order. */
    static List<Condition> conditions(MenuDefinition menu, JsonNode conditions) {
        List<Condition> all = new ArrayList<>();
        if (conditions == null || conditions.isNull() || conditions.isEmpty()) {
            return all;
        }
        if (!conditions.isObject()) {
            throw ApiException.badBody("menu.bad_filter", "conditions must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> entry : conditions.properties()) {
            String column = entry.getKey();
            if (!isColumn(menu, column)) {
                continue;
            }
            JsonNode condition = entry.getValue();
            if (!condition.isObject() || condition.isEmpty()) {
                throw ApiException.badRequest("menu.bad_filter", column + ": give NORMAL, LIST or RANGE");
            }
            for (Map.Entry<String, JsonNode> kind : condition.properties()) {
                if (kind.getKey().equals("RANGE") && !isRangeColumn(menu, column)) {
                    throw new ApiException("499-00101", "menu.range_not_possible", column);
                }
                checked(column, kind.getKey(), kind.getValue());
                all.add(new Condition(column, kind.getKey(), kind.getValue()));
            }
        }
        return all;
    }

    static Predicate<MenuService.Record> of(List<Condition> conditions) {
        List<Predicate<MenuService.Record>> all = conditions.stream().map(MenuFilter::predicate).toList();
        return record -> all.stream().allMatch(p -> p.test(record));
    }

    /**
     * The conditions as subqueries on the value index, one per condition. A reference column is searched by
     * the referenced record's value: through the referenced menu's index, then by the uuids it stores.
     */
    static Sql sql(String organizationId, String workspaceId, MenuDefinition menu, List<Condition> conditions) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Condition condition : conditions) {
            Optional<Column> column = menu.column(condition.column());
            ColumnType type = column.map(Column::type).orElse(null);
            where.append(" AND ");
            if (condition.column().equals(MenuService.UUID_KEY) || type == ColumnType.ID) {
                where.append(match("r.record_id", null, condition, false, params));
            } else if (type == ColumnType.PASSWORD) {
                where.append("1 = 0");
            } else if (type == ColumnType.REFERENCE) {
                Column reference = column.get();
                params.addAll(List.of(organizationId, workspaceId, menu.restName(), condition.column(),
                        organizationId, workspaceId, reference.referencedMenu(), reference.referencedColumn()));
                where.append(indexed("v.value_key IN (SELECT w.record_id FROM menu_value w WHERE w.organization_id = ? "
                        + "AND w.workspace_id = ? AND w.menu_name = ? AND w.column_name = ? AND "
                        + match("w.value_key", "w.value_text", condition, false, params) + ")"));
            } else {
                params.addAll(List.of(organizationId, workspaceId, menu.restName(), condition.column()));
                where.append(indexed(match("v.value_key", "v.value_text", condition, type != null && type.numeric(),
                        params)));
            }
        }
        return new Sql(where.toString(), params);
    }

    /** The records with a row in the value index for the column (its parameters first) that holds. */
    private static String indexed(String predicate) {
        return "r.record_id IN (SELECT v.record_id FROM menu_value v WHERE v.organization_id = ? AND v.workspace_id = ? "
                + "AND v.menu_name = ? AND v.column_name = ? AND " + predicate + ")";
    }

    /**
     * The condition on one value: {@code key} holds its text up to {@link MenuStore#KEY_LENGTH} characters, and
     * {@code text}, when given, the whole of a longer text (else null).
     */
    private static String match(String key, String text, Condition condition, boolean numeric, List<Object> params) {
        switch (condition.kind()) {
            case "NORMAL" -> {
                String pattern = "%" + escape(MenuService.text(condition.value())) + "%";
                params.add(pattern);
                if (text == null) {
                    return key + " LIKE ? ESCAPE '!'";
                }
                params.add(pattern);
                // Only a key of full length may stand for a longer text: the others never read value_text.
                return "(" + key + " LIKE ? ESCAPE '!' OR (CHAR_LENGTH(" + key + ") >= " + MenuStore.KEY_LENGTH / 2 + " AND "
                        + text + " LIKE ? ESCAPE '!'))";
            }
            case "LIST" -> {
                List<String> wanted = new ArrayList<>();
                condition.value().values().forEach(v -> {
                    String one = MenuService.text(v);
                    if (one != null) {
                        wanted.add(one);
                    }
                });
                List<String> any = new ArrayList<>();
                List<String> shortOnes = wanted.stream()
                        .filter(w -> text == null || MenuStore.isKey(w)).toList();
                if (!shortOnes.isEmpty()) {
                    any.add(key + " IN (" + String.join(", ", shortOnes.stream().map(w -> "?").toList()) + ")");
                    params.addAll(shortOnes);
                }
                for (String w : wanted) {
                    if (text == null || MenuStore.isKey(w)) {
                        continue;
                    }
                    params.add(MenuStore.key(w));
                    if (!MenuStore.isLong(w)) {
                        any.add("(" + key + " = ? AND " + text + " IS NULL)");
                    } else {
                        any.add("(" + key + " = ? AND " + text + " LIKE ? ESCAPE '!')");
                        params.add(escape(w));
                    }
                }
                return any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")";
            }
            default -> {
                String start = MenuService.text(condition.value().get("START"));
                String end = MenuService.text(condition.value().get("END"));
                String column = numeric ? key.replace("value_key", "value_num") : key;
                List<String> bounds = new ArrayList<>();
                if (start != null && !start.isEmpty()) {
                    bounds.add(column + " >= ?");
                    params.add(numeric ? number(start) : start);
                }
                if (end != null && !end.isEmpty()) {
                    bounds.add(column + " <= ?");
                    params.add(numeric ? number(end) : end);
                }
                return bounds.isEmpty() ? "1 = 1" : String.join(" AND ", bounds);
            }
        }
    }

    static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static BigDecimal number(String bound) {
        try {
            return new BigDecimal(bound);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("menu.bad_filter", "RANGE of a number takes numbers");
        }
    }

    private static boolean isColumn(MenuDefinition menu, String column) {
        return menu.column(column).isPresent() || COMMON.contains(column);
    }

    private static boolean isRangeColumn(MenuDefinition menu, String column) {
        return column.equals(MenuService.LAST_UPDATE) || menu.column(column)
                .filter(c -> c.type().ranged()).isPresent();
    }

    private static void checked(String column, String kind, JsonNode value) {
        switch (kind) {
            case "NORMAL" -> {
                if (MenuService.text(value) == null) {
                    throw ApiException.badRequest("menu.bad_filter", column + ".NORMAL must be a string");
                }
            }
            case "LIST" -> {
                if (!value.isArray()) {
                    throw ApiException.badRequest("menu.bad_filter", column + ".LIST must be an array");
                }
            }
            case "RANGE" -> {
                if (!value.isObject()) {
                    throw ApiException.badRequest("menu.bad_filter", column + ".RANGE must be an object");
                }
            }
            default -> throw ApiException.badRequest("menu.bad_filter", column + ": " + kind + " is not NORMAL, LIST or RANGE");
        }
    }

    private static Predicate<MenuService.Record> predicate(Condition condition) {
        String column = condition.column();
        JsonNode value = condition.value();
        switch (condition.kind()) {
            case "NORMAL" -> {
                String part = MenuService.text(value);
                return record -> {
                    Object actual = record.parameter().get(column);
                    return actual != null && String.valueOf(actual).contains(part);
                };
            }
            case "LIST" -> {
                List<String> wanted = new ArrayList<>();
                value.values().forEach(v -> wanted.add(MenuService.text(v)));
                return record -> {
                    Object actual = record.parameter().get(column);
                    return actual != null && wanted.contains(String.valueOf(actual));
                };
            }
            default -> {
                String start = MenuService.text(value.get("START"));
                String end = MenuService.text(value.get("END"));
                return record -> {
                    Object actual = record.parameter().get(column);
                    if (actual == null) {
                        return false;
                    }
                    return (start == null || start.isEmpty() || compare(actual, start) >= 0)
                            && (end == null || end.isEmpty() || compare(actual, end) <= 0);
                };
            }
        }
    }

    private static int compare(Object actual, String bound) {
        if (actual instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).compareTo(new BigDecimal(bound));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("menu.bad_filter", "RANGE of a number takes numbers");
            }
        }
        return String.valueOf(actual).compareTo(bound);
    }
}
