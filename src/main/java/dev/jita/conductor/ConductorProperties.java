package dev.jita.conductor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled         whether this node steps conductor instances (ita-by-conductor-synchronize)
 * @param monitoringCycle how long an instance waits between two steps (Exastro's status_monitoring_cycle)
 * @param maxCallDepth    how deep call nodes may nest conductors at run time
 */
@ConfigurationProperties("jita.conductor")
public record ConductorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3s") Duration monitoringCycle,
        @DefaultValue("16") int maxCallDepth) {
}
