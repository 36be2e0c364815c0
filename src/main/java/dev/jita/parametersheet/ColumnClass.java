package dev.jita.parametersheet;

import java.util.List;
import java.util.Optional;

/**
 * The column classes a sheet's items may have (Exastro's ids and class names), with the keys each keeps in the
 * normal form of a definition (docs/parameter-sheets.md).
 */
enum ColumnClass {
    SINGLE_TEXT("1", "SingleTextColumn", "String", "文字列(単一行)",
            "single_string_maximum_bytes", "single_string_regular_expression", "single_string_default_value"),
    MULTI_TEXT("2", "MultiTextColumn", "Multi string", "文字列(複数行)",
            "multi_string_maximum_bytes", "multi_string_regular_expression", "multi_string_default_value"),
    NUM("3", "NumColumn", "Integer", "整数",
            "integer_minimum_value", "integer_maximum_value", "integer_default_value"),
    FLOAT("4", "FloatColumn", "Decimal number", "小数",
            "decimal_minimum_value", "decimal_maximum_value", "decimal_digit", "decimal_default_value"),
    DATETIME("5", "DateTimeColumn", "Date/time", "日時", "datetime_default_value"),
    DATE("6", "DateColumn", "Date", "日付", "date_default_value"),
    PULLDOWN("7", "IDColumn", "Pulldown selection", "プルダウン選択",
            "pulldown_menu", "pulldown_column", "pulldown_selection_default_value", "reference_item"),
    PASSWORD("8", "PasswordColumn", "Password", "パスワード", "password_maximum_bytes"),
    FILE("9", "FileUploadColumn", "File upload", "ファイルアップロード", "file_upload_maximum_bytes"),
    LINK("10", "HostInsideLinkTextColumn", "Link", "リンク", "link_maximum_bytes", "link_default_value"),
    SHEET_REFERENCE("11", "ParameterSheetReference", "Parameter Sheet Reference", "パラメータシート参照",
            "parameter_sheet_reference_menu", "parameter_sheet_reference_column");

    private final String id;
    private final String className;
    private final String english;
    private final String japanese;
    private final List<String> keys;

    ColumnClass(String id, String className, String english, String japanese, String... keys) {
        this.id = id;
        this.className = className;
        this.english = english;
        this.japanese = japanese;
        this.keys = List.of(keys);
    }

    String id() {
        return id;
    }

    String className() {
        return className;
    }

    String displayName(boolean inJapanese) {
        return inJapanese ? japanese : english;
    }

    /** The keys of this class in the normal form, in Exastro's order. */
    List<String> keys() {
        return keys;
    }

    /** By Exastro's class name or id. */
    static Optional<ColumnClass> of(String nameOrId) {
        for (ColumnClass value : values()) {
            if (value.className.equals(nameOrId) || value.id.equals(nameOrId)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
