package dev.jita.maintenance;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for the due steps of maintenance windows every {@code jita.maintenance.window-check-interval}, on every
 * node that runs backyards ({@code jita.backyard.enabled}); the database gives each step to one of them.
 */
@Component
class WindowScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WindowScheduler.class);

    private final MaintenanceWindows windows;
    private final WindowProperties properties;
    private final boolean enabled;
    private volatile ScheduledExecutorService timer;

    WindowScheduler(MaintenanceWindows windows, WindowProperties properties,
                    @Value("${jita.backyard.enabled:true}") boolean enabled) {
        this.windows = windows;
        this.properties = properties;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "maintenance-windows");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.windowCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            windows.runDue();
        } catch (RuntimeException e) {
            // Nothing of a failed step was committed: the next tick (here or on another node) takes it again.
            log.warn("Maintenance window step failed; it is tried again: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
