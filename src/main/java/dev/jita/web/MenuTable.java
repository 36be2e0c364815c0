package dev.jita.web;

import dev.jita.core.Messages;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A menu table's search as its URL holds it: a filter per column fitted to its type ({@code q:column} contains,
 * {@code l:column} one of the values, {@code from:column} and {@code to:column} a range), {@code discarded}
 * (all, hidden or only), {@code sort} and {@code dir}, {@code size} and {@code page}. Every link of the page is
 * built from it, so paging keeps the filter, the sort and the page size.
 */
final class MenuTable {

    static final String DISCARDED_ALL = "all";
    static final List<String> DISCARDED = List.of(DISCARDED_ALL, "hidden", "only");
    private static final String DESCENDING = "desc";
    private static final List<String> KEPT = List.of("discarded", "sort", "dir", "size");

    /** One column's filter: {@code kind} is text, list or range; {@code input} the range's input type. */
    record Filter(String column, String label, String kind, String input, List<String> options, String value,
                  String from, String to, String fromLabel, String toLabel) {
    }

    /** A field every record has, searched as the menu's columns are. */
    private record Common(String column, String messageKey, String kind) {
    }

    private static final String LAST_UPDATE = "last_update_date_time";
    private static final List<Common> COMMON = List.of(new Common("remarks", "ui.menu.remarks", "text"),
            new Common(LAST_UPDATE, "ui.console.col.since_in", "range"),
            new Common("last_updated_user", "ui.menu.last_updated_user", "text"));

    private final List<Column> columns;
    private final Map<String, String> kept;
    private final String base;
    private final boolean japanese;
    private final ReaderTime time;

    private MenuTable(List<Column> columns, Map<String, String> kept, String base, boolean japanese, ReaderTime time) {
        this.time = time;
        this.columns = columns;
        this.kept = kept;
        this.base = base;
        this.japanese = japanese;
    }

    /** The table's search from the query: only the parameters it knows, those without a value left out. */
    static MenuTable of(List<Column> columns, Map<String, String> query, String base, boolean japanese,
                        ReaderTime time) {
        List<Column> searched = columns.stream()
                .filter(c -> c.type() != ColumnType.PASSWORD && c.type() != ColumnType.FILE).toList();
        Map<String, String> kept = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            int colon = name.indexOf(':');
            boolean filter = colon > 0 && List.of("q", "l", "from", "to").contains(name.substring(0, colon))
                    && (searched.stream().anyMatch(c -> c.restName().equals(name.substring(colon + 1)))
                    || COMMON.stream().anyMatch(c -> c.column().equals(name.substring(colon + 1))));
            if (filter || KEPT.contains(name)) {
                kept.put(name, value.trim());
            }
        });
        return new MenuTable(searched, kept, base, japanese, time);
    }

    /** The page size asked for, null for the default. */
    String size() {
        return kept.get("size");
    }

    public String discarded() {
        return kept.getOrDefault("discarded", DISCARDED_ALL);
    }

    /** Whether the discarded choice is one of {@link #DISCARDED}. */
    boolean discardedKnown() {
        return DISCARDED.contains(discarded());
    }

    public String sortColumn() {
        return kept.get("sort");
    }

    public boolean descending() {
        return DESCENDING.equals(kept.get("dir"));
    }

    MenuService.Sort sort() {
        return sortColumn() == null ? null : new MenuService.Sort(sortColumn(), descending());
    }

    /** The search as Exastro's conditions, as {@code filter/} takes them. */
    ObjectNode conditions(ObjectMapper json) {
        ObjectNode conditions = json.createObjectNode();
        for (Map.Entry<String, String> entry : kept.entrySet()) {
            String name = entry.getKey();
            int colon = name.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String column = name.substring(colon + 1);
            String value = entry.getValue();
            switch (name.substring(0, colon)) {
                case "q" -> conditions.putObject(column).put("NORMAL", value);
                case "l" -> conditions.putObject(column).putArray("LIST").add(value);
                case "from" -> range(conditions, column).put("START", bound(column, value, false));
                default -> range(conditions, column).put("END", bound(column, value, true));
            }
        }
        switch (discarded()) {
            case "hidden" -> conditions.putObject("discard").putArray("LIST").add("0");
            case "only" -> conditions.putObject("discard").putArray("LIST").add("1");
            default -> {
            }
        }
        return conditions;
    }

    private static ObjectNode range(ObjectNode conditions, String column) {
        ObjectNode condition = conditions.has(column) ? (ObjectNode) conditions.get(column) : conditions.putObject(column);
        return condition.has("RANGE") ? (ObjectNode) condition.get("RANGE") : condition.putObject("RANGE");
    }

    /**
     * A range's bound as the API compares it. A date-time picker gives {@code 2026-01-05T10:00}: written as jita
     * writes date-times, the minute taken whole at the end of a range (and a date alone, the whole day). The last
     * update is an instant, picked in the reader's zone and compared in UTC, as are the date-time columns jita
     * fills (the operation's last run); the others hold times as they were typed, without a zone, and are
     * compared as they are.
     */
    private String bound(String column, String value, boolean end) {
        Column known = columns.stream().filter(c -> c.restName().equals(column)).findFirst().orElse(null);
        ColumnType type = known == null ? ColumnType.DATETIME : known.type();
        if (type.numeric()) {
            return value;
        }
        String text = value.replace('T', ' ').replace('-', '/');
        if (type == ColumnType.DATE) {
            return text;
        }
        if (text.length() == "yyyy/MM/dd".length()) {
            text += end ? " 23:59:59" : " 00:00:00";
        } else if (text.length() == "yyyy/MM/dd hh:mm".length()) {
            text += end ? ":59" : ":00";
        }
        if (column.equals(LAST_UPDATE) && text.length() == "yyyy/MM/dd hh:mm:ss".length()) {
            text = time.utc(text) + (end ? ".999999" : ".000000");
        } else if (known != null && instants(known)) {
            text = time.utc(text);
        }
        return text;
    }

    /** Whether the column's values are instants jita wrote in UTC (shown and filtered in the reader's zone). */
    static boolean instants(Column column) {
        return column.type() == ColumnType.DATETIME && column.readOnly();
    }

    /** The filters in the order of the columns, then those of the fields every record has. */
    List<Filter> filters(Function<String, List<String>> values, Locale locale, Messages messages) {
        List<Filter> filters = new ArrayList<>();
        for (Column column : columns) {
            String name = japanese ? column.nameJa() : column.nameEn();
            String label = instants(column) ? name + " (" + time.zone() + ")" : name;
            String kind = switch (column.type()) {
                case CHOICE, REFERENCE -> "list";
                case INTEGER, FLOAT, DATE, DATETIME -> "range";
                default -> "text";
            };
            String input = switch (column.type()) {
                case INTEGER, FLOAT -> "number";
                case DATE -> "date";
                default -> "datetime-local";
            };
            filters.add(filter(column.restName(), label, kind, input,
                    kind.equals("list") ? values.apply(column.restName()) : List.of(), locale, messages));
        }
        for (Common common : COMMON) {
            filters.add(filter(common.column(), messages.get(locale, common.messageKey(), time.zone()), common.kind(),
                    "datetime-local", List.of(), locale, messages));
        }
        return filters;
    }

    private Filter filter(String column, String label, String kind, String input, List<String> options, Locale locale,
                          Messages messages) {
        List<String> offered = options;
        String chosen = kept.get("l:" + column);
        if (chosen != null && !options.contains(chosen)) {
            offered = new ArrayList<>(options);
            offered.add(0, chosen);
        }
        return new Filter(column, label, kind, input, offered, kind.equals("list") ? chosen : kept.get("q:" + column),
                kept.get("from:" + column), kept.get("to:" + column), messages.get(locale, "ui.menu.from", label),
                messages.get(locale, "ui.menu.to", label));
    }

    /** This page of the same search. */
    public String pageLink(int page) {
        Map<String, String> query = new LinkedHashMap<>(kept);
        query.put("page", String.valueOf(page));
        return link(query);
    }

    /** The first page sorted by the column: ascending, or descending when it is already sorted ascending by it. */
    public String sortLink(String column) {
        Map<String, String> query = new LinkedHashMap<>(kept);
        query.put("sort", column);
        query.put("dir", column.equals(sortColumn()) && !descending() ? DESCENDING : "asc");
        return link(query);
    }

    /** The download of the same search and sort, all its records in one file: {@code json} or {@code excel}. */
    public String downloadLink(String format) {
        Map<String, String> query = new LinkedHashMap<>(kept);
        query.remove("size");
        String link = link(query);
        return base + "/download/" + format + link.substring(base.length()).replaceFirst("^\\?$", "");
    }

    /** The column's aria-sort: ascending, descending, or null when the table is not sorted by it. */
    public String sortState(String column) {
        return column.equals(sortColumn()) ? (descending() ? "descending" : "ascending") : null;
    }

    private String link(Map<String, String> query) {
        return base + "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The page numbers a pager shows: the first, the last and those near the current one; 0 for a gap. */
    static List<Integer> pageNumbers(int page, int pages) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 2) {
                numbers.add(n);
            } else if (numbers.get(numbers.size() - 1) != 0) {
                numbers.add(0);
            }
        }
        return numbers;
    }
}
