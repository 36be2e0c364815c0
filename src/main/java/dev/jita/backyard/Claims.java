package dev.jita.backyard;

import dev.jita.core.Dialect;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one claim path of every backyard. A claim runs in one transaction that first reads both mode rows
 * under a shared lock: a mode change (which locks them exclusively) waits for claims under way, and claims
 * after it see the new mode. Items are taken with row locks that skip rows another node is taking, so two
 * nodes never take the same item.
 */
@Component
class Claims {

    private record WorkspaceKey(String organizationId, String workspaceId) {
    }

    /**
     * The workspaces with an item to take, served least recently first, then by their oldest such item. Each
     * workspace of the backyard is looked at through the claim index (one probe each, its oldest item), so a claim
     * costs as much with a long queue as with a short one; when nothing waits at all, no workspace is looked at.
     * Parameters: now, the backyard, the backyard.
     */
    private static final String QUEUE = "SELECT organization_id, workspace_id FROM ("
            + "SELECT t.organization_id, t.workspace_id, t.last_started_at, (SELECT i.registered_at FROM backyard_item i "
            + "WHERE i.backyard = t.backyard AND i.phase = 'W' AND i.organization_id = t.organization_id "
            + "AND i.workspace_id = t.workspace_id AND (i.not_before IS NULL OR i.not_before <= ?) "
            + "ORDER BY i.registered_at LIMIT 1) AS oldest FROM backyard_turn t WHERE t.backyard = ? "
            + "AND EXISTS (SELECT 1 FROM backyard_item w WHERE w.backyard = ? AND w.phase = 'W')) queue "
            + "WHERE oldest IS NOT NULL ORDER BY last_started_at, oldest, organization_id, workspace_id";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final MaintenanceGate gate;

    Claims(JdbcClient jdbc, Dialect dialect, PlatformTransactionManager transactionManager,
           MaintenanceGate gate) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.gate = gate;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Takes up to {@code limit} items of one backyard for {@code nodeId}: none while a mode is ON or a mode
     * change is under way (it is not kept waiting for the mode rows); else
     * the workspaces served least recently first, one item (its oldest) per workspace per round, so that a
     * busy workspace cannot starve the others.
     */
    List<ClaimedItem> claim(Backyard backyard, String nodeId, int limit) {
        List<ClaimedItem> claimed = transactions.execute(status -> {
            List<ClaimedItem> resumed = backyard.resumable() ? takeOver(backyard, nodeId, limit, null) : List.of();
            if (!resumed.isEmpty() || !gate.holdForJobs()) {
                return resumed;
            }
            Instant now = Times.now();
            LocalDateTime dbNow = Times.toDb(now);
            List<ClaimedItem> taken = new ArrayList<>();
            if (backyard.stepped()) {
                taken.addAll(takeOver(backyard, nodeId, limit, dbNow));
            }
            List<WorkspaceKey> queue = jdbc.sql(QUEUE)
                    .params(dbNow, backyard.serviceName(), backyard.serviceName())
                    .withMaxRows(Math.max(1, limit - taken.size()))
                    .query((rs, n) -> new WorkspaceKey(rs.getString(1), rs.getString(2))).list();
            if (backyard.exclusiveKeys()) {
                lockTurns(backyard, queue);
            }
            while (!queue.isEmpty() && taken.size() < limit) {
                List<WorkspaceKey> next = new ArrayList<>();
                for (WorkspaceKey workspace : queue) {
                    if (taken.size() >= limit) {
                        break;
                    }
                    ClaimedItem item = takeOldest(backyard, workspace, nodeId, now);
                    if (item != null) {
                        taken.add(item);
                        next.add(workspace);
                    }
                }
                queue = next;
            }
            markServed(backyard, taken, dbNow);
            return taken;
        });
        return claimed == null ? List.of() : claimed;
    }

    /**
     * Whether concurrent claims skip the items another node is taking. Without it (H2) they wait for each other's
     * row locks, so claiming again the moment an item ends would only make the nodes queue behind one another.
     */
    boolean skipsLocked() {
        return dialect != Dialect.H2;
    }

    /** In a fixed order, so that two nodes updating the same rows wait for each other instead of deadlocking. */
    private void markServed(Backyard backyard, List<ClaimedItem> taken, LocalDateTime now) {
        taken.stream().map(item -> new WorkspaceKey(item.organizationId(), item.workspaceId())).distinct()
                .sorted(Comparator.comparing(WorkspaceKey::organizationId).thenComparing(WorkspaceKey::workspaceId))
                .forEach(workspace -> jdbc.sql("UPDATE backyard_turn SET last_started_at = ? "
                                + "WHERE backyard = ? AND organization_id = ? AND workspace_id = ?")
                        .params(now, backyard.serviceName(), workspace.organizationId(), workspace.workspaceId())
                        .update());
    }

    /**
     * Claims of one workspace's items wait for each other here, so that the check "no item with this
     * exclusive key runs" of one claim sees what a concurrent claim took. In a fixed order: no deadlock.
     */
    private void lockTurns(Backyard backyard, List<WorkspaceKey> queue) {
        queue.stream().sorted(Comparator.comparing(WorkspaceKey::organizationId).thenComparing(WorkspaceKey::workspaceId))
                .forEach(workspace -> jdbc.sql("SELECT last_started_at FROM backyard_turn "
                                + "WHERE backyard = ? AND organization_id = ? AND workspace_id = ? FOR UPDATE")
                        .params(backyard.serviceName(), workspace.organizationId(), workspace.workspaceId())
                        .query((rs, n) -> rs.getObject(1)).list());
    }

    private ClaimedItem takeOldest(Backyard backyard, WorkspaceKey workspace, String nodeId, Instant now) {
        LocalDateTime dbNow = Times.toDb(now);
        List<Map.Entry<String, Instant>> rows = jdbc.sql("SELECT item_id, registered_at FROM backyard_item "
                        + "WHERE backyard = ? AND phase = 'W' AND organization_id = ? AND workspace_id = ? "
                        + "AND (not_before IS NULL OR not_before <= ?) "
                        + "AND (exclusive_key IS NULL OR NOT EXISTS (SELECT 1 FROM backyard_item r "
                        + "WHERE r.exclusive_key = backyard_item.exclusive_key AND r.phase = 'R')) "
                        + "ORDER BY registered_at, item_id LIMIT 1 " + dialect.claimLock())
                .params(backyard.serviceName(), workspace.organizationId(), workspace.workspaceId(), dbNow)
                .query((rs, n) -> Map.entry(rs.getString(1), Times.fromDb(rs.getObject(2, LocalDateTime.class))))
                .list();
        if (rows.isEmpty()) {
            return null;
        }
        String itemId = rows.get(0).getKey();
        // Taken now, not when the claim began: an item of the same exclusive key may have ended meanwhile.
        Instant takenAt = Times.now();
        // The note of an item handed back to wait said why it waited: it no longer does.
        int updated = jdbc.sql("UPDATE backyard_item SET phase = 'R', status_id = ?, node_id = ?, started_at = ?, "
                        + "last_update_timestamp = ?, note = NULL WHERE item_id = ? AND phase = 'W'")
                .params(backyard.statusTable().taken(), nodeId, Times.toDb(takenAt), Times.toDb(takenAt), itemId)
                .update();
        if (updated == 0) {
            return null;
        }
        return new ClaimedItem(itemId, backyard, workspace.organizationId(), workspace.workspaceId(),
                rows.get(0).getValue(), takenAt, false);
    }

    /**
     * Running items that no node holds, oldest first: those of a dead node, which this node follows on (see
     * {@link Backyard#resumable()}), or with {@code due}, the items of a stepped backyard due for their next
     * step, the longest waiting first.
     */
    private List<ClaimedItem> takeOver(Backyard backyard, String nodeId, int limit, LocalDateTime due) {
        String condition = due == null ? "ORDER BY registered_at, item_id "
                : "AND (not_before IS NULL OR not_before <= ?) ORDER BY COALESCE(not_before, registered_at), item_id ";
        List<Object> params = due == null ? List.of(backyard.serviceName()) : List.of(backyard.serviceName(), due);
        List<ClaimedItem> candidates = jdbc.sql("SELECT item_id, organization_id, workspace_id, registered_at, started_at "
                        + "FROM backyard_item WHERE backyard = ? AND phase = 'R' AND node_id IS NULL "
                        + condition + dialect.claimLock())
                .params(params)
                .withMaxRows(limit)
                .query((rs, n) -> new ClaimedItem(rs.getString(1), backyard, rs.getString(2), rs.getString(3),
                        Times.fromDb(rs.getObject(4, LocalDateTime.class)),
                        Times.fromDb(rs.getObject(5, LocalDateTime.class)), true))
                .list();
        LocalDateTime now = Times.toDb(Times.now());
        return candidates.stream().filter(item -> jdbc.sql("UPDATE backyard_item SET node_id = ?, last_update_timestamp = ? "
                        + "WHERE item_id = ? AND phase = 'R' AND node_id IS NULL")
                .params(nodeId, now, item.itemId()).update() == 1).toList();
    }

    /** Moves a held item to another running status; false when this node no longer holds it. */
    boolean progress(ClaimedItem item, String nodeId, int statusId) {
        if (!item.backyard().statusTable().isRunning(statusId)) {
            throw new IllegalArgumentException(statusId + " is not a running status of " + item.backyard().serviceName());
        }
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET status_id = ?, last_update_timestamp = ? "
                        + "WHERE item_id = ? AND node_id = ? AND phase = 'R'")
                .params(statusId, now, item.itemId(), nodeId).update() == 1;
    }

    /** Hands a held item of a stepped backyard back to wait, still running, for its next step at {@code at}. */
    boolean park(ClaimedItem item, String nodeId, Instant at) {
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET node_id = NULL, not_before = ?, last_update_timestamp = ? "
                        + "WHERE item_id = ? AND node_id = ? AND phase = 'R'")
                .params(Times.toDb(at), now, item.itemId(), nodeId).update() == 1;
    }

    /**
     * Hands a held item back to wait as not started (see {@link JobHandler.Step#again}); false when this node no
     * longer holds it. Its time to wait for, if any, has come: it waits as Unexecuted, not as scheduled.
     */
    boolean handBack(ClaimedItem item, String nodeId, String note) {
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET phase = 'W', status_id = ?, node_id = NULL, started_at = NULL, "
                        + "note = ?, last_update_timestamp = ? WHERE item_id = ? AND node_id = ? AND phase = 'R'")
                .params(item.backyard().statusTable().waiting(), note, now, item.itemId(), nodeId).update() == 1;
    }

    boolean held(ClaimedItem item, String nodeId) {
        return jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE item_id = ? AND node_id = ? AND phase = 'R'")
                .params(item.itemId(), nodeId).query(Integer.class).single() == 1;
    }

    /** Ends a held item; false when this node no longer held it (then nothing changes). */
    boolean finish(ClaimedItem item, String nodeId, int statusId, String note) {
        if (!item.backyard().statusTable().isEnd(statusId)) {
            throw new IllegalArgumentException(statusId + " is not an end status of " + item.backyard().serviceName());
        }
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = ?, ended_at = ?, last_update_timestamp = ?, "
                        + "note = COALESCE(?, note) WHERE item_id = ? AND node_id = ? AND phase = 'R'")
                .params(statusId, now, now, note, item.itemId(), nodeId).update() == 1;
    }
}
