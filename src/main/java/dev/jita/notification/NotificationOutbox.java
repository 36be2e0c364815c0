package dev.jita.notification;

import dev.jita.core.Dialect;
import dev.jita.core.Outboxes;
import dev.jita.core.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code maintenance_notification} table: one row per event and webhook, held by one node at a time while it
 * is sent, and its outcome.
 */
@Component
class NotificationOutbox {

    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    /** A notification this node holds for one attempt ({@code attempts} counts it). */
    record Claimed(String id, String webhookId, String eventId, String eventType, String body, int attempts) {
    }

    /** What is under way or went wrong for one webhook. */
    record Status(int pending, int failed, Instant lastSentAt, String lastError) {
    }

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;

    NotificationOutbox(JdbcClient jdbc, Dialect dialect, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * In the caller's transaction: the event goes out only if the change it tells of is committed. The rows
     * are held by {@code nodeId} (the node where the event happened) until {@code leaseEnd}, for their first
     * attempt; the caller sends them after the commit.
     */
    List<Claimed> add(List<String> webhookIds, String eventId, String eventType, String body, String nodeId,
                      Instant now, Instant leaseEnd) {
        List<Claimed> added = new ArrayList<>();
        for (String webhookId : webhookIds) {
            String id = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO maintenance_notification (notification_id, webhook_id, event_id, event_type, body, "
                            + "created_at, state, attempts, next_attempt_at, node_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
                    .params(id, webhookId, eventId, eventType, body, Times.toDb(now), SENDING, Times.toDb(leaseEnd), nodeId)
                    .update();
            added.add(new Claimed(id, webhookId, eventId, eventType, body, 1));
        }
        return added;
    }

    /**
     * Takes up to {@code limit} due notifications for {@code nodeId} until {@code leaseEnd}: pending ones whose
     * time has come, and sending ones whose lease ran out (their node died mid-send). Rows another node is
     * taking are skipped, and each row is taken only if it is still due, so two nodes never hold the same one.
     */
    List<Claimed> claim(String nodeId, int limit, Instant now, Instant leaseEnd) {
        LocalDateTime at = Times.toDb(now);
        return Outboxes.claim(transactions,
                () -> jdbc.sql("SELECT notification_id, webhook_id, event_id, event_type, body, attempts "
                                + "FROM maintenance_notification WHERE state IN (?, ?) AND next_attempt_at <= ? "
                                + "ORDER BY next_attempt_at, notification_id LIMIT " + limit + " " + dialect.claimLock())
                        .params(PENDING, SENDING, at)
                        .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getInt(6) + 1))
                        .list(),
                notification -> jdbc.sql("UPDATE maintenance_notification SET state = ?, attempts = ?, node_id = ?, "
                                + "next_attempt_at = ? WHERE notification_id = ? AND state IN (?, ?) "
                                + "AND next_attempt_at <= ? AND attempts = ?")
                        .params(SENDING, notification.attempts(), nodeId, Times.toDb(leaseEnd), notification.id(),
                                PENDING, SENDING, at, notification.attempts() - 1)
                        .update() == 1);
    }

    boolean sent(Claimed notification, String nodeId, Instant now) {
        return end(notification, nodeId, SENT, null, now);
    }

    boolean failed(Claimed notification, String nodeId, String error, Instant now) {
        return end(notification, nodeId, FAILED, error, now);
    }

    /** Gives a held notification back, to be tried again (by any node) at {@code next}. */
    boolean retry(Claimed notification, String nodeId, String error, Instant next) {
        return jdbc.sql("UPDATE maintenance_notification SET state = ?, next_attempt_at = ?, node_id = NULL, "
                        + "last_error = ? WHERE notification_id = ? AND node_id = ? AND state = ? AND attempts = ?")
                .params(PENDING, Times.toDb(next), Outboxes.shorten(error), notification.id(), nodeId, SENDING,
                        notification.attempts())
                .update() == 1;
    }

    /** Forgets a held notification whose webhook was removed. */
    void drop(Claimed notification) {
        jdbc.sql("DELETE FROM maintenance_notification WHERE notification_id = ?").param(notification.id()).update();
    }

    private boolean end(Claimed notification, String nodeId, String state, String error, Instant now) {
        return jdbc.sql("UPDATE maintenance_notification SET state = ?, ended_at = ?, node_id = NULL, "
                        + "last_error = COALESCE(?, last_error) "
                        + "WHERE notification_id = ? AND node_id = ? AND state = ? AND attempts = ?")
                .params(state, Times.toDb(now), Outboxes.shorten(error), notification.id(), nodeId, SENDING,
                        notification.attempts())
                .update() == 1;
    }

    /** Per webhook id: notifications under way, failed ones, the last one sent, the last error. */
    Map<String, Status> statuses() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        jdbc.sql("SELECT webhook_id, "
                        + "SUM(CASE WHEN state IN ('pending', 'sending') THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), "
                        + "MAX(CASE WHEN state = 'sent' THEN ended_at END) "
                        + "FROM maintenance_notification GROUP BY webhook_id")
                .query((rs, n) -> statuses.put(rs.getString(1), new Status(rs.getInt(2), rs.getInt(3),
                        Times.fromDb(rs.getObject(4, LocalDateTime.class)), null)))
                .list();
        jdbc.sql("SELECT webhook_id, last_error FROM maintenance_notification n WHERE last_error IS NOT NULL "
                        + "AND created_at = (SELECT MAX(created_at) FROM maintenance_notification m "
                        + "WHERE m.webhook_id = n.webhook_id AND m.last_error IS NOT NULL)")
                .query((rs, n) -> {
                    String error = rs.getString(2);
                    return statuses.computeIfPresent(rs.getString(1), (id, s) ->
                            new Status(s.pending(), s.failed(), s.lastSentAt(), error));
                })
                .list();
        return statuses;
    }

    /** Forgets notifications that ended before {@code before}. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM maintenance_notification WHERE state IN (?, ?) AND ended_at < ?")
                .params(SENT, FAILED, Times.toDb(before)).update();
    }
}
