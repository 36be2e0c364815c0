package dev.jita.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A menu: its REST name, its own columns (the common ones, uuid, discard, remarks, last_update_date_time and
 * last_updated_user, are added by the engine), its unique keys of several columns, and whether users may
 * write it (execution lists are written by the drivers only).
 */
public record MenuDefinition(String restName, String nameEn, String nameJa, List<Column> columns,
                             List<List<String>> uniqueTogether, boolean userWritable) {

    public Optional<Column> column(String restName) {
        return columns.stream().filter(c -> c.restName().equals(restName)).findFirst();
    }

    /** Every unique key: single unique columns, then the keys of several columns. */
    List<List<String>> uniqueKeys() {
        List<List<String>> keys = new ArrayList<>();
        columns.stream().filter(Column::unique).forEach(c -> keys.add(List.of(c.restName())));
        keys.addAll(uniqueTogether);
        return keys;
    }
}
