package dev.jita.platform;

import java.util.Locale;
import java.util.Optional;

/** A user's role in one workspace. */
public enum WorkspaceRole {
    /** Reads and writes the workspace's data. */
    MEMBER,
    /** Reads only. */
    VIEWER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkspaceRole> of(String name) {
        for (WorkspaceRole role : values()) {
            if (role.apiName().equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
