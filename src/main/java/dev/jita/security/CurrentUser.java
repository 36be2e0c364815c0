package dev.jita.security;

import dev.jita.core.ApiException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the request being handled. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static JitaUser get() {
        return find().orElseThrow(() -> new ApiException("401-00002", "error.unauthenticated"));
    }

    /** The caller, or empty while the request is not (yet) authenticated. */
    public static Optional<JitaUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof JitaUser user
                ? Optional.of(user) : Optional.empty();
    }

    public static String name() {
        return get().username();
    }
}
