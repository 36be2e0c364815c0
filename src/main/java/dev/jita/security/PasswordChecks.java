package dev.jita.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Pays bcrypt, for a bounded number of requests at once: a flood of logins that each need the slow hash then
 * waits here, briefly, instead of taking every processor and request thread, and requests whose credentials
 * are remembered never come here at all. A request that gets no turn within the wait is refused (503 with
 * Retry-After), never kept waiting longer.
 */
@Component
class PasswordChecks {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordEncoder passwords;
    private final Semaphore turns;
    private final long waitNanos;

    PasswordChecks(PasswordEncoder passwords, SecurityProperties properties) {
        this.passwords = passwords;
        int limit = properties.maxConcurrentPasswordChecks() > 0 ? properties.maxConcurrentPasswordChecks()
                : Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(limit, true);
        this.waitNanos = properties.passwordCheckWait().toNanos();
    }

    /** bcrypt reads at most 72 bytes; a longer password never matches instead of failing the request. */
    boolean matches(String password, String hash) {
        acquire();
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            turns.release();
        }
    }

    private void acquire() {
        try {
            if (!turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw LoginRefused.busy(RETRY_AFTER);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LoginRefused.busy(RETRY_AFTER);
        }
    }
}
