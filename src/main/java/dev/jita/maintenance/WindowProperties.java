package dev.jita.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noticeLead          how long before a window's start pages show its notice and API answers carry
 *                            X-Maintenance-Scheduled
 * @param windowCheckInterval how often each node that runs backyards looks for a window's due step
 * @param windowLateAfter     a step taken more than this after its time is audited as late (no node ran then)
 */
@ConfigurationProperties("jita.maintenance")
public record WindowProperties(@DefaultValue("PT1H") Duration noticeLead,
                               @DefaultValue("5s") Duration windowCheckInterval,
                               @DefaultValue("1m") Duration windowLateAfter) {
}
