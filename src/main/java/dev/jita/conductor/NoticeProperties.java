package dev.jita.conductor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How conductor notices are sent (by the nodes that run backyards).
 *
 * @param noticeTimeout      how long connecting, and then waiting for the answer, may each take per attempt
 * @param noticeAttempts     attempts of one notice before it ends as failed
 * @param noticeBackoff      the wait before the second attempt, doubled before each further one
 * @param noticePollInterval how often a node looks for due notices
 * @param noticeConcurrency  notices one node sends at once
 * @param noticeRetention    how long ended notices are kept
 */
@ConfigurationProperties("jita.conductor")
record NoticeProperties(
        @DefaultValue("10s") Duration noticeTimeout,
        @DefaultValue("3") int noticeAttempts,
        @DefaultValue("30s") Duration noticeBackoff,
        @DefaultValue("1s") Duration noticePollInterval,
        @DefaultValue("4") int noticeConcurrency,
        @DefaultValue("30d") Duration noticeRetention) {

    NoticeProperties {
        if (noticeAttempts < 1 || noticeConcurrency < 1) {
            throw new IllegalArgumentException("jita.conductor.notice-attempts and notice-concurrency must be at least 1");
        }
        if (noticeTimeout.isZero() || noticeTimeout.isNegative()) {
            throw new IllegalArgumentException("jita.conductor.notice-timeout must be positive");
        }
    }

    /** The wait after the failed attempt number {@code attempt} (1 for the first). */
    Duration backoffAfter(int attempt) {
        return noticeBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /** How long a node holds a notice it sends: beyond any attempt's connect and answer timeouts. */
    Duration lease() {
        return noticeTimeout.multipliedBy(2).plusMinutes(1);
    }
}
