package dev.jita.system;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Log levels per service, kept in the database and applied at run time. The node that takes a change
 * applies it at once; every other node picks it up at its next sync ({@code jita.logging.sync-interval}).
 */
@Service
public class LogLevelService {

    static final String DEFAULT_LEVEL = "INFO";
    /** The levels Exastro accepts, exactly as written, and what they are in Spring Boot's logging. */
    static final Map<String, LogLevel> LEVELS = Map.of("DEBUG", LogLevel.DEBUG, "INFO", LogLevel.INFO);
    /** A service name Exastro accepts: letters, digits and '-', at most 255 characters. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9-]{0,255}");

    private static final Logger log = LoggerFactory.getLogger(LogLevelService.class);

    private final JdbcClient jdbc;
    private final LoggingSystem logging;
    private final MaintenanceGate gate;
    private final Map<String, String> applied = new LinkedHashMap<>();

    LogLevelService(JdbcClient jdbc, LoggingSystem logging, MaintenanceGate gate) {
        this.jdbc = jdbc;
        this.logging = logging;
        this.gate = gate;
    }

    /**
     * Checks every entry first, in the body's order, as Exastro does: a malformed service name or a level other
     * than {@code INFO} or {@code DEBUG} is {@code 499-01401} and nothing changes. A well-formed name of a
     * service jita does not have is ignored, as Exastro ignores names it has no row for. The rest is stored
     * through the maintenance gate (498 in load mode, naming {@code method} and {@code path}) and applied here.
     */
    public void change(Map<String, Object> requested, String user, String method, String path) {
        Map<String, String> levels = new LinkedHashMap<>();
        requested.forEach((service, level) -> {
            if (!SERVICE_NAME.matcher(service).matches() || !(level instanceof String name && LEVELS.containsKey(name))) {
                throw new ApiException("499-01401", "system.bad_level", service, String.valueOf(level));
            }
            if (ServiceLoggers.SERVICES.containsKey(service)) {
                levels.put(service, name);
            }
        });
        gate.run(Refusal.SYSTEM_API, () -> store(levels, user), method, path);
        apply();
    }

    /** Every service with its level; services never set are at INFO. */
    public Map<String, String> levels() {
        Map<String, String> stored = new LinkedHashMap<>();
        jdbc.sql("SELECT service_name, log_level FROM log_level_setting")
                .query((rs, n) -> stored.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String> levels = new LinkedHashMap<>();
        ServiceLoggers.SERVICES.keySet().forEach(service -> levels.put(service, stored.getOrDefault(service, DEFAULT_LEVEL)));
        return levels;
    }

    private void store(Map<String, String> levels, String user) {
        levels.forEach((service, level) -> {
            int updated = jdbc.sql("UPDATE log_level_setting SET log_level = ?, last_update_user = ?, "
                            + "last_update_timestamp = ? WHERE service_name = ?")
                    .params(level, user, Times.toDb(Times.now()), service).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO log_level_setting (service_name, log_level, last_update_user, last_update_timestamp) "
                                + "VALUES (?, ?, ?, ?)")
                        .params(service, level, user, Times.toDb(Times.now())).update();
            }
        });
    }

    @Scheduled(fixedDelayString = "${jita.logging.sync-interval:5s}", initialDelay = 0)
    synchronized void apply() {
        levels().forEach((service, level) -> {
            if (level.equals(applied.get(service))) {
                return;
            }
            List<String> loggers = ServiceLoggers.SERVICES.get(service);
            // A level an older jita stored (WARNING, ERROR, CRITICAL) counts as INFO.
            loggers.forEach(logger -> logging.setLogLevel(logger, LEVELS.getOrDefault(level, LogLevel.INFO)));
            if (applied.containsKey(service) || !DEFAULT_LEVEL.equals(level)) {
                log.info("Log level of {} is now {}", service, level);
            }
            applied.put(service, level);
        });
    }
}
