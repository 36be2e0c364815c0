package dev.jita.security;

import dev.jita.core.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed logins of one user name. Every attempt that is let through to the password check
 * is counted first, as a failure until it succeeds, with a compare-and-set on the user's row: parallel attempts
 * each take a count of their own, on every node alike, since the counts live in the database. Once the free
 * attempts are used up, an attempt is let through only when the delay since the previous one is over;
 * an attempt that comes earlier is refused at once, without paying bcrypt.
 */
@Component
class LoginThrottle {

    /** Compare-and-set rounds lost to parallel attempts of the same user before one is refused. */
    private static final int ROUNDS = 5;

    private final JdbcClient jdbc;
    private final SecurityProperties properties;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    private record Failures(int count, LocalDateTime lastAt) {
    }

    /**
     * Counts this attempt and returns the user's failures before it, or throws {@link LoginRefused} when the
     * user must wait: then nothing is counted.
     */
    int admit(String realm, String username) {
        for (int round = 0; round < ROUNDS; round++) {
            Instant now = Times.now();
            Optional<Failures> stored = jdbc.sql(
                            "SELECT failure_count, last_failure_at FROM login_failure WHERE realm = ? AND username = ?")
                    .params(realm, username)
                    .query((rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, LocalDateTime.class)))
                    .optional();
            if (stored.isEmpty()) {
                try {
                    jdbc.sql("INSERT INTO login_failure (realm, username, failure_count, last_failure_at) VALUES (?, ?, 1, ?)")
                            .params(realm, username, Times.toDb(now)).update();
                    return 0;
                } catch (DuplicateKeyException parallelAttempt) {
                    continue;
                }
            }
            Instant lastAt = Times.fromDb(stored.get().lastAt());
            // A parallel attempt may have stored a time later than this one's clock reading.
            if (lastAt.isAfter(now)) {
                now = lastAt;
            }
            int failures = lastAt.isAfter(now.minus(properties.window())) ? stored.get().count() : 0;
            Duration delay = delayFor(failures);
            Duration wait = delay.minus(Duration.between(lastAt, now));
            if (delay.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ZERO) > 0) {
                throw LoginRefused.throttled(wait);
            }
            int taken = jdbc.sql("UPDATE login_failure SET failure_count = ?, last_failure_at = ? "
                            + "WHERE realm = ? AND username = ? AND failure_count = ? AND last_failure_at = ?")
                    .params(failures + 1, Times.toDb(now), realm, username, stored.get().count(), stored.get().lastAt())
                    .update();
            if (taken == 1) {
                return failures;
            }
        }
        // Other attempts of this user keep winning: they are being checked now, this one can come back.
        throw LoginRefused.throttled(properties.baseDelay());
    }

    Duration delayFor(int failures) {
        int beyond = failures - properties.freeAttempts();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.baseDelay().multipliedBy(1L << Math.min(beyond, 20));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    /** An admitted attempt was not checked after all (no turn for bcrypt): it does not count as a failure. */
    void giveBack(String realm, String username) {
        jdbc.sql("UPDATE login_failure SET failure_count = failure_count - 1 WHERE realm = ? AND username = ? "
                        + "AND failure_count > 0")
                .params(realm, username).update();
    }

    /** A password check succeeded: the user's failures, and this attempt's count, are forgotten. */
    void reset(String realm, String username) {
        jdbc.sql("DELETE FROM login_failure WHERE realm = ? AND username = ?").params(realm, username).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < ?")
                .param(Times.toDb(Instant.now().minus(properties.window()))).update();
    }
}
