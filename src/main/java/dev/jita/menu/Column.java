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
 */
public record Column(String restName, String nameEn, String nameJa, ColumnType type, boolean required,
                     boolean unique, int maxLength, long minimum, Pattern pattern, List<String> choices,
                     String reference) {

    public static Column id(String restName, String en, String ja) {
        return new Column(restName, en, ja, ColumnType.ID, false, true, 36, 0, null, List.of(), null);
    }

    public static Column text(String restName, String en, String ja, boolean required, boolean unique, int maxLength) {
        return new Column(restName, en, ja, ColumnType.STRING, required, unique, maxLength, 0, null, List.of(), null);
    }

    public static Column multiline(String restName, String en, String ja, boolean required, int maxLength) {
        return new Column(restName, en, ja, ColumnType.MULTILINE, required, false, maxLength, 0, null, List.of(), null);
    }

    public static Column integer(String restName, String en, String ja, boolean required, long minimum, long maximum) {
        return new Column(restName, en, ja, ColumnType.INTEGER, required, false, (int) Math.min(maximum, Integer.MAX_VALUE),
                minimum, null, List.of(), null);
    }

    public static Column dateTime(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.DATETIME, required, false, 19, 0, null, List.of(), null);
    }

    public static Column choice(String restName, String en, String ja, boolean required, List<String> choices) {
        return new Column(restName, en, ja, ColumnType.CHOICE, required, false, 255, 0, null, choices, null);
    }

    public static Column reference(String restName, String en, String ja, boolean required, String menuDotColumn) {
        return new Column(restName, en, ja, ColumnType.REFERENCE, required, false, 255, 0, null, List.of(), menuDotColumn);
    }

    public static Column password(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.PASSWORD, required, false, 255, 0, null, List.of(), null);
    }

    public static Column file(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.FILE, required, false, 255, 0, null, List.of(), null);
    }

    /** The same column, its values also checked against {@code regex}. */
    public Column matching(String regex) {
        return new Column(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, Pattern.compile(regex),
                choices, reference);
    }

    String referencedMenu() {
        return reference.substring(0, reference.indexOf('.'));
    }

    String referencedColumn() {
        return reference.substring(reference.indexOf('.') + 1);
    }
}
