package dev.jita.security;

import dev.jita.core.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the request being handled. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static JitaUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof JitaUser user) {
            return user;
        }
        throw new ApiException("401-00002", "error.unauthenticated");
    }

    public static String name() {
        return get().username();
    }
}
