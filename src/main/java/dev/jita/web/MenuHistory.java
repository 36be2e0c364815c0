package dev.jita.web;

import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A menu's journal as its history pages show it: each change with the fields it changed, old → new. */
final class MenuHistory {

    /** One field's change; {@code before} null when the record was registered by this change. */
    record Change(String label, String before, String after) {
    }

    /** One journal entry: {@code changes} relative to the entry before it of the same record. */
    record Row(String recordId, String datetime, String action, String user, boolean first, List<Change> changes) {
    }

    /** Which of the columns' names to show, and the names of remarks and discard. */
    record Labels(boolean japanese, String remarks, String discard) {
    }

    private MenuHistory() {
    }

    /** The row of a journal entry. Passwords are never shown, so they never show as changed. */
    static Row row(MenuDefinition menu, String recordId, String datetime, String action, String user,
                   Map<String, Object> before, Map<String, Object> after, Labels labels) {
        boolean japanese = labels.japanese();
        List<Change> changes = new ArrayList<>();
        for (Column column : menu.columns()) {
            if (column.type() != ColumnType.ID && column.type() != ColumnType.PASSWORD) {
                change(changes, japanese ? column.nameJa() : column.nameEn(), column.restName(), before, after);
            }
        }
        change(changes, labels.remarks(), "remarks", before, after);
        change(changes, labels.discard(), "discard", before, after);
        return new Row(recordId, datetime, action, user, before == null, changes);
    }

    private static void change(List<Change> changes, String label, String field, Map<String, Object> before,
                               Map<String, Object> after) {
        String old = before == null ? null : text(before.get(field));
        String now = text(after.get(field));
        if (before == null ? now != null && !(field.equals("discard") && now.equals("0")) : !Objects.equals(old, now)) {
            changes.add(new Change(label, old, now));
        }
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }
}
