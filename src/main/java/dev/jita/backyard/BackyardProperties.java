package dev.jita.backyard;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled              whether this node runs backyards (a node may serve only the API)
 * @param pollInterval         how often each backyard looks for work
 * @param concurrency          items one node runs at once per backyard
 * @param concurrencyPerBackyard the same for one backyard, by its name (e.g. ita-by-ansible-execute)
 * @param heartbeatInterval    how often a node says it is alive
 * @param deadAfter            a node silent this long is dead: its running items end in Unexpected error
 * @param sweepInterval        how often each node looks for dead nodes
 * @param shutdownGrace        how long a stopping node waits for its running items
 */
@ConfigurationProperties("jita.backyard")
public record BackyardProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int concurrency,
        Map<String, Integer> concurrencyPerBackyard,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration deadAfter,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("30s") Duration shutdownGrace) {

    public BackyardProperties {
        concurrencyPerBackyard = concurrencyPerBackyard == null ? Map.of() : Map.copyOf(concurrencyPerBackyard);
        if (concurrency < 1) {
            throw new IllegalArgumentException("jita.backyard.concurrency must be at least 1");
        }
        if (deadAfter.compareTo(heartbeatInterval.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("jita.backyard.dead-after must exceed two heartbeat intervals");
        }
    }

    int concurrencyOf(Backyard backyard) {
        return concurrencyPerBackyard.getOrDefault(backyard.serviceName(), concurrency);
    }
}
