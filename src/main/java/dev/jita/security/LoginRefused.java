package dev.jita.security;

import dev.jita.core.ApiException;
import java.time.Duration;
import java.util.Map;

/**
 * A login attempt that is not checked at all, and so neither passes nor fails: the user's delay after
 * failed logins is not over, or too many passwords are being checked at once. Either says when to retry.
 */
final class LoginRefused extends RuntimeException {

    private final String result;
    private final String messageKey;
    private final long retryAfterSeconds;

    private LoginRefused(String result, String messageKey, Duration retryAfter) {
        super(messageKey, null, false, false);
        this.result = result;
        this.messageKey = messageKey;
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static LoginRefused throttled(Duration retryAfter) {
        return new LoginRefused("429-00001", "error.login_throttled", retryAfter);
    }

    static LoginRefused busy(Duration retryAfter) {
        return new LoginRefused("503-00002", "error.login_busy", retryAfter);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    ApiException asApiException() {
        return new ApiException(result, Map.of("Retry-After", Long.toString(retryAfterSeconds)), messageKey,
                retryAfterSeconds);
    }
}
