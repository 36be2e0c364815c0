package dev.jita.menu;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A menu column by its REST name.
 *
 * @param maxLength  for text columns; for INTEGER the largest value
 * @param minimum    for INTEGER
 * @param pattern    for STRING, optional
 * @param choices    for CHOICE
 * @param reference  for REFERENCE: "menu.column"
 * @param readOnly   jita fills it (ID, LANGUAGE, or a value computed on read, see {@link ComputedColumns}); a
 *                   value given in a write is ignored, as Exastro ignores its non-input columns
 */
public record Column(String restName, String nameEn, String nameJa, ColumnType type, boolean required,
                     boolean unique, int maxLength, long minimum, Pattern pattern, List<String> choices,
                     String reference, boolean readOnly) {

    public static Column id(String restName, String en, String ja) {
        return new Column(restName, en, ja, ColumnType.ID, false, true, 36, 0, null, List.of(), null, true);
    }

    public static Column text(String restName, String en, String ja, boolean required, boolean unique, int maxLength) {
        return new Column(restName, en, ja, ColumnType.STRING, required, unique, maxLength, 0, null, List.of(), null, false);
    }

    public static Column multiline(String restName, String en, String ja, boolean required, int maxLength) {
        return new Column(restName, en, ja, ColumnType.MULTILINE, required, false, maxLength, 0, null, List.of(), null, false);
    }

    public static Column integer(String restName, String en, String ja, boolean required, long minimum, long maximum) {
        return new Column(restName, en, ja, ColumnType.INTEGER, required, false, (int) Math.min(maximum, Integer.MAX_VALUE),
                minimum, null, List.of(), null, false);
    }

    public static Column dateTime(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.DATETIME, required, false, 19, 0, null, List.of(), null, false);
    }

    public static Column choice(String restName, String en, String ja, boolean required, List<String> choices) {
        return new Column(restName, en, ja, ColumnType.CHOICE, required, false, 255, 0, null, choices, null, false);
    }

    public static Column reference(String restName, String en, String ja, boolean required, String menuDotColumn) {
        return new Column(restName, en, ja, ColumnType.REFERENCE, required, false, 255, 0, null, List.of(), menuDotColumn, false);
    }

    public static Column password(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.PASSWORD, required, false, 255, 0, null, List.of(), null, false);
    }

    public static Column file(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.FILE, required, false, 255, 0, null, List.of(), null, false);
    }

    /** The same column, its values also checked against {@code regex}. */
    public Column matching(String regex) {
        return new Column(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, Pattern.compile(regex),
                choices, reference, readOnly);
    }

    /** The same column, filled by jita only: written values are ignored. */
    public Column filledByJita() {
        return new Column(restName, nameEn, nameJa, type, false, unique, maxLength, minimum, pattern, choices, reference, true);
    }

    /** Read-only, the language ("en" or "ja") of the request that last registered or updated the record. */
    public static Column language(String restName, String en, String ja) {
        return new Column(restName, en, ja, ColumnType.LANGUAGE, false, false, 40, 0, null, List.of(), null, true);
    }

    String referencedMenu() {
        return reference.substring(0, reference.indexOf('.'));
    }

    String referencedColumn() {
        return reference.substring(reference.indexOf('.') + 1);
    }
}
