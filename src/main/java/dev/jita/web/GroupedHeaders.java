package dev.jita.web;

import dev.jita.menu.Column;
import dev.jita.menu.MenuDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A menu table's header rows: each column group over its columns (nested groups as further rows), each column's
 * name under its groups, reaching down to the last row.
 */
final class GroupedHeaders {

    /** One header cell; {@code group} for a column group's cell, else {@code column} names its column. */
    record Cell(String label, int colspan, int rowspan, boolean group, String column) {
    }

    private GroupedHeaders() {
    }

    static List<List<Cell>> of(MenuDefinition menu, List<Column> columns, boolean japanese) {
        List<List<MenuDefinition.ColumnGroup>> chains = columns.stream().map(c -> chain(menu, c)).toList();
        int depth = 1 + chains.stream().mapToInt(List::size).max().orElse(0);
        List<List<Cell>> rows = new ArrayList<>();
        for (int row = 0; row < depth; row++) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                List<MenuDefinition.ColumnGroup> chain = chains.get(i);
                if (row < chain.size()) {
                    MenuDefinition.ColumnGroup group = chain.get(row);
                    int span = 1;
                    while (i + span < columns.size() && chains.get(i + span).size() > row
                            && chains.get(i + span).get(row).id().equals(group.id())) {
                        span++;
                    }
                    cells.add(new Cell(japanese ? group.nameJa() : group.nameEn(), span, 1, true, null));
                    i += span - 1;
                } else if (row == chain.size()) {
                    Column column = columns.get(i);
                    cells.add(new Cell(japanese ? column.nameJa() : column.nameEn(), 1, depth - row, false,
                            column.restName()));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The column's groups from the top one down. */
    private static List<MenuDefinition.ColumnGroup> chain(MenuDefinition menu, Column column) {
        List<MenuDefinition.ColumnGroup> chain = new ArrayList<>();
        Optional<MenuDefinition.ColumnGroup> group = column.group() == null ? Optional.empty()
                : menu.columnGroup(column.group());
        while (group.isPresent() && chain.size() < menu.columnGroups().size()) {
            chain.add(0, group.get());
            group = group.get().parentId() == null ? Optional.empty() : menu.columnGroup(group.get().parentId());
        }
        return chain;
    }
}
