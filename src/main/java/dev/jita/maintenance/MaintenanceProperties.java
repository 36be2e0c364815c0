package dev.jita.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param retryAfter what a refused client is told to wait before it tries again (Retry-After) */
@ConfigurationProperties("jita.maintenance")
public record MaintenanceProperties(@DefaultValue("60s") Duration retryAfter) {
}
