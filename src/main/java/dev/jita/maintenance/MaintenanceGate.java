package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.Dialect;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place that decides whether data may be written. Every write runs in a transaction that first
 * reads the load-mode row under a shared lock; a mode change takes that row exclusively. So a write either
 * commits before the change commits, or sees the new mode and is refused: once the PATCH that turns load
 * mode ON has answered, no write can commit.
 */
@Component
@EnableConfigurationProperties(MaintenanceProperties.class)
public class MaintenanceGate {

    private static final int DEADLOCK_RETRIES = 5;

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final MaintenanceProperties properties;

    MaintenanceGate(JdbcClient jdbc, Dialect dialect, PlatformTransactionManager transactionManager,
                    MaintenanceProperties properties) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(transactionManager);
        // Read committed everywhere: MariaDB's default (repeatable read) takes gap locks that make
        // concurrent inserts deadlock.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.properties = properties;
    }

    /** The modes as committed now; every node reads the database, so a change is seen at the next call. */
    public MaintenanceModes current() {
        List<Map.Entry<String, String>> rows = jdbc.sql("SELECT mode_name, setting_value FROM maintenance_mode")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        boolean backyard = false;
        boolean data = false;
        for (Map.Entry<String, String> row : rows) {
            boolean on = "1".equals(row.getValue());
            if (MaintenanceMode.BACKYARD_EXECUTE_STOP.name().equals(row.getKey())) {
                backyard = on;
            } else if (MaintenanceMode.DATA_UPDATE_STOP.name().equals(row.getKey())) {
                data = on;
            }
        }
        return new MaintenanceModes(backyard, data);
    }

    /**
     * Runs {@code work} in a new transaction, unless load mode is ON: then nothing runs and 498 is thrown.
     * A transaction the database picks as a deadlock victim is run again from the start (a few times).
     */
    public <T> T write(Refusal refusal, Supplier<T> work, Object... messageArgs) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    assertWritable(refusal, messageArgs);
                    return work.get();
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_RETRIES) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void run(Refusal refusal, Runnable work, Object... messageArgs) {
        write(refusal, () -> {
            work.run();
            return null;
        }, messageArgs);
    }

    /** Inside the caller's transaction: holds the load-mode row until it ends, and refuses if the mode is ON. */
    public void assertWritable(Refusal refusal, Object... messageArgs) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The maintenance gate must be checked inside the write's transaction");
        }
        String value = jdbc.sql("SELECT setting_value FROM maintenance_mode WHERE mode_name = ? " + dialect.shareLock())
                .param(MaintenanceMode.DATA_UPDATE_STOP.name()).query(String.class).single();
        if ("1".equals(value)) {
            throw refused(refusal, messageArgs);
        }
    }

    /** The 498 answer for a refusal, with the headers that let scripts back off. */
    public ApiException refused(Refusal refusal, Object... messageArgs) {
        return new ApiException(refusal.code(), Map.of(
                "Retry-After", String.valueOf(properties.retryAfter().toSeconds()),
                "X-Maintenance-Mode", MaintenanceMode.DATA_UPDATE_STOP.key()),
                refusal.messageKey(), messageArgs);
    }
}
