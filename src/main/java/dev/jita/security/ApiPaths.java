package dev.jita.security;

import java.util.Set;

/** Which realm a path under /api/ belongs to. */
public final class ApiPaths {

    /** Path segments that can never be organization ids, because the API or the platform uses them. */
    public static final Set<String> RESERVED = Set.of("master", "platform", "ita", "api", "auth", "admin",
            "actuator", "error", "login", "logout", "static", "health", "system", "root");

    private ApiPaths() {
    }

    /** True for /api/platform/** and /api/ita/**: the system administrators' realm. */
    static boolean isSystemPath(String path) {
        return path.startsWith("/api/platform/") || path.equals("/api/platform")
                || path.startsWith("/api/ita/") || path.equals("/api/ita");
    }

    /** The organization id of /api/{organization_id}/..., or null. */
    static String organizationOf(String path) {
        if (!path.startsWith("/api/") || isSystemPath(path)) {
            return null;
        }
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isEmpty() || RESERVED.contains(id) ? null : id;
    }
}
