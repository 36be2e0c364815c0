package dev.jita.menu;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A menu column by its REST name.
 *
 * @param maxLength  for text columns; for INTEGER the largest value
 * @param minimum    for INTEGER
 * @param pattern    for text columns, the format values must have (optional); for REFERENCE, another form a
 *                   value may be given in, whose group 1 is the referenced value (optional)
 * @param choices    for CHOICE
 * @param reference  for REFERENCE: "menu.column"
 * @param readOnly   jita fills it (ID, LANGUAGE, or a value computed on read, see {@link ComputedColumns}); a
 *                   value given in a write is ignored, as Exastro ignores its non-input columns
 * @param group      the id of its column group (see {@link MenuDefinition.ColumnGroup}), null when in none
 * @param description shown in {@code info/}, may be null
 * @param initialValue what a new record's form proposes ({@code info/}'s initial_value), may be null
 * @param decimalMinimum for FLOAT, null for none
 * @param decimalMaximum for FLOAT, null for none
 * @param digits     for FLOAT, the most digits a value may have (integer and fraction together)
 * @param lengthInBytes whether {@code maxLength} counts UTF-8 bytes rather than characters
 * @param through    for a read-only REFERENCE: the REFERENCE column of the same menu whose record gives the value
 * @param keyedBy    for REFERENCE, optional: a column both menus have (e.g. the operation) whose stored value the
 *                   referenced record must share with the referencing one
 * @param uploadMaximumBytes for FILE, the most bytes a file may have (0: only the request's limit)
 */
public record Column(String restName, String nameEn, String nameJa, ColumnType type, boolean required,
                     boolean unique, int maxLength, long minimum, Pattern pattern, List<String> choices,
                     String reference, boolean readOnly, String group, String description, String initialValue,
                     BigDecimal decimalMinimum, BigDecimal decimalMaximum, int digits, boolean lengthInBytes,
                     String through, String keyedBy, long uploadMaximumBytes) {

    public Column(String restName, String nameEn, String nameJa, ColumnType type, boolean required, boolean unique,
                  int maxLength, long minimum, Pattern pattern, List<String> choices, String reference, boolean readOnly) {
        this(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, pattern, choices, reference, readOnly,
                null, null, null, null, null, 0, false, null, null, 0);
    }

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

    /** A decimal number of at most {@code digits} digits, between the bounds given (null: none). */
    public static Column decimal(String restName, String en, String ja, boolean required, BigDecimal minimum,
                                 BigDecimal maximum, int digits) {
        return new Column(restName, en, ja, ColumnType.FLOAT, required, false, 0, 0, null, List.of(), null, false,
                null, null, null, minimum, maximum, digits, false, null, null, 0);
    }

    /** "YYYY/MM/DD". */
    public static Column date(String restName, String en, String ja, boolean required) {
        return new Column(restName, en, ja, ColumnType.DATE, required, false, 10, 0, null, List.of(), null, false);
    }

    public static Column link(String restName, String en, String ja, boolean required, int maxLength) {
        return new Column(restName, en, ja, ColumnType.LINK, required, false, maxLength, 0, null, List.of(), null, false);
    }

    /**
     * Read-only: the {@code menuDotColumn} value of the record that this menu's REFERENCE column {@code through}
     * names (Exastro's reference items of a pulldown).
     */
    public static Column referenceItem(String restName, String en, String ja, String through, String menuDotColumn) {
        return new Column(restName, en, ja, ColumnType.REFERENCE, false, false, 255, 0, null, List.of(), menuDotColumn,
                true, null, null, null, null, null, 0, false, through, null, 0);
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
                choices, reference, readOnly, group, description, initialValue, decimalMinimum, decimalMaximum,
                digits, lengthInBytes, through, keyedBy, uploadMaximumBytes);
    }

    /** The same column, filled by jita only: written values are ignored. */
    public Column filledByJita() {
        return new Column(restName, nameEn, nameJa, type, false, unique, maxLength, minimum, pattern, choices, reference,
                true, group, description, initialValue, decimalMinimum, decimalMaximum,
                digits, lengthInBytes, through, keyedBy, uploadMaximumBytes);
    }

    /** The same column, unique (among records that are not discarded) or not. */
    public Column asUnique(boolean isUnique) {
        return new Column(restName, nameEn, nameJa, type, required, isUnique, maxLength, minimum, pattern, choices,
                reference, readOnly, group, description, initialValue, decimalMinimum, decimalMaximum,
                digits, lengthInBytes, through, keyedBy, uploadMaximumBytes);
    }

    /** The same column in the column group {@code groupId}, with a description and an initial value (both may be null). */
    public Column shown(String groupId, String text, String initial) {
        return new Column(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, pattern, choices,
                reference, readOnly, groupId, text, initial, decimalMinimum, decimalMaximum,
                digits, lengthInBytes, through, keyedBy, uploadMaximumBytes);
    }

    /** The same REFERENCE, to a record that has the same stored value in {@code column} as the referencing one. */
    public Column keyedOn(String column) {
        return new Column(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, pattern, choices,
                reference, readOnly, group, description, initialValue, decimalMinimum, decimalMaximum, digits,
                lengthInBytes, through, column, uploadMaximumBytes);
    }

    /** The same FILE column, its files at most {@code bytes} long. */
    public Column uploadsUpTo(long bytes) {
        return new Column(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, pattern, choices,
                reference, readOnly, group, description, initialValue, decimalMinimum, decimalMaximum, digits,
                lengthInBytes, through, keyedBy, bytes);
    }

    /** The same column, its length limit counted in UTF-8 bytes. */
    public Column inBytes() {
        return new Column(restName, nameEn, nameJa, type, required, unique, maxLength, minimum, pattern, choices,
                reference, readOnly, group, description, initialValue, decimalMinimum, decimalMaximum,
                digits, true, through, keyedBy, uploadMaximumBytes);
    }

    /** Read-only, the language ("en" or "ja") of the request that last registered or updated the record. */
    public static Column language(String restName, String en, String ja) {
        return new Column(restName, en, ja, ColumnType.LANGUAGE, false, false, 40, 0, null, List.of(), null, true);
    }

    /**
     * Whether the two take the same values: the same type and rules, whatever their names, group, description
     * and initial value (a record compares patterns by identity; this compares their text).
     */
    boolean takesSameValues(Column other) {
        return rules().equals(other.rules()) && Objects.equals(
                pattern == null ? null : pattern.pattern(), other.pattern == null ? null : other.pattern.pattern());
    }

    private Column rules() {
        return new Column(restName, null, null, type, required, unique, maxLength, minimum, null, choices,
                reference, readOnly, null, null, null, decimalMinimum, decimalMaximum,
                digits, lengthInBytes, through, keyedBy, uploadMaximumBytes);
    }

    String referencedMenu() {
        return reference.substring(0, reference.indexOf('.'));
    }

    String referencedColumn() {
        return reference.substring(reference.indexOf('.') + 1);
    }
}
