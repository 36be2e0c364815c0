package dev.jita.backyard;

import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Registers items for the backyards and reads them back. */
@Service
public class BackyardItems {

    /** An item as stored. */
    public record Item(String itemId, Backyard backyard, String organizationId, String workspaceId, String phase,
                       int statusId, Instant notBefore, String registeredBy, Instant registeredAt, Instant startedAt,
                       Instant endedAt, String nodeId, String note, Instant lastUpdateTimestamp) {

        /** Taken by a node and not ended. */
        public boolean running() {
            return "R".equals(phase);
        }
    }

    private static final String SELECT = "SELECT item_id, backyard, organization_id, workspace_id, phase, status_id, "
            + "not_before, registered_by, registered_at, started_at, ended_at, node_id, note, last_update_timestamp "
            + "FROM backyard_item ";

    private final JdbcClient jdbc;

    BackyardItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers an item; it waits as Unexecuted, or as Unexecuted (schedule) until {@code notBefore} when the
     * backyard's table has that status. Runs in the caller's transaction: writes that load mode refuses are
     * refused by the caller, through the maintenance gate.
     */
    public String register(Backyard backyard, String organizationId, String workspaceId, String user, Instant notBefore) {
        return register(backyard, organizationId, workspaceId, user, notBefore, null);
    }

    /**
     * As {@link #register(Backyard, String, String, String, Instant)}; an item with an {@code exclusiveKey} is
     * taken only while no other item with that key runs, on any node.
     */
    public String register(Backyard backyard, String organizationId, String workspaceId, String user, Instant notBefore,
                           String exclusiveKey) {
        return register(backyard, organizationId, workspaceId, user, notBefore, exclusiveKey, null);
    }

    /**
     * As {@link #register(Backyard, String, String, String, Instant, String)}; {@code historyKey} says what the item
     * is a run of (e.g. {@code movement:<id>:<mode>}): the drain forecast estimates a running item from the earlier
     * runs with the same key ({@link DrainForecast}).
     */
    public String register(Backyard backyard, String organizationId, String workspaceId, String user, Instant notBefore,
                           String exclusiveKey, String historyKey) {
        StatusTable table = backyard.statusTable();
        boolean scheduled = notBefore != null && table.scheduled() != 0;
        String itemId = UUID.randomUUID().toString();
        LocalDateTime now = Times.toDb(Times.now());
        jdbc.sql("INSERT INTO backyard_item (item_id, backyard, organization_id, workspace_id, phase, status_id, "
                        + "not_before, registered_by, registered_at, last_update_timestamp, exclusive_key, history_key) "
                        + "VALUES (?, ?, ?, ?, 'W', ?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, backyard.serviceName(), organizationId, workspaceId,
                        scheduled ? table.scheduled() : table.waiting(),
                        notBefore == null ? null : Times.toDb(notBefore), user, now, now, exclusiveKey, historyKey)
                .update();
        return itemId;
    }

    public Optional<Item> find(String itemId) {
        return jdbc.sql(SELECT + "WHERE item_id = ?").param(itemId).query(BackyardItems::item).optional();
    }

    /** The items of one backyard in one workspace, oldest first. */
    public List<Item> list(Backyard backyard, String organizationId, String workspaceId) {
        return jdbc.sql(SELECT + "WHERE backyard = ? AND organization_id = ? AND workspace_id = ? "
                        + "ORDER BY registered_at, item_id")
                .params(backyard.serviceName(), organizationId, workspaceId).query(BackyardItems::item).list();
    }

    /** Unexecuted (schedule) → Schedule cancellation in one statement; false when it no longer waits for its time. */
    public boolean cancelScheduled(String itemId) {
        Item item = find(itemId).orElse(null);
        if (item == null || item.backyard().statusTable().scheduleCancelled() == 0) {
            return false;
        }
        StatusTable table = item.backyard().statusTable();
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = ?, ended_at = ?, last_update_timestamp = ? "
                        + "WHERE item_id = ? AND phase = 'W' AND status_id = ?")
                .params(table.scheduleCancelled(), now, now, itemId, table.scheduled())
                .update() == 1;
    }

    /**
     * Ends an item that waits to be taken (Unexecuted, or scheduled) in {@code statusId} with a note, in one
     * statement; false when it no longer waits.
     */
    public boolean endWaiting(String itemId, int statusId, String note) {
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = ?, ended_at = ?, last_update_timestamp = ?, "
                        + "note = ? WHERE item_id = ? AND phase = 'W'")
                .params(statusId, now, now, note, itemId).update() == 1;
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getString(1), Backyard.of(rs.getString(2)).orElseThrow(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                Times.fromDb(rs.getObject(7, LocalDateTime.class)), rs.getString(8),
                Times.fromDb(rs.getObject(9, LocalDateTime.class)),
                Times.fromDb(rs.getObject(10, LocalDateTime.class)),
                Times.fromDb(rs.getObject(11, LocalDateTime.class)), rs.getString(12), rs.getString(13),
                Times.fromDb(rs.getObject(14, LocalDateTime.class)));
    }
}
