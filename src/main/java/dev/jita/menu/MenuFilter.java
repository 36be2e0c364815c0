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

    /**
     * A condition on the records of a menu as SQL: {@code where} is ANDed to a query on menu_record r. When a
     * condition is one SELECT of record ids ({@code driver}), the records may also be found from it, with
     * {@code rest} (the other conditions, on {@code r.record_id}) ANDed: an index range of menu_value that a
     * database cannot mistake for a scan of the whole menu, whatever selectivity it guesses for a LIKE.
     */
    record Sql(String where, List<Object> params, Ids driver, String rest, List<Object> restParams) {

        /** No condition. */
        static Sql all() {
            return new Sql("", List.of(), null, "", List.of());
        }
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

    /** Whether a column of a menu holds any text longer than its key (then in menu_value_text). */
    interface LongTexts {
        boolean in(String menu, String column);
    }

    /** A SELECT of record ids, with its parameters. */
    record Ids(String sql, List<Object> params) {
    }

    /**
     * The conditions as subqueries on the value index, one per condition. A reference column is searched by
     * the referenced record's value: through the referenced menu's index, then by the uuids it stores.
     */
    static Sql sql(String organizationId, String workspaceId, MenuDefinition menu, List<Condition> conditions,
                   LongTexts longTexts) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        List<Object> restParams = new ArrayList<>();
        Ids driver = null;
        for (Condition condition : conditions) {
            Optional<Column> column = menu.column(condition.column());
            ColumnType type = column.map(Column::type).orElse(null);
            List<Object> own = new ArrayList<>();
            String sql;
            if (condition.column().equals(MenuService.UUID_KEY) || type == ColumnType.ID) {
                sql = byId(condition, own);
            } else if (type == ColumnType.PASSWORD) {
                sql = "1 = 0";
            } else if (type == ColumnType.REFERENCE) {
                Column reference = column.get();
                List<Ids> targets = ids(organizationId, workspaceId, reference.referencedMenu(),
                        reference.referencedColumn(), condition, false, longTexts);
                own.add(MenuStore.columnKey(organizationId, workspaceId, menu.recordsName(), condition.column()));
                sql = "r.record_id IN (SELECT v.record_id FROM " + VALUES + " AND " + any("v.value_key", targets, own) + ")";
            } else {
                List<Ids> ids = ids(organizationId, workspaceId, menu.recordsName(), condition.column(), condition,
                        type != null && type.numeric(), longTexts);
                sql = any("r.record_id", ids, own);
                if (driver == null && ids.size() == 1) {
                    driver = ids.get(0);
                    where.append(" AND ").append(sql);
                    params.addAll(own);
                    continue;
                }
            }
            where.append(" AND ").append(sql);
            params.addAll(own);
            rest.append(" AND ").append(sql);
            restParams.addAll(own);
        }
        return new Sql(where.toString(), params, driver, rest.toString(), restParams);
    }

    /**
     * An order of the records as SQL: {@code join} (LEFT JOINs of the value index, with {@code params}) goes after
     * {@code FROM menu_record r}, {@code by} is the ORDER BY list. Ties, and records equal in the sorted value, keep
     * the order of registration; a record without a value sorts after every value (before them when descending).
     */
    record Order(String join, List<Object> params, String by) {

        /** The order of registration. */
        static Order registration() {
            return new Order("", List.of(), "r.created_at, r.record_id");
        }
    }

    /**
     * The order of a sort by one column: the menu_record columns for the common ones, else the column's value in
     * the index (its number for numbers, else its key: a text's first {@link MenuStore#KEY_LENGTH} characters in
     * the database's collation); a reference by the referenced record's value. 400 for a column that cannot be
     * sorted (passwords) or is none of the menu's.
     */
    static Order order(String organizationId, String workspaceId, MenuDefinition menu, MenuService.Sort sort) {
        if (sort == null) {
            return Order.registration();
        }
        String direction = sort.descending() ? " DESC" : "";
        String tie = ", r.created_at, r.record_id";
        String name = sort.column();
        switch (name) {
            case MenuService.UUID_KEY:
                return new Order("", List.of(), "r.record_id" + direction);
            case MenuService.DISCARD:
                return new Order("", List.of(), "r.discard" + direction + tie);
            case MenuService.LAST_UPDATE:
                return new Order("", List.of(), "r.last_update_timestamp" + direction + tie);
            case MenuService.LAST_USER:
                return new Order("", List.of(), "r.last_update_user" + direction + tie);
            default:
                break;
        }
        Column column = name.equals(MenuService.REMARKS) ? Column.text(name, name, name, false, false, 0)
                : menu.column(name).filter(c -> c.type() != ColumnType.PASSWORD)
                .orElseThrow(() -> ApiException.badRequest("menu.bad_sort", name));
        if (column.type() == ColumnType.ID) {
            return new Order("", List.of(), "r.record_id" + direction);
        }
        List<Object> params = new ArrayList<>();
        String join;
        boolean numeric;
        if (column.type() == ColumnType.REFERENCE) {
            String stored = column.through() == null ? name : column.through();
            join = " LEFT JOIN menu_value sr ON sr.record_id = r.record_id AND sr.column_key = ?"
                    + " LEFT JOIN menu_value s ON s.record_id = sr.value_key AND s.column_key = ?";
            params.add(MenuStore.columnKey(organizationId, workspaceId, menu.recordsName(), stored));
            params.add(MenuStore.columnKey(organizationId, workspaceId, column.referencedMenu(), column.referencedColumn()));
            numeric = false;
        } else {
            join = " LEFT JOIN menu_value s ON s.record_id = r.record_id AND s.column_key = ?";
            params.add(MenuStore.columnKey(organizationId, workspaceId, menu.recordsName(), name));
            numeric = column.type().numeric();
        }
        String value = numeric ? "s.value_num" : "s.value_key";
        // The same on every database: each has its own place for NULLs.
        return new Order(join, params, "CASE WHEN " + value + " IS NULL THEN 1 ELSE 0 END" + direction + ", "
                + value + direction + tie);
    }

    /** A sort of records as read: as {@link #order} sorts them, texts by their Java order. */
    static java.util.Comparator<MenuService.Record> comparator(MenuDefinition menu, MenuService.Sort sort) {
        if (!isColumn(menu, sort.column()) || menu.column(sort.column())
                .filter(c -> c.type() == ColumnType.PASSWORD).isPresent()) {
            throw ApiException.badRequest("menu.bad_sort", sort.column());
        }
        java.util.Comparator<MenuService.Record> order = (a, b) -> {
            Object x = a.parameter().get(sort.column());
            Object y = b.parameter().get(sort.column());
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            if (x instanceof Number n && y instanceof Number m) {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString()));
            }
            return String.valueOf(x).compareTo(String.valueOf(y));
        };
        return sort.descending() ? order.reversed() : order;
    }

    private static final String VALUES = "menu_value v WHERE v.column_key = ?";
    private static final String TEXTS = "menu_value_text t WHERE t.column_key = ?";

    /** {@code column} is one of the ids: each SELECT its own IN, so that each can drive the query from its index. */
    private static String any(String column, List<Ids> ids, List<Object> params) {
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        List<String> in = new ArrayList<>();
        for (Ids one : ids) {
            in.add(column + " IN (" + one.sql() + ")");
            params.addAll(one.params());
        }
        return in.size() == 1 ? in.get(0) : "(" + String.join(" OR ", in) + ")";
    }

    /**
     * The records whose value in the column meets the condition: through {@code value_key} (a text's first
     * {@link MenuStore#KEY_LENGTH} chars) and {@code value_num}, and for texts longer than their key through
     * menu_value_text, looked at only when the column holds such texts.
     */
    private static List<Ids> ids(String organizationId, String workspaceId, String menu, String column,
                                 Condition condition, boolean numeric, LongTexts longTexts) {
        List<Object> keys = List.of(MenuStore.columnKey(organizationId, workspaceId, menu, column));
        List<Ids> ids = new ArrayList<>();
        switch (condition.kind()) {
            case "NORMAL" -> {
                String pattern = "%" + escape(MenuService.text(condition.value())) + "%";
                ids.add(new Ids("SELECT v.record_id FROM " + VALUES + " AND v.value_key LIKE ? ESCAPE '!'",
                        with(keys, pattern)));
                if (longTexts.in(menu, column)) {
                    ids.add(new Ids("SELECT t.record_id FROM " + TEXTS + " AND t.value_text LIKE ? ESCAPE '!'",
                            with(keys, pattern)));
                }
            }
            case "LIST" -> {
                List<String> wanted = new ArrayList<>();
                condition.value().values().forEach(v -> {
                    String one = MenuService.text(v);
                    if (one != null) {
                        wanted.add(one);
                    }
                });
                List<String> keyed = wanted.stream().filter(MenuStore::isKey).toList();
                if (!keyed.isEmpty()) {
                    ids.add(new Ids("SELECT v.record_id FROM " + VALUES + " AND v.value_key IN ("
                            + String.join(", ", keyed.stream().map(w -> "?").toList()) + ")", with(keys, keyed.toArray())));
                }
                for (String w : wanted) {
                    if (MenuStore.isLong(w)) {
                        ids.add(new Ids("SELECT t.record_id FROM " + TEXTS + " AND t.value_text LIKE ? ESCAPE '!'",
                                with(keys, escape(w))));
                    } else if (!MenuStore.isKey(w)) {
                        ids.add(new Ids("SELECT v.record_id FROM " + VALUES + " AND v.value_key = ? AND NOT EXISTS "
                                + "(SELECT 1 FROM menu_value_text t WHERE t.record_id = v.record_id "
                                + "AND t.column_key = v.column_key)", with(keys, w)));
                    }
                }
            }
            default -> {
                String start = MenuService.text(condition.value().get("START"));
                String end = MenuService.text(condition.value().get("END"));
                String value = numeric ? "v.value_num" : "v.value_key";
                StringBuilder sql = new StringBuilder("SELECT v.record_id FROM " + VALUES);
                List<Object> params = new ArrayList<>(keys);
                if (start != null && !start.isEmpty()) {
                    sql.append(" AND ").append(value).append(" >= ?");
                    params.add(numeric ? number(start) : start);
                }
                if (end != null && !end.isEmpty()) {
                    sql.append(" AND ").append(value).append(" <= ?");
                    params.add(numeric ? number(end) : end);
                }
                ids.add(new Ids(sql.toString(), params));
            }
        }
        return ids;
    }

    private static List<Object> with(List<Object> keys, Object... more) {
        List<Object> params = new ArrayList<>(keys);
        params.addAll(List.of(more));
        return params;
    }

    /** uuid and id columns: the record's id itself. */
    private static String byId(Condition condition, List<Object> params) {
        if (condition.kind().equals("NORMAL")) {
            params.add("%" + escape(MenuService.text(condition.value())) + "%");
            return "r.record_id LIKE ? ESCAPE '!'";
        }
        List<String> wanted = new ArrayList<>();
        condition.value().values().forEach(v -> {
            String one = MenuService.text(v);
            if (one != null) {
                wanted.add(one);
            }
        });
        if (wanted.isEmpty()) {
            return "1 = 0";
        }
        params.addAll(wanted);
        return "r.record_id IN (" + String.join(", ", wanted.stream().map(w -> "?").toList()) + ")";
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
