package dev.jita.backyard;

import dev.jita.core.Dialect;
import dev.jita.core.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Node identities and heartbeats, and the sweep that ends the items of dead nodes so that a drain always
 * ends. Heartbeats are written and compared with the database server's clock, never a node's: a node whose
 * clock is off can neither look dead nor declare live nodes dead. Each node compares its clock with the
 * database's at every heartbeat and sweep, and warns when they differ by half of {@code dead-after} or more
 * (jita's other timestamps, e.g. of items and audit rows, still come from the node's clock).
 */
@Component
class Nodes {

    private static final Logger log = LoggerFactory.getLogger(Nodes.class);
    static final int NOTE_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration skewLimit;
    private volatile boolean skewed;

    @Autowired
    Nodes(JdbcClient jdbc, Dialect dialect, TransactionTemplate transactions, BackyardProperties properties,
          ObjectProvider<Clock> clock) {
        this(jdbc, dialect, transactions, properties.deadAfter(), clock.getIfAvailable(Clock::systemUTC));
    }

    Nodes(JdbcClient jdbc, Dialect dialect, TransactionTemplate transactions, Duration deadAfter, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.skewLimit = deadAfter.dividedBy(2);
        this.clock = clock;
    }

    void register(String nodeId, String hostName, long processId) {
        jdbc.sql("INSERT INTO backyard_node (node_id, host_name, process_id, started_at, last_heartbeat) "
                        + "VALUES (?, ?, ?, " + dialect.utcNow() + ", " + dialect.utcNow() + ")")
                .params(nodeId, hostName, processId).update();
    }

    /** The database's clock, after comparing this node's with it. */
    private Instant databaseNow() {
        Instant database = Times.fromDb(jdbc.sql("SELECT " + dialect.utcNow()).query(LocalDateTime.class).single());
        Duration skew = Duration.between(database, clock.instant()).abs();
        boolean off = skew.compareTo(skewLimit) >= 0;
        if (off && !skewed) {
            log.warn("This node's clock is {} s off the database's ({} here, {} there): the dead-node sweep goes by "
                            + "the database's clock, but keep the clocks in step (NTP)",
                    skew.toSeconds(), Times.micros(clock.instant()), Times.micros(database));
        } else if (!off && skewed) {
            log.info("This node's clock agrees with the database's again");
        }
        skewed = off;
        return database.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Records that the node is alive. False when its row is gone: other nodes declared it dead and ended
     * its items; the row is written again so that it can take new work.
     */
    boolean beat(String nodeId, String hostName, long processId) {
        databaseNow();
        int updated = jdbc.sql("UPDATE backyard_node SET last_heartbeat = " + dialect.utcNow() + " WHERE node_id = ?")
                .params(nodeId).update();
        if (updated == 0) {
            register(nodeId, hostName, processId);
            return false;
        }
        return true;
    }

    /** A node that stops cleanly leaves no row behind; items it still held are ended by the next sweep. */
    void unregister(String nodeId) {
        jdbc.sql("DELETE FROM backyard_node WHERE node_id = ?").param(nodeId).update();
    }

    /**
     * Ends every running item whose node stopped heart-beating longer than {@code deadAfter} ago, or whose
     * node is gone, in the Unexpected error status of its table, with a note saying why. Returns how many.
     */
    int sweep(Duration deadAfter) {
        Integer ended = transactions.execute(status -> {
            Instant now = databaseNow();
            LocalDateTime limit = Times.toDb(now.minus(deadAfter));
            List<String> dead = jdbc.sql("SELECT node_id FROM backyard_node WHERE last_heartbeat < ? "
                            + dialect.claimLock())
                    .param(limit).query(String.class).list();
            int count = 0;
            for (String nodeId : dead) {
                String note = "The backyard node " + nodeId + " stopped sending heartbeats (none for more than "
                        + deadAfter.toSeconds() + " s); its item was ended by the dead-node sweep at " + Times.micros(now) + ".";
                count += endItems("node_id = ?", List.of(nodeId), note, now);
                jdbc.sql("DELETE FROM backyard_node WHERE node_id = ?").param(nodeId).update();
                log.warn("Node {} is dead (no heartbeat since before {})", nodeId, Times.micros(Times.fromDb(limit)));
            }
            // Not the items no node holds (NULL NOT IN an empty set is true): they already wait for a node.
            count += endItems("node_id IS NOT NULL AND node_id NOT IN (SELECT node_id FROM backyard_node)", List.of(),
                    "The backyard node that ran this item is gone; the item was ended by the dead-node sweep at "
                            + Times.micros(now) + ".", now);
            return count;
        });
        return ended == null ? 0 : ended;
    }

    /**
     * Ends (or, for resumable and stepped backyards, hands over) the items {@code nodeId} holds but does not run:
     * those whose end or hand-back failed. Only items untouched for {@code olderThan}, so that an item just claimed,
     * not yet in {@code running}, is left alone.
     */
    int letGoOfOrphans(String nodeId, Set<String> running, Duration olderThan) {
        Integer ended = transactions.execute(status -> {
            Instant now = databaseNow();
            List<String> orphans = jdbc.sql("SELECT item_id FROM backyard_item WHERE phase = 'R' AND node_id = ? "
                            + "AND last_update_timestamp < ?")
                    .params(nodeId, Times.toDb(Times.now().minus(olderThan))).query(String.class).list().stream()
                    .filter(id -> !running.contains(id)).toList();
            int count = 0;
            for (String itemId : orphans) {
                count += endItems("item_id = ? AND node_id = ?", List.of(itemId, nodeId),
                        "The node " + nodeId + " could not end this item when it stopped running it; the item was "
                                + "ended at " + Times.micros(now) + ".", now);
            }
            return count;
        });
        return ended == null ? 0 : ended;
    }

    private int endItems(String condition, List<Object> conditionArgs, String note, Instant now) {
        int count = 0;
        LocalDateTime dbNow = Times.toDb(now);
        String text = note.length() > NOTE_LENGTH ? note.substring(0, NOTE_LENGTH) : note;
        for (Backyard backyard : Backyard.values()) {
            if (backyard.resumable() || backyard.stepped()) {
                count += handOver(backyard, condition, conditionArgs, dbNow);
                continue;
            }
            List<Object> args = new ArrayList<>(List.of(backyard.statusTable().unexpectedError(), dbNow, dbNow, text,
                    backyard.serviceName()));
            args.addAll(conditionArgs);
            int ended = jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = ?, ended_at = ?, "
                            + "last_update_timestamp = ?, note = ? WHERE phase = 'R' AND backyard = ? AND " + condition)
                    .params(args).update();
            if (ended > 0) {
                LoggerFactory.getLogger("dev.jita.backyard." + backyard.serviceName())
                        .warn("{} running item(s) ended in Unexpected error: {}", ended, text);
            }
            count += ended;
        }
        return count;
    }

    /**
     * A resumable or stepped backyard's items keep running without a node, still listed, until a claim takes
     * them over.
     */
    private int handOver(Backyard backyard, String condition, List<Object> conditionArgs, LocalDateTime now) {
        List<Object> args = new ArrayList<>(List.of(now, backyard.serviceName()));
        args.addAll(conditionArgs);
        int handed = jdbc.sql("UPDATE backyard_item SET node_id = NULL, last_update_timestamp = ? "
                        + "WHERE phase = 'R' AND backyard = ? AND " + condition)
                .params(args).update();
        if (handed > 0) {
            LoggerFactory.getLogger("dev.jita.backyard." + backyard.serviceName())
                    .warn("{} running item(s) wait for another node to follow them", handed);
        }
        return handed;
    }
}
