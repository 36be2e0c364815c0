package dev.jita.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bcryptStrength log2 of the bcrypt rounds for stored passwords
 * @param freeAttempts   failed logins of one user after which every further attempt of it is delayed
 * @param baseDelay      the first such delay; it doubles with each further failure
 * @param maxDelay       the longest delay
 * @param window         a failure older than this no longer counts
 * @param credentialCacheTtl how long a node remembers that given credentials passed bcrypt (0: never)
 * @param maxConcurrentPasswordChecks bcrypt checks one node runs at once (0: as many as it has processors)
 * @param passwordCheckWait how long a login waits for such a turn before it is refused with 503
 */
@ConfigurationProperties("jita.security")
public record SecurityProperties(
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("3") int freeAttempts,
        @DefaultValue("500ms") Duration baseDelay,
        @DefaultValue("8s") Duration maxDelay,
        @DefaultValue("15m") Duration window,
        @DefaultValue("60s") Duration credentialCacheTtl,
        @DefaultValue("0") int maxConcurrentPasswordChecks,
        @DefaultValue("1s") Duration passwordCheckWait) {
}
