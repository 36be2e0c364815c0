package dev.jita.maintenance;

import dev.jita.core.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place that decides whether data may be written. Every write runs in a transaction that first
 * holds load mode shared and reads it ({@link ModeLocks}); a mode change holds it exclusively. So a write either
 * commits before the change commits, or sees the new mode and is refused: once the PATCH that turns load
 * mode ON has answered, no write can commit. A write also gives way to such a change under way (see
 * {@link ModeSwitches}): it looks at its start, at each {@link #checkpoint()} and right before it commits, and
 * rolls back with 498 when a change is turning load mode ON, so the change never waits long for it.
 */
@Component
@EnableConfigurationProperties(MaintenanceProperties.class)
public class MaintenanceGate {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceGate.class);
    private static final int DEADLOCK_RETRIES = 5;
    /** The second, separate key that must accompany jita.maintenance.bench-unguarded-writes=true. */
    static final String BENCH_ENV = "JITA_BENCH_UNGUARDED_WRITES";
    static final String BENCH_ENV_VALUE = "writes-ignore-load-mode";
    /** How often a long write asks whether load mode is being switched ON (one query each time). */
    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(100).toNanos();

    /** The write under way on this thread, for its checkpoints. */
    private record Write(Refusal refusal, Object[] messageArgs, long[] lastCheck) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MaintenanceProperties properties;
    private final ModeSwitches switches;
    private final ModeLocks locks;
    private final ThreadLocal<Write> current = new ThreadLocal<>();
    private final boolean guarded;

    MaintenanceGate(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                    MaintenanceProperties properties, ModeSwitches switches, ModeLocks locks) {
        this.jdbc = jdbc;
        this.switches = switches;
        this.locks = locks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.guarded = guarded(properties.benchUnguardedWrites(), System.getenv(BENCH_ENV));
    }

    /**
     * Whether writes take the guard: always, except in bench/write-guard.sh, which measures what the guard costs.
     * Turning it off takes both the property and the environment variable; the property alone stops the start.
     */
    static boolean guarded(boolean benchUnguardedWrites, String benchEnv) {
        if (!benchUnguardedWrites) {
            return true;
        }
        if (!BENCH_ENV_VALUE.equals(benchEnv)) {
            throw new IllegalStateException("jita.maintenance.bench-unguarded-writes is for benchmarks only and needs "
                    + BENCH_ENV + "=" + BENCH_ENV_VALUE + " as well; remove it");
        }
        log.warn("BENCHMARK ONLY: writes do not take the load-mode guard on this node; load mode is not enforced");
        return false;
    }

    /** False only on a benchmark node started without the guard (see {@link #guarded(boolean, String)}). */
    boolean guarded() {
        return guarded;
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
     * Whether a backyard may start new work now, held until the caller's transaction ends: both modes OFF and no
     * mode change under way. The modes are held shared, so a mode change (which holds them exclusively) waits for
     * that transaction and one after it sees the new modes; while a change is under way the answer is no, so that
     * work giving way to it does not hold it up.
     */
    public boolean holdForJobs() {
        return locks.holdForJobs(switches);
    }

    /**
     * Runs {@code work} in a new transaction, unless load mode is ON: then nothing runs and 498 is thrown. It is
     * rolled back with the same 498 when load mode is being switched ON before it commits (seen at its start, its
     * checkpoints and right before the commit). A transaction the
     * database picks as a deadlock victim is run again from the start (a few times).
     */
    public <T> T write(Refusal refusal, Supplier<T> work, Object... messageArgs) {
        Write outer = current.get();
        current.set(new Write(refusal, messageArgs, new long[] {System.nanoTime()}));
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(status -> {
                        if (!guarded) {
                            return work.get();
                        }
                        if (locks.holdForWrite(switches).refused()) {
                            throw refused(refusal, messageArgs);
                        }
                        current.get().lastCheck()[0] = System.nanoTime();
                        T result = work.get();
                        // A change announced since the last look must not wait for this commit: a job that
                        // records its end in a second write relies on it (its data and its end go together).
                        if (switches.stoppingWrites()) {
                            throw refused(refusal, messageArgs);
                        }
                        return result;
                    });
                } catch (PessimisticLockingFailureException e) {
                    if (attempt == DEADLOCK_RETRIES) {
                        throw e;
                    }
                    pause(attempt);
                }
            }
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /**
     * Called by long writes between steps: refuses (498, and the write's transaction rolls back) when load mode
     * is being switched ON. Asks the database at most every 100 ms.
     */
    public void checkpoint() {
        Write write = current.get();
        if (write == null) {
            throw new IllegalStateException("A checkpoint belongs inside a write of the maintenance gate");
        }
        long now = System.nanoTime();
        if (guarded && now - write.lastCheck()[0] >= CHECK_EVERY_NANOS) {
            write.lastCheck()[0] = now;
            if (switches.stoppingWrites()) {
                throw refused(write.refusal(), write.messageArgs());
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
        if ("1".equals(locks.holdShared(List.of(MaintenanceMode.DATA_UPDATE_STOP))
                .get(MaintenanceMode.DATA_UPDATE_STOP.name()))) {
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
