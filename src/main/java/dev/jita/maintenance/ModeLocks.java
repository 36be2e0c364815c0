package dev.jita.maintenance;

import dev.jita.core.Dialect;
import dev.jita.core.Times;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The locks on the maintenance modes, held until the caller's transaction ends: writes and claims hold the modes
 * they obey shared, a mode change holds the modes it sets exclusively, always in name order so that none deadlock.
 * On PostgreSQL the shared side is a transaction-level advisory lock per mode, which a change takes exclusively
 * before the rows: a row share-locked by many transactions at once costs PostgreSQL a MultiXact each time, which
 * took 7-18 % of the write throughput (bench/write-guard.sh). Elsewhere both sides lock the mode rows.
 */
@Component
public class ModeLocks {

    /** The first key of jita's advisory locks ("jita"); the second is the mode's place in {@link MaintenanceMode}. */
    private static final int ADVISORY_CLASS = 0x6A697461;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Dialect dialect;

    ModeLocks(JdbcClient jdbc, JdbcTemplate template, Dialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    /** Holds the modes shared, as a write or a claim does, and answers their committed values by mode name. */
    public Map<String, String> holdShared(Collection<MaintenanceMode> modes) {
        List<String> names = names(modes);
        if (advisory()) {
            names.forEach(name -> lock("pg_advisory_xact_lock_shared", name));
            // A statement of its own, after the locks: its snapshot sees a change that committed while they waited.
            return values(names, "");
        }
        return values(names, " ORDER BY mode_name " + dialect.shareLock());
    }

    /** Load mode as a write finds it once it holds it: ON, or a change turning it ON under way (see {@link ModeSwitches}). */
    record WriteHold(boolean loadModeOn, boolean stoppingWrites) {
        boolean refused() {
            return loadModeOn || stoppingWrites;
        }
    }

    /**
     * Holds load mode shared for a write and reads it together with the changes under way: on PostgreSQL in one
     * round trip (see {@link #sharedThenRead}); elsewhere the locking read and then the look for changes.
     */
    WriteHold holdForWrite(ModeSwitches switches) {
        MaintenanceMode mode = MaintenanceMode.DATA_UPDATE_STOP;
        if (advisory()) {
            return sharedThenRead(List.of(mode), "SELECT setting_value, (" + ModeSwitches.STOPPING_WRITES
                    + ") FROM maintenance_mode WHERE mode_name = ?", List.of(Times.toDb(Times.now()), mode.name()),
                    (read, n) -> new WriteHold("1".equals(read.getString(1)), read.getInt(2) > 0));
        }
        boolean on = "1".equals(holdShared(List.of(mode)).get(mode.name()));
        return new WriteHold(on, !on && switches.stoppingWrites());
    }

    /**
     * Holds both modes shared for work that starts jobs and answers whether it may: both modes OFF and no change
     * under way. On PostgreSQL in one round trip; elsewhere the changes under way are looked for first, and while
     * one is, the modes are not locked at all, so that it is not held up.
     */
    boolean holdForJobs(ModeSwitches switches) {
        List<MaintenanceMode> modes = List.of(MaintenanceMode.values());
        if (advisory()) {
            List<Object> params = new ArrayList<>(names(modes));
            params.add(Times.toDb(Times.now()));
            return sharedThenRead(modes, "SELECT (SELECT COUNT(*) FROM maintenance_mode WHERE setting_value = '1' "
                    + "AND mode_name IN (" + placeholders(modes.size()) + ")), (" + ModeSwitches.UNDER_WAY + ")",
                    params, (read, n) -> read.getInt(1) == 0 && read.getInt(2) == 0);
        }
        return !switches.underWay() && !holdShared(modes).containsValue("1");
    }

    /**
     * Takes the modes' shared advisory locks and runs {@code read} (one row) in one round trip: the driver sends
     * the statements at once, and the read, a statement of its own, takes its snapshot once the locks are held.
     */
    private <T> T sharedThenRead(List<MaintenanceMode> modes, String read, List<Object> readParams, RowMapper<T> row) {
        List<String> names = names(modes);
        String locks = "SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(?, ?)) AS held; ".repeat(names.size());
        return template.execute(locks + read, (PreparedStatement statement) -> {
            int index = 1;
            for (String name : names) {
                statement.setInt(index++, ADVISORY_CLASS);
                statement.setInt(index++, MaintenanceMode.valueOf(name).ordinal());
            }
            for (Object param : readParams) {
                statement.setObject(index++, param);
            }
            statement.execute();
            for (int lock = 0; lock < names.size(); lock++) {
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("The read after the mode locks gave no rows");
                }
            }
            try (ResultSet result = statement.getResultSet()) {
                result.next();
                return row.mapRow(result, 0);
            }
        });
    }

    /**
     * Holds the modes exclusively, as a mode change does, waiting at most {@code wait} for the transactions that
     * hold them (then the database's lock-timeout error is thrown); answers their values before the change.
     */
    public Map<String, String> holdExclusive(Collection<MaintenanceMode> modes, Duration wait) {
        List<String> names = names(modes);
        Optional<String> timeoutSetting = dialect.lockTimeoutSetting();
        String timeoutBefore = timeoutSetting.map(setting -> jdbc.sql("SELECT current_setting(?)").param(setting)
                .query(String.class).single()).orElse(null);
        timeoutSetting.ifPresent(setting -> setLocal(setting, wait.toMillis() + "ms"));
        if (advisory()) {
            names.forEach(name -> lock("pg_advisory_xact_lock", name));
        }
        Map<String, String> values = values(names, " ORDER BY mode_name " + dialect.exclusiveLock(wait));
        timeoutSetting.ifPresent(setting -> setLocal(setting, timeoutBefore));
        return values;
    }

    private List<String> names(Collection<MaintenanceMode> modes) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The modes are held inside the caller's transaction");
        }
        return modes.stream().map(Enum::name).sorted().distinct().toList();
    }

    private Map<String, String> values(List<String> names, String suffix) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("SELECT mode_name, setting_value FROM maintenance_mode WHERE mode_name IN ("
                        + placeholders(names.size()) + ")" + suffix)
                .params(names).query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        return values;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private boolean advisory() {
        return dialect == Dialect.POSTGRESQL;
    }

    private void lock(String function, String name) {
        jdbc.sql("SELECT 1 FROM (SELECT " + function + "(?, ?)) AS held").params(ADVISORY_CLASS,
                MaintenanceMode.valueOf(name).ordinal()).query(Integer.class).single();
    }

    /** PostgreSQL: for the rest of the transaction, undone with a savepoint rolled back. */
    private void setLocal(String setting, String value) {
        jdbc.sql("SELECT set_config(?, ?, true)").params(setting, value).query(String.class).single();
    }
}
