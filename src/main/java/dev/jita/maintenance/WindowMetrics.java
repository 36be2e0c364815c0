package dev.jita.maintenance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code jita_maintenance_window_next_start_seconds}: the next window's start (Unix time), NaN when none. */
@Component
class WindowMetrics implements MeterBinder {

    private final MaintenanceWindows windows;

    WindowMetrics(MaintenanceWindows windows) {
        this.windows = windows;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jita.maintenance.window.next.start", windows,
                        w -> w.nextStart().map(start -> (double) start.getEpochSecond()).orElse(Double.NaN))
                .description("When the next maintenance window starts (Unix time); NaN when none is scheduled")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }
}
