package dev.jita.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryAfter    what a refused client is told to wait before it tries again (Retry-After)
 * @param switchTimeout how long a mode change may wait for the mode rows: writes under way give way to a change
 *                      that turns load mode ON well within it; past it the change is refused with 503
 * @param benchUnguardedWrites for bench/write-guard.sh only: writes skip the load-mode guard. Refused at start-up
 *                      unless the environment also says so (see {@link MaintenanceGate}); never set it in production
 */
@ConfigurationProperties("jita.maintenance")
public record MaintenanceProperties(@DefaultValue("60s") Duration retryAfter,
                                    @DefaultValue("5s") Duration switchTimeout,
                                    @DefaultValue("false") boolean benchUnguardedWrites) {
}
