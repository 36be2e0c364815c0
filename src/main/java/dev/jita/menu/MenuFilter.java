package dev.jita.menu;

import dev.jita.core.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Exastro's search conditions: {"column": {"NORMAL": "part"}} (contains), {"LIST": ["a", "b"]} (equals one),
 * {"RANGE": {"START": "x", "END": "y"}} (inclusive; numbers compare as numbers, date-times as text, which
 * orders jita's formats correctly). Several columns: all must hold. As in Exastro, a key that names no column
 * is ignored, and RANGE is only for numbers and date-times (499-00101 on any other column).
 */
final class MenuFilter {

    private MenuFilter() {
    }

    static Predicate<MenuService.Record> of(MenuDefinition menu, JsonNode conditions) {
        if (conditions == null || conditions.isNull() || conditions.isEmpty()) {
            return record -> true;
        }
        if (!conditions.isObject()) {
            throw ApiException.badBody("menu.bad_filter", "conditions must be a JSON object");
        }
        List<Predicate<MenuService.Record>> all = new ArrayList<>();
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
                all.add(predicate(column, kind.getKey(), kind.getValue()));
            }
        }
        return record -> all.stream().allMatch(p -> p.test(record));
    }

    private static boolean isColumn(MenuDefinition menu, String column) {
        return menu.column(column).isPresent() || List.of(MenuService.UUID_KEY, MenuService.DISCARD,
                MenuService.REMARKS, MenuService.LAST_UPDATE, MenuService.LAST_USER).contains(column);
    }

    private static boolean isRangeColumn(MenuDefinition menu, String column) {
        return column.equals(MenuService.LAST_UPDATE) || menu.column(column)
                .filter(c -> c.type().ranged()).isPresent();
    }

    private static Predicate<MenuService.Record> predicate(String column, String kind, JsonNode value) {
        switch (kind) {
            case "NORMAL" -> {
                String part = MenuService.text(value);
                if (part == null) {
                    throw ApiException.badRequest("menu.bad_filter", column + ".NORMAL must be a string");
                }
                return record -> {
                    Object actual = record.parameter().get(column);
                    return actual != null && String.valueOf(actual).contains(part);
                };
            }
            case "LIST" -> {
                if (!value.isArray()) {
                    throw ApiException.badRequest("menu.bad_filter", column + ".LIST must be an array");
                }
                List<String> wanted = new ArrayList<>();
                value.values().forEach(v -> wanted.add(MenuService.text(v)));
                return record -> {
                    Object actual = record.parameter().get(column);
                    return actual != null && wanted.contains(String.valueOf(actual));
                };
            }
            case "RANGE" -> {
                if (!value.isObject()) {
                    throw ApiException.badRequest("menu.bad_filter", column + ".RANGE must be an object");
                }
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
            default -> throw ApiException.badRequest("menu.bad_filter", column + ": " + kind + " is not NORMAL, LIST or RANGE");
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
