package dev.jita.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A menu: its REST name, its own columns (the common ones, uuid, discard, remarks, last_update_date_time and
 * last_updated_user, are added by the engine), its unique keys of several columns, and whether users may
 * write it (execution lists are written by the drivers only).
 *
 * @param columnGroups the groups its columns may belong to ({@link Column#group()}), parents before children
 * @param sheet        what {@code info/} says of a parameter sheet's menu; null for other menus
 * @param recordsOf    the menu whose records this one shows (a read-only view of them, with its own columns);
 *                     null: its own records
 */
public record MenuDefinition(String restName, String nameEn, String nameJa, List<Column> columns,
                             List<List<String>> uniqueTogether, boolean userWritable, List<ColumnGroup> columnGroups,
                             Sheet sheet, String recordsOf) {

    public MenuDefinition(String restName, String nameEn, String nameJa, List<Column> columns,
                          List<List<String>> uniqueTogether, boolean userWritable) {
        this(restName, nameEn, nameJa, columns, uniqueTogether, userWritable, List.of(), null, null);
    }

    /** A group of columns shown under one header; {@code parentId} null for a group at the top. */
    public record ColumnGroup(String id, String nameEn, String nameJa, String parentId) {
    }

    /** Exastro's {@code sheet_type} ("1" Host/Operation, "2" Data sheet, "3" Operation) and {@code vertical} ("0"/"1"). */
    public record Sheet(String sheetType, String vertical) {
    }

    public Optional<Column> column(String restName) {
        return columns.stream().filter(c -> c.restName().equals(restName)).findFirst();
    }

    public Optional<ColumnGroup> columnGroup(String id) {
        return columnGroups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The menu under whose name its records are stored. */
    public String recordsName() {
        return recordsOf == null ? restName : recordsOf;
    }

    /** Every unique key: single unique columns, then the keys of several columns. */
    List<List<String>> uniqueKeys() {
        List<List<String>> keys = new ArrayList<>();
        columns.stream().filter(Column::unique).forEach(c -> keys.add(List.of(c.restName())));
        keys.addAll(uniqueTogether);
        return keys;
    }
}
