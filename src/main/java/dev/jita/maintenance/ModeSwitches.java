package dev.jita.maintenance;

import dev.jita.core.Times;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mode changes under way, announced before they take the mode rows (table {@code maintenance_switch}). Writes and
 * claims read it without locking: a write under way gives way to a change that turns load mode ON at its next
 * checkpoint, and claims pause while any change is under way, so the change is not left waiting behind them.
 */
@Component
public class ModeSwitches {

    /** How many changes turning load mode ON are under way; its one parameter is now. */
    static final String STOPPING_WRITES =
            "SELECT COUNT(*) FROM maintenance_switch WHERE stops_writes = '1' AND requested_until > ?";

    /** How many mode changes are under way; its one parameter is now. */
    static final String UNDER_WAY = "SELECT COUNT(*) FROM maintenance_switch WHERE requested_until > ?";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ModeSwitches(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // Committed at once, whatever transaction the caller is in, so that every node sees it while the change waits.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records a change under way until {@code until} at the latest; returns its id for {@link #withdraw}. */
    String announce(String user, boolean stopsWrites, Instant until) {
        String id = UUID.randomUUID().toString();
        Instant now = Times.now();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM maintenance_switch WHERE requested_until < ?").param(Times.toDb(now)).update();
            jdbc.sql("INSERT INTO maintenance_switch (switch_id, stops_writes, requested_by, requested_at, requested_until) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(id, stopsWrites ? "1" : "0", user, Times.toDb(now), Times.toDb(until)).update();
        });
        return id;
    }

    void withdraw(String id) {
        ownTransaction.executeWithoutResult(status ->
                jdbc.sql("DELETE FROM maintenance_switch WHERE switch_id = ?").param(id).update());
    }

    /** Whether a change that turns load mode ON is under way: writes must give way to it. */
    boolean stoppingWrites() {
        return jdbc.sql(STOPPING_WRITES).param(Times.toDb(Times.now())).query(Integer.class).single() > 0;
    }

    /** Whether any mode change is under way: claims wait for it rather than hold the mode rows. */
    public boolean underWay() {
        return jdbc.sql(UNDER_WAY).param(Times.toDb(Times.now())).query(Integer.class).single() > 0;
    }
}
