package dev.jita.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How maintenance notifications are sent to the webhooks.
 *
 * @param timeout      how long connecting, and then waiting for the answer, may each take per attempt
 * @param attempts     attempts of one notification before it ends as failed
 * @param backoff      the wait before the second attempt, doubled before each further one
 * @param pollInterval how often a node looks for notifications to try again (or left by a node that died)
 * @param concurrency  notifications one node sends at once
 * @param retention    how long ended notifications are kept
 */
@ConfigurationProperties("jita.notifications")
record NotificationProperties(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("6") int attempts,
        @DefaultValue("5s") Duration backoff,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int concurrency,
        @DefaultValue("7d") Duration retention) {

    NotificationProperties {
        if (attempts < 1 || concurrency < 1) {
            throw new IllegalArgumentException("jita.notifications.attempts and concurrency must be at least 1");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("jita.notifications.timeout must be positive");
        }
    }

    /** The wait after the failed attempt number {@code attempt} (1 for the first). */
    Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /** How long a node holds a notification it sends: beyond any attempt's connect and answer timeouts. */
    Duration lease() {
        return timeout.multipliedBy(2).plusMinutes(1);
    }
}
