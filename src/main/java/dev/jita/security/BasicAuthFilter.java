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
        String realm = system ? MASTER_REALM : organizationId;
        int failures = throttle.failures(realm, username);
        pause(throttle.delayFor(failures));

        JitaUser user = system ? authenticateSystem(username, password) : authenticateOrg(organizationId, username, password);
        if (user == null) {
            throttle.recordFailure(realm, username, failures);
            log.info("Failed login of '{}' in realm '{}' ({} recent failures)", username, realm, failures + 1);
            unauthenticated(request, response);
            return;
        }
        if (failures > 0) {
            throttle.reset(realm, username);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private JitaUser authenticateSystem(String username, String password) {
        Optional<String> hash = accounts.systemAdminHash(username);
        if (hash.isPresent()) {
            return matches(MASTER_REALM, username, password, hash.get()) ? JitaUser.systemAdmin(username) : null;
        }
        // A genuine organization user on a system endpoint is authenticated but not allowed (403, not 401).
        for (AccountLookup.OrgAccount account : accounts.orgUsersNamed(username)) {
            if (matches(account.organizationId(), username, password, account.passwordHash())) {
                return JitaUser.organizationUser(account.organizationId(), username, account.manager());
            }
        }
        matches(password, dummyHash);
        return null;
    }

    private JitaUser authenticateOrg(String organizationId, String username, String password) {
        Optional<AccountLookup.OrgAccount> account = accounts.orgUser(organizationId, username);
        if (account.isEmpty()) {
            matches(password, dummyHash);
            return null;
        }
        return matches(organizationId, username, password, account.get().passwordHash())
                ? JitaUser.organizationUser(organizationId, username, account.get().manager())
                : null;
    }

    private boolean matches(String realm, String username, String password, String hash) {
        if (verified.contains(realm, username, hash, password)) {
            return true;
        }
        boolean matches = matches(password, hash);
        if (matches) {
            verified.remember(realm, username, hash, password);
        }
        return matches;
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
