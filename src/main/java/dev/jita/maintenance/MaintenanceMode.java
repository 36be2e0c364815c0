package dev.jita.maintenance;

import java.util.Locale;
import java.util.Optional;

/** The two system-wide modes, by their API key and their stored name. */
public enum MaintenanceMode {
    BACKYARD_EXECUTE_STOP("backyard_execute_stop"),
    DATA_UPDATE_STOP("data_update_stop");

    private final String key;

    MaintenanceMode(String key) {
        this.key = key;
    }

    /** The key in the API, e.g. {@code backyard_execute_stop}. */
    public String key() {
        return key;
    }

    /** Matches an API key case-insensitively, as Exastro does. */
    public static Optional<MaintenanceMode> ofKey(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        for (MaintenanceMode mode : values()) {
            if (mode.key.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
