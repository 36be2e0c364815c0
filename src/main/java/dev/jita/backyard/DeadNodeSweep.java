package dev.jita.backyard;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every node, API-only ones too, looks for dead backyard nodes, so that a drain ends even when they die. */
@Component
class DeadNodeSweep {

    private final Nodes nodes;
    private final BackyardProperties properties;

    DeadNodeSweep(Nodes nodes, BackyardProperties properties) {
        this.nodes = nodes;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${jita.backyard.sweep-interval:5s}", initialDelayString = "${jita.backyard.sweep-interval:5s}")
    void sweep() {
        nodes.sweep(properties.deadAfter());
    }
}
