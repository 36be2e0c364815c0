package dev.jita.parametersheet;

import java.util.Optional;

/** The sheet types a definition may ask for, by Exastro's ids and display names (both languages). */
enum SheetType {
    HOST_OPERATION("1", "Parameter Sheet(Host/Operation)", "パラメータシート（ホスト/オペレーションあり）"),
    DATA("2", "Data Sheet", "データシート"),
    OPERATION("3", "Parameter Sheet(Operation)", "パラメータシート（オペレーションあり）");

    private final String id;
    private final String english;
    private final String japanese;

    SheetType(String id, String english, String japanese) {
        this.id = id;
        this.english = english;
        this.japanese = japanese;
    }

    String id() {
        return id;
    }

    String displayName(boolean inJapanese) {
        return inJapanese ? japanese : english;
    }

    /** By display name in either language, or by id (jita's plainer form). */
    static Optional<SheetType> of(String text) {
        for (SheetType type : values()) {
            if (type.id.equals(text) || type.english.equals(text) || type.japanese.equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
