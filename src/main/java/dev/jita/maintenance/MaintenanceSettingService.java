package dev.jita.maintenance;

import dev.jita.core.Dialect;
import dev.jita.core.Times;
import dev.jita.core.UntrustedText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
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

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;

    MaintenanceSettingService(JdbcClient jdbc, Dialect dialect, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
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
     * Applies already validated values in one transaction. The mode rows are locked exclusively (in a fixed
     * order), which waits for every write and claim that holds them and makes later ones see the new values.
     */
    public void update(Map<MaintenanceMode, String> values, String reason, String user) {
        transactions.executeWithoutResult(status -> {
            Map<String, String> before = new LinkedHashMap<>();
            jdbc.sql("SELECT mode_name, setting_value FROM maintenance_mode ORDER BY mode_name " + dialect.exclusiveLock())
                    .query((rs, n) -> before.put(rs.getString(1), rs.getString(2))).list();
            LocalDateTime now = Times.toDb(Times.now());
            values.forEach((mode, value) -> {
                jdbc.sql("UPDATE maintenance_mode SET setting_value = ?, reason = ?, last_update_user = ?, "
                                + "last_update_timestamp = ? WHERE mode_name = ?")
                        .params(value, reason, user, now, mode.name()).update();
                jdbc.sql("INSERT INTO maintenance_mode_audit (mode_name, old_value, new_value, reason, changed_by, changed_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)")
                        .params(mode.name(), before.getOrDefault(mode.name(), "0"), value, reason, user, now).update();
            });
        });
        log.info("Maintenance mode changed by {}: {} (reason: {})", UntrustedText.forLog(user), values,
                UntrustedText.forLog(reason));
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
