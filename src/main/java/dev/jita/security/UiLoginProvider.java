package dev.jita.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The web UI's login: the form's organization field chooses the realm (empty: the system administrators).
 * The checks, the slowing down of failed attempts and the roles are those of the API; an attempt that is
 * not checked now (see {@link LoginRefused}) sends the user back to the login page with "try again". The
 * session keeps a fingerprint of the password hash, so that {@link SessionAccountFilter} can tell when the
 * account changed.
 */
class UiLoginProvider implements AuthenticationProvider {

    private final Authenticator authenticator;

    UiLoginProvider(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String organization = login.getDetails() instanceof String text && !text.isBlank() ? text.trim() : null;
        String username = login.getName();
        String password = String.valueOf(login.getCredentials());
        if (organization != null && !authenticator.organizationExists(organization)) {
            throw new BadCredentialsException("unknown organization");
        }
        Authenticator.Verified verified;
        try {
            verified = authenticator.verify(organization, username, password)
                    .filter(v -> organization != null || v.user().systemAdmin())
                    .orElseThrow(() -> new BadCredentialsException("bad credentials"));
        } catch (LoginRefused refused) {
            throw new NotCheckedNow(refused);
        }
        return new SessionLogin(verified.user(), verified.passwordHash());
    }

    /** The credentials were not checked: the login page asks to try again in a moment. */
    static final class NotCheckedNow extends AuthenticationServiceException {
        NotCheckedNow(LoginRefused refused) {
            super("login refused for now, retry after " + refused.retryAfterSeconds() + " s", refused);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
