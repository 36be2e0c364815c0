package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.Dialect;
import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recommended procedure as one step: turn "Stop server side jobs" ON, wait until nothing runs, then
 * (if asked) turn load mode ON. Its state lives in the database; whichever node looks first moves it on
 * (a row lock keeps two from doing it twice), so it completes even if the node that started it is gone.
 */
@Service
class Drains {

    enum State { DRAINING, DRAINED, TIMED_OUT, CANCELLED }

    record Drain(String id, State state, boolean loadMode, String startedBy, Instant startedAt, Instant deadline,
                 Instant endedAt, int executeCount) {
    }

    private static final String COLUMNS = "drain_id, state, load_mode, started_by, started_at, deadline, ended_at, execute_count";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final MaintenanceSettingService settings;
    private final DrainProbe probe;
    private final ApplicationEventPublisher events;

    Drains(JdbcClient jdbc, Dialect dialect, TransactionTemplate transactions, MaintenanceSettingService settings,
           DrainProbe probe, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.dialect = dialect;
        this.transactions = transactions;
        this.settings = settings;
        this.probe = probe;
    }

    Drain start(Duration timeout, boolean loadMode, String user) {
        return start(timeout, loadMode, user, null);
    }

    /** As {@link #start(Duration, boolean, String)}, with the reason the mode audit gives for turning jobs off. */
    Drain start(Duration timeout, boolean loadMode, String user, String reason) {
        transactions.executeWithoutResult(status -> {
            // Turning the mode ON first locks the mode rows: two drains cannot start side by side.
            String id = UUID.randomUUID().toString();
            Map<MaintenanceMode, String> stop = new EnumMap<>(MaintenanceMode.class);
            stop.put(MaintenanceMode.BACKYARD_EXECUTE_STOP, "1");
            settings.update(stop, reason == null ? "drain " + id : reason + " (drain " + id + ")", user);
            Optional<Drain> latest = latest(true);
            if (latest.isPresent() && latest.get().state() == State.DRAINING) {
                throw ApiException.badRequest("drain.already_running", latest.get().id());
            }
            Instant now = Times.now();
            jdbc.sql("INSERT INTO maintenance_drain (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")
                    .params(id, State.DRAINING.name(), loadMode, user, Times.toDb(now), Times.toDb(now.plus(timeout)),
                            probe.executeCount())
                    .update();
        });
        advance();
        return latest(false).orElseThrow();
    }

    Optional<Drain> current() {
        advance();
        return latest(false);
    }

    Drain cancel(String user) {
        transactions.executeWithoutResult(status -> {
            Drain drain = latest(true).filter(d -> d.state() == State.DRAINING)
                    .orElseThrow(() -> ApiException.badRequest("drain.not_running"));
            end(drain, State.CANCELLED, drain.executeCount());
        });
        return latest(false).orElseThrow();
    }

    /** Moves a running drain on: done when nothing runs (then load mode if asked), or out of time. */
    @Scheduled(fixedDelayString = "${jita.maintenance.drain-check-interval:2s}")
    void advance() {
        transactions.executeWithoutResult(status -> latest(true).filter(d -> d.state() == State.DRAINING).ifPresent(drain -> {
            int count = probe.executeCount();
            if (count == 0) {
                if (drain.loadMode()) {
                    Map<MaintenanceMode, String> freeze = new EnumMap<>(MaintenanceMode.class);
                    freeze.put(MaintenanceMode.DATA_UPDATE_STOP, "1");
                    settings.update(freeze, "drain " + drain.id() + " finished", drain.startedBy());
                }
                end(drain, State.DRAINED, 0);
            } else if (Times.now().isAfter(drain.deadline())) {
                end(drain, State.TIMED_OUT, count);
            } else if (count != drain.executeCount()) {
                jdbc.sql("UPDATE maintenance_drain SET execute_count = ? WHERE drain_id = ?").params(count, drain.id()).update();
            }
        }));
    }

    /** Ends the drain; {@code drain_done} or {@code drain_timed_out} is told once this transaction commits. */
    private void end(Drain drain, State state, int count) {
        Instant now = Times.now();
        jdbc.sql("UPDATE maintenance_drain SET state = ?, ended_at = ?, execute_count = ? WHERE drain_id = ?")
                .params(state.name(), Times.toDb(now), count, drain.id()).update();
        if (state == State.DRAINED || state == State.TIMED_OUT) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("drain_id", drain.id());
            data.put("load_mode", drain.loadMode());
            data.put("started_by", drain.startedBy());
            data.put("started_at", Times.micros(drain.startedAt()));
            data.put("deadline", Times.micros(drain.deadline()));
            data.put("ended_at", Times.micros(now));
            data.put("execute_count", count);
            events.publishEvent(new MaintenanceEvent(state == State.DRAINED ? "drain_done" : "drain_timed_out", data));
        }
    }

    private Optional<Drain> latest(boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM maintenance_drain WHERE started_at = "
                        + "(SELECT MAX(started_at) FROM maintenance_drain) " + (lock ? dialect.exclusiveLock() : ""))
                .query(Drains::map).list().stream().findFirst();
    }

    private static Drain map(ResultSet rs, int row) throws SQLException {
        return new Drain(rs.getString(1), State.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getString(4),
                Times.fromDb(rs.getObject(5, LocalDateTime.class)), Times.fromDb(rs.getObject(6, LocalDateTime.class)),
                Times.fromDb(rs.getObject(7, LocalDateTime.class)), rs.getInt(8));
    }
}
