package dev.jita.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code jita_maintenance_mode{mode="..."}}: 1 while the mode is ON, else 0. */
@Component
class MaintenanceMetrics implements MeterBinder {

    private final MaintenanceGate gate;

    MaintenanceMetrics(MaintenanceGate gate) {
        this.gate = gate;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MaintenanceMode mode : MaintenanceMode.values()) {
            Gauge.builder("jita.maintenance.mode", gate, g -> g.current().isOn(mode) ? 1 : 0)
                    .description("1 while the maintenance mode is ON")
                    .tag("mode", mode.key())
                    .strongReference(true)
                    .register(registry);
        }
    }
}
