package dev.jita.security;

import dev.jita.core.UntrustedText;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password, for the API's HTTP Basic and the web UI's login alike: against the
 * system administrators (no organization) or against one organization's users only. Credentials that passed
 * bcrypt a moment ago pass at once; any other attempt is first let through by the throttle (which counts it,
 * or refuses it while the user's delay after failed logins is not over), then waits its turn for bcrypt.
 */
@Component
class Authenticator {

    static final String MASTER_REALM = "master";
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private final AccountLookup accounts;
    private final LoginThrottle throttle;
    private final PasswordChecks passwords;
    private final CompletableFuture<String> dummyHash;
    private final VerifiedCredentials verified;

    Authenticator(AccountLookup accounts, LoginThrottle throttle, PasswordChecks passwords, PasswordEncoder encoder,
                  SecurityProperties properties) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = passwords;
        // Hashed beside the start-up, not in it; an unknown user's attempt before it is ready waits for it.
        this.dummyHash = CompletableFuture.supplyAsync(() -> encoder.encode("timing-equaliser"));
        this.verified = new VerifiedCredentials(properties.credentialCacheTtl());
    }

    /**
     * The user, or empty when the credentials are wrong. With {@code organizationId} null the system
     * administrators' realm is asked: there a genuine organization user is recognised (and will be refused
     * with 403 rather than 401).
     *
     * @throws LoginRefused when the credentials were not checked: the user must wait after failed logins, or
     *                      the node is checking as many passwords as it may
     */
    Optional<JitaUser> authenticate(String organizationId, String username, String password) {
        return verify(organizationId, username, password).map(Verified::user);
    }

    /** As {@link #authenticate}, with the stored password hash the password matched. */
    Optional<Verified> verify(String organizationId, String username, String password) {
        if (UntrustedText.hasControlCharacter(username)) {
            // No user name holds one (PostgreSQL cannot even compare NUL): refused without asking the database.
            log.info("Failed login of '{}': a user name never holds a control character", UntrustedText.forLog(username));
            return Optional.empty();
        }
        Attempt attempt = new Attempt(organizationId == null ? MASTER_REALM : organizationId, username, password);
        Verified result = organizationId == null ? authenticateSystem(attempt) : authenticateOrg(organizationId, attempt);
        if (result == null) {
            attempt.failed();
            return Optional.empty();
        }
        attempt.succeeded();
        return Optional.of(result);
    }

    /** A user whose password was just checked, and the stored hash it matched. */
    record Verified(JitaUser user, String passwordHash) {
    }

    boolean organizationExists(String organizationId) {
        return !UntrustedText.hasControlCharacter(organizationId) && accounts.organizationExists(organizationId);
    }

    private Verified authenticateSystem(Attempt attempt) {
        Optional<String> hash = accounts.systemAdminHash(attempt.username);
        if (hash.isPresent()) {
            return attempt.check(MASTER_REALM, hash.get())
                    ? new Verified(JitaUser.systemAdmin(attempt.username), hash.get()) : null;
        }
        // A genuine organization user on a system endpoint is authenticated but not allowed (403, not 401).
        for (AccountLookup.OrgAccount account : accounts.orgUsersNamed(attempt.username)) {
            if (attempt.check(account.organizationId(), account.passwordHash())) {
                return new Verified(JitaUser.organizationUser(account.organizationId(), attempt.username,
                        account.manager()), account.passwordHash());
            }
        }
        attempt.check(MASTER_REALM, dummyHash.join());
        return null;
    }

    private Verified authenticateOrg(String organizationId, Attempt attempt) {
        Optional<AccountLookup.OrgAccount> account = accounts.orgUser(organizationId, attempt.username);
        if (account.isEmpty()) {
            attempt.check(organizationId, dummyHash.join());
            return null;
        }
        return attempt.check(organizationId, account.get().passwordHash())
                ? new Verified(JitaUser.organizationUser(organizationId, attempt.username, account.get().manager()),
                        account.get().passwordHash())
                : null;
    }

    /**
     * One login attempt. Credentials that passed bcrypt a moment ago pass at once, touching neither the
     * throttle nor the turns for bcrypt; any other check is admitted (and counted) by the throttle once per
     * attempt, before the first bcrypt. An attempt that gets no turn for bcrypt was not checked: its count is
     * given back.
     */
    private final class Attempt {
        private final String realm;
        private final String username;
        private final String password;
        private Integer failuresBefore;

        Attempt(String realm, String username, String password) {
            this.realm = realm;
            this.username = username;
            this.password = password;
        }

        boolean check(String hashRealm, String hash) {
            String entry = verified.entry(hashRealm, username, hash, password);
            if (verified.contains(entry)) {
                return true;
            }
            CompletableFuture<Boolean> mine = new CompletableFuture<>();
            CompletableFuture<Boolean> other = verified.startCheck(entry, mine);
            // The same credentials being checked for a concurrent request (a script's parallel first calls): its
            // success is this request's too, neither a second bcrypt nor a second count by the throttle.
            if (other != null && other.join()) {
                return true;
            }
            boolean matches = false;
            try {
                matches = bcrypt(hash);
                return matches;
            } finally {
                if (other == null) {
                    verified.endCheck(entry, mine, matches);
                }
            }
        }

        private boolean bcrypt(String hash) {
            if (failuresBefore == null) {
                failuresBefore = throttle.admit(realm, username);
            }
            try {
                return passwords.matches(password, hash);
            } catch (LoginRefused busy) {
                throttle.giveBack(realm, username);
                throw busy;
            }
        }

        /** Already counted when it was admitted. */
        void failed() {
            log.info("Failed login of '{}' in realm '{}' ({} recent failures)", UntrustedText.forLog(username),
                    UntrustedText.forLog(realm), failuresBefore + 1);
        }

        void succeeded() {
            if (failuresBefore != null) {
                throttle.reset(realm, username);
            }
        }
    }
}
