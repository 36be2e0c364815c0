package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.Dialect;
import dev.jita.core.Times;
import dev.jita.core.UntrustedText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Changes the modes, keeps who and when, and the audit trail of every change. */
@Service
public class MaintenanceSettingService {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceSettingService.class);

    public record ModeState(String value, String reason, String lastUpdateUser, Instant lastUpdateTimestamp) {
    }

    public record AuditEntry(long id, String modeName, String oldValue, String newValue, String reason,
                      String changedBy, Instant changedAt) {
    }

    /** The longest single wait for the mode rows; a change waits again until its deadline. */
    private static final Duration ATTEMPT = Duration.ofSeconds(1);
    private static final Duration LEAST_WAIT = Duration.ofMillis(10);

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate attempt;
    private final ModeSwitches switches;
    private final ModeLocks locks;
    private final MaintenanceProperties properties;
    private final ApplicationEventPublisher events;

    MaintenanceSettingService(JdbcClient jdbc, Dialect dialect, PlatformTransactionManager transactionManager,
                              ModeSwitches switches, ModeLocks locks, MaintenanceProperties properties,
                              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.dialect = dialect;
        this.switches = switches;
        this.locks = locks;
        this.properties = properties;
        // Its own transaction, or a savepoint inside the caller's (a drain's): a failed wait is undone alone.
        this.attempt = new TransactionTemplate(transactionManager);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Creates the two rows, both OFF, on a new database; several nodes may start at once. */
    void ensureRows() {
        for (MaintenanceMode mode : MaintenanceMode.values()) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM maintenance_mode WHERE mode_name = ?")
                    .param(mode.name()).query(Integer.class).single() > 0;
            if (!exists) {
                try {
                    jdbc.sql("INSERT INTO maintenance_mode (mode_name, setting_value, last_update_user, last_update_timestamp) "
                                    + "VALUES (?, '0', 'system', ?)")
                            .params(mode.name(), Times.toDb(Times.now())).update();
                } catch (DuplicateKeyException otherNodeWasFirst) {
                    log.debug("Mode row {} created by another node", mode);
                }
            }
        }
    }

    /**
     * Applies already validated values in one transaction, within {@code jita.maintenance.switch-timeout}. The
     * change is first announced (see {@link ModeSwitches}), so that writes under way give way to a change that
     * turns load mode ON. Then the rows of the modes it sets are locked exclusively (in a fixed order), which
     * waits for every write and claim that holds them and makes later ones see the new values. Each wait is
     * bounded; past the deadline nothing changes and the change is refused with 503.
     */
    public void update(Map<MaintenanceMode, String> values, String reason, String user) {
        Duration timeout = properties.switchTimeout();
        Instant deadline = Times.now().plus(timeout);
        String announced = switches.announce(user, "1".equals(values.get(MaintenanceMode.DATA_UPDATE_STOP)), deadline);
        try {
            while (true) {
                Duration wait = clamp(Duration.between(Times.now(), deadline));
                try {
                    attempt.executeWithoutResult(status -> apply(values, reason, user, wait));
                    break;
                } catch (DataAccessException failure) {
                    if (!dialect.lockNotAvailable(failure)) {
                        throw failure;
                    }
                    if (!Times.now().isBefore(deadline)) {
                        log.warn("Maintenance mode change by {} gave up after {}: the mode rows stayed held", user, timeout);
                        throw new ApiException("503-00002", "maintenance.switch_busy", timeout.toMillis() / 1000.0);
                    }
                    pause();
                }
            }
        } finally {
            switches.withdraw(announced);
        }
        log.info("Maintenance mode changed by {}: {} (reason: {})", UntrustedText.forLog(user), values,
                UntrustedText.forLog(reason));
    }

    private void apply(Map<MaintenanceMode, String> values, String reason, String user, Duration wait) {
        Map<String, String> before = locks.holdExclusive(values.keySet(), wait);
        LocalDateTime now = Times.toDb(Times.now());
        values.forEach((mode, value) -> {
            jdbc.sql("UPDATE maintenance_mode SET setting_value = ?, reason = ?, last_update_user = ?, "
                            + "last_update_timestamp = ? WHERE mode_name = ?")
                    .params(value, reason, user, now, mode.name()).update();
            jdbc.sql("INSERT INTO maintenance_mode_audit (mode_name, old_value, new_value, reason, changed_by, changed_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(mode.name(), before.getOrDefault(mode.name(), "0"), value, reason, user, now).update();
        });
        announce(values, reason, user, before);
    }

    /**
     * {@code mode_changed}, in the change's transaction (so that it is told exactly when the change is committed),
     * when a value really changed: both modes before and after, who and why.
     */
    private void announce(Map<MaintenanceMode, String> values, String reason, String user, Map<String, String> locked) {
        // The rows as they are now: the new values, and those of the modes this change left alone.
        Map<String, String> current = new LinkedHashMap<>();
        jdbc.sql("SELECT mode_name, setting_value FROM maintenance_mode")
                .query((rs, n) -> current.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        boolean changed = false;
        for (MaintenanceMode mode : MaintenanceMode.values()) {
            String now = current.getOrDefault(mode.name(), "0");
            String old = values.containsKey(mode) ? locked.getOrDefault(mode.name(), "0") : now;
            before.put(mode.key(), old);
            after.put(mode.key(), now);
            changed |= !old.equals(now);
        }
        if (!changed) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("before", before);
        data.put("after", after);
        data.put("changed_by", user);
        data.put("reason", reason);
        events.publishEvent(new MaintenanceEvent("mode_changed", data));
    }

    private static Duration clamp(Duration left) {
        return left.compareTo(ATTEMPT) > 0 ? ATTEMPT : left.compareTo(LEAST_WAIT) < 0 ? LEAST_WAIT : left;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while changing the maintenance mode", e);
        }
    }

    public Map<MaintenanceMode, ModeState> states() {
        Map<MaintenanceMode, ModeState> states = new LinkedHashMap<>();
        jdbc.sql("SELECT mode_name, setting_value, reason, last_update_user, last_update_timestamp FROM maintenance_mode")
                .query((rs, n) -> {
                    MaintenanceMode mode = MaintenanceMode.valueOf(rs.getString(1));
                    states.put(mode, new ModeState(rs.getString(2), rs.getString(3), rs.getString(4),
                            Times.fromDb(rs.getObject(5, LocalDateTime.class))));
                    return mode;
                }).list();
        return states;
    }

    public List<AuditEntry> audit(int limit) {
        return jdbc.sql("SELECT audit_id, mode_name, old_value, new_value, reason, changed_by, changed_at "
                        + "FROM maintenance_mode_audit ORDER BY audit_id DESC")
                .withMaxRows(limit)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Times.fromDb(rs.getObject(7, LocalDateTime.class))))
                .list();
    }
}
