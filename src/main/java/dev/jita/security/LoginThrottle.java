package dev.jita.security;

import dev.jita.core.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated failed logins of one user name. The counts live in the database, so every node of a
 * cluster slows the same guesser down.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final SecurityProperties properties;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Recent consecutive failures of this user in this realm. */
    int failures(String realm, String username) {
        LocalDateTime since = Times.toDb(Instant.now().minus(properties.window()));
        return jdbc.sql("SELECT failure_count FROM login_failure WHERE realm = ? AND username = ? AND last_failure_at > ?")
                .params(realm, username, since)
                .query(Integer.class).optional().orElse(0);
    }

    Duration delayFor(int failures) {
        int beyond = failures - properties.freeAttempts();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.baseDelay().multipliedBy(1L << Math.min(beyond, 20));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    void recordFailure(String realm, String username, int previousFailures) {
        LocalDateTime now = Times.toDb(Times.now());
        int updated = jdbc.sql("UPDATE login_failure SET failure_count = ?, last_failure_at = ? WHERE realm = ? AND username = ?")
                .params(previousFailures + 1, now, realm, username).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO login_failure (realm, username, failure_count, last_failure_at) VALUES (?, ?, 1, ?)")
                        .params(realm, username, now).update();
            } catch (DuplicateKeyException raced) {
                jdbc.sql("UPDATE login_failure SET failure_count = failure_count + 1, last_failure_at = ? WHERE realm = ? AND username = ?")
                        .params(now, realm, username).update();
            }
        }
    }

    void reset(String realm, String username) {
        jdbc.sql("DELETE FROM login_failure WHERE realm = ? AND username = ?").params(realm, username).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < ?")
                .param(Times.toDb(Instant.now().minus(properties.window()))).update();
    }
}
