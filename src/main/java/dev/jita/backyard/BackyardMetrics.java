package dev.jita.backyard;

import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per backyard: {@code jita_backyard_running_items}, {@code jita_backyard_waiting_items} (due and not yet
 * taken) and {@code jita_backyard_waiting_for_maintenance_items} (due, and held back by a mode that is ON).
 * One grouped query serves all gauges of a scrape. The drain forecast ({@link DrainForecast}):
 * {@code jita_drain_forecast_seconds_left}, the estimated seconds until execute_count is 0 (NaN while unknown),
 * and {@code jita_drain_forecast_unknown_items}, the counted running items with no history to estimate them from.
 */
@Component
class BackyardMetrics implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private record Snapshot(long takenAt, Map<Backyard, long[]> counts, boolean stopped) {
    }

    private record ForecastSnapshot(long takenAt, DrainForecast.Forecast forecast) {
    }

    private final JdbcClient jdbc;
    private final MaintenanceGate gate;
    private final DrainForecast forecasts;
    private volatile Snapshot snapshot = new Snapshot(0, new EnumMap<>(Backyard.class), false);
    private volatile ForecastSnapshot forecast = new ForecastSnapshot(0, null);

    BackyardMetrics(JdbcClient jdbc, MaintenanceGate gate, DrainForecast forecasts) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.forecasts = forecasts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Backyard backyard : Backyard.values()) {
            gauge(registry, "jita.backyard.running.items", "Items the backyard is running", backyard,
                    s -> s.counts().getOrDefault(backyard, new long[2])[1]);
            gauge(registry, "jita.backyard.waiting.items", "Items due and not yet taken", backyard,
                    s -> s.counts().getOrDefault(backyard, new long[2])[0]);
            gauge(registry, "jita.backyard.waiting.for.maintenance.items",
                    "Items due but held back because a maintenance mode is ON", backyard,
                    s -> s.stopped() ? s.counts().getOrDefault(backyard, new long[2])[0] : 0);
        }
        Gauge.builder("jita.drain.forecast.seconds.left", this, metrics -> metrics.currentForecast().untilZero()
                        .map(left -> left.toMillis() / 1000.0).orElse(Double.NaN))
                .description("Estimated seconds until execute_count is 0, from earlier runs; NaN while unknown")
                .strongReference(true)
                .register(registry);
        Gauge.builder("jita.drain.forecast.unknown.items", this, metrics -> metrics.currentForecast().unknownCount())
                .description("Running items counted in execute_count that no earlier run can estimate")
                .strongReference(true)
                .register(registry);
    }

    private synchronized DrainForecast.Forecast currentForecast() {
        if (forecast.takenAt() == 0 || System.nanoTime() - forecast.takenAt() >= FRESH.toNanos()) {
            forecast = new ForecastSnapshot(System.nanoTime(), forecasts.forecast());
        }
        return forecast.forecast();
    }

    private void gauge(MeterRegistry registry, String name, String description, Backyard backyard,
                       java.util.function.ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.current()))
                .description(description)
                .tag("backyard", backyard.serviceName())
                .strongReference(true)
                .register(registry);
    }

    private synchronized Snapshot current() {
        if (System.nanoTime() - snapshot.takenAt() < FRESH.toNanos() && snapshot.takenAt() != 0) {
            return snapshot;
        }
        Map<Backyard, long[]> counts = new EnumMap<>(Backyard.class);
        jdbc.sql("SELECT backyard, phase, COUNT(*) FROM backyard_item WHERE phase = 'R' "
                        + "OR (phase = 'W' AND (not_before IS NULL OR not_before <= ?)) GROUP BY backyard, phase")
                .param(Times.toDb(Times.now()))
                .query((rs, n) -> {
                    Backyard backyard = Backyard.of(rs.getString(1)).orElse(null);
                    if (backyard != null) {
                        counts.computeIfAbsent(backyard, b -> new long[2])[rs.getString(2).equals("R") ? 1 : 0] = rs.getLong(3);
                    }
                    return backyard;
                }).list();
        snapshot = new Snapshot(System.nanoTime(), counts, gate.current().jobsStopped());
        return snapshot;
    }
}
