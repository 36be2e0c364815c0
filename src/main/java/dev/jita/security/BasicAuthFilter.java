package dev.jita.security;

import dev.jita.core.ApiException;
import dev.jita.core.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for the API, with two kinds of realm: the system administrators on /api/platform and /api/ita,
 * and each organization's own users on /api/{organization_id}. An organization's users are checked against
 * that organization only, so a user of one organization can never authenticate on another.
 */
class BasicAuthFilter extends OncePerRequestFilter {

    static final String MASTER_REALM = "master";
    private static final Logger log = LoggerFactory.getLogger(BasicAuthFilter.class);

    private final AccountLookup accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final EnvelopeWriter envelope;
    private final String dummyHash;
    private final VerifiedCredentials verified;

    BasicAuthFilter(AccountLookup accounts, LoginThrottle throttle, PasswordEncoder passwords,
                    EnvelopeWriter envelope, Duration credentialCacheTtl) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = passwords;
        this.envelope = envelope;
        this.dummyHash = passwords.encode("timing-equaliser");
        this.verified = new VerifiedCredentials(credentialCacheTtl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean system = ApiPaths.isSystemPath(path);
        String organizationId = ApiPaths.organizationOf(path);
        if (!system && organizationId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (organizationId != null && !accounts.organizationExists(organizationId)) {
            envelope.write(request, response, ApiException.notFound("error.organization_not_found", organizationId));
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String[]> credentials = decode(header);
        if (credentials.isEmpty()) {
            unauthenticated(request, response);
            return;
        }
        String username = credentials.get()[0];
        String password = credentials.get()[1];
        Attempt attempt = new Attempt(system ? MASTER_REALM : organizationId, username, password);
        JitaUser user = system ? authenticateSystem(attempt) : authenticateOrg(organizationId, attempt);
        if (user == null) {
            attempt.failed();
            unauthenticated(request, response);
            return;
        }
        attempt.succeeded();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private JitaUser authenticateSystem(Attempt attempt) {
        Optional<String> hash = accounts.systemAdminHash(attempt.username);
        if (hash.isPresent()) {
            return attempt.check(MASTER_REALM, hash.get()) ? JitaUser.systemAdmin(attempt.username) : null;
        }
        // A genuine organization user on a system endpoint is authenticated but not allowed (403, not 401).
        for (AccountLookup.OrgAccount account : accounts.orgUsersNamed(attempt.username)) {
            if (attempt.check(account.organizationId(), account.passwordHash())) {
                return JitaUser.organizationUser(account.organizationId(), attempt.username, account.manager());
            }
        }
        attempt.check(MASTER_REALM, dummyHash);
        return null;
    }

    private JitaUser authenticateOrg(String organizationId, Attempt attempt) {
        Optional<AccountLookup.OrgAccount> account = accounts.orgUser(organizationId, attempt.username);
        if (account.isEmpty()) {
            attempt.check(organizationId, dummyHash);
            return null;
        }
        return attempt.check(organizationId, account.get().passwordHash())
                ? JitaUser.organizationUser(organizationId, attempt.username, account.get().manager())
                : null;
    }

    /**
     * One login attempt. Credentials that passed bcrypt a moment ago pass at once; any other check is first
     * slowed down by the user's recent failures, then pays bcrypt.
     */
    private final class Attempt {
        private final String realm;
        private final String username;
        private final String password;
        private Integer failures;

        Attempt(String realm, String username, String password) {
            this.realm = realm;
            this.username = username;
            this.password = password;
        }

        boolean check(String hashRealm, String hash) {
            if (verified.contains(hashRealm, username, hash, password)) {
                return true;
            }
            if (failures == null) {
                failures = throttle.failures(realm, username);
                pause(throttle.delayFor(failures));
            }
            boolean matches = matches(password, hash);
            if (matches) {
                verified.remember(hashRealm, username, hash, password);
            }
            return matches;
        }

        void failed() {
            int before = failures == null ? throttle.failures(realm, username) : failures;
            throttle.recordFailure(realm, username, before);
            log.info("Failed login of '{}' in realm '{}' ({} recent failures)", username, realm, before + 1);
        }

        void succeeded() {
            if (failures != null && failures > 0) {
                throttle.reset(realm, username);
            }
        }
    }

    /** bcrypt reads at most 72 bytes; a longer password never matches instead of failing the request. */
    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String[]> decode(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon > 64) {
                return Optional.empty();
            }
            return Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"jita\"");
        envelope.write(request, response, new ApiException("401-00002", "error.unauthenticated"));
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
