package dev.jita.maintenance;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Shows both modes in the readiness answer. A node in maintenance is still ready: it serves reads. */
@Component("maintenance")
class MaintenanceHealth implements HealthIndicator {

    private final MaintenanceGate gate;

    MaintenanceHealth(MaintenanceGate gate) {
        this.gate = gate;
    }

    @Override
    public Health health() {
        MaintenanceModes modes = gate.current();
        Health.Builder builder = Health.up();
        modes.asApi().forEach(builder::withDetail);
        return builder.build();
    }
}
