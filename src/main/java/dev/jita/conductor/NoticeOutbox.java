package dev.jita.conductor;

import dev.jita.core.Dialect;
import dev.jita.core.Outboxes;
import dev.jita.core.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code conductor_notice} table: notices to send, claimed by one node at a time, and their outcome. */
@Component
class NoticeOutbox {

    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    /** A notice to write: the request as it will be sent. */
    record NewNotice(String organizationId, String workspaceId, String conductorInstanceId, String noticeName,
                     int statusId, String url, String header, String proxyUrl, Integer proxyPort, String body) {
    }

    /** A notice this node holds for one attempt ({@code attempts} counts it). */
    record Claimed(String id, String noticeName, String url, String header, String proxyUrl, Integer proxyPort,
                   String body, int attempts) {
    }

    /** A notice as its instance's history shows it. */
    record Delivery(String id, String noticeName, int statusId, String state, int attempts, String lastError,
                    Instant queuedAt, Instant endedAt) {
    }

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;

    NoticeOutbox(JdbcClient jdbc, Dialect dialect, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** In the caller's transaction: the notice is sent only if the status change it tells of is committed. */
    void add(NewNotice notice, Instant now) {
        LocalDateTime at = Times.toDb(now);
        jdbc.sql("INSERT INTO conductor_notice (notice_id, organization_id, workspace_id, conductor_instance_id, "
                        + "notice_name, status_id, notice_url, header, proxy_url, proxy_port, body, state, attempts, "
                        + "next_attempt_at, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(UUID.randomUUID().toString(), notice.organizationId(), notice.workspaceId(),
                        notice.conductorInstanceId(), notice.noticeName(), notice.statusId(), notice.url(),
                        notice.header(), notice.proxyUrl(), notice.proxyPort(), notice.body(), PENDING, at, at)
                .update();
    }

    /**
     * Takes up to {@code limit} due notices for {@code nodeId} until {@code leaseEnd}: pending ones whose time
     * has come, and sending ones whose lease ran out (their node died mid-send). Rows another node is taking
     * are skipped, and each row is taken only if it is still due, so two nodes never hold the same notice.
     */
    List<Claimed> claim(String nodeId, int limit, Instant now, Instant leaseEnd) {
        LocalDateTime at = Times.toDb(now);
        return Outboxes.claim(transactions,
                () -> jdbc.sql("SELECT notice_id, notice_name, notice_url, header, proxy_url, proxy_port, body, "
                                + "attempts FROM conductor_notice WHERE state IN (?, ?) AND next_attempt_at <= ? "
                                + "ORDER BY next_attempt_at, notice_id LIMIT " + limit + " " + dialect.claimLock())
                        .params(PENDING, SENDING, at)
                        .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), (Integer) rs.getObject(6, Integer.class),
                                rs.getString(7), rs.getInt(8) + 1))
                        .list(),
                notice -> jdbc.sql("UPDATE conductor_notice SET state = ?, attempts = ?, node_id = ?, "
                                + "next_attempt_at = ? WHERE notice_id = ? AND state IN (?, ?) AND next_attempt_at <= ? "
                                + "AND attempts = ?")
                        .params(SENDING, notice.attempts(), nodeId, Times.toDb(leaseEnd), notice.id(), PENDING,
                                SENDING, at, notice.attempts() - 1)
                        .update() == 1);
    }

    /** Ends a held notice as sent (keeping the error of an earlier attempt); false when this node no longer held it. */
    boolean sent(Claimed notice, String nodeId, Instant now) {
        return end(notice, nodeId, SENT, null, now);
    }

    /** Ends a held notice as failed for good. */
    boolean failed(Claimed notice, String nodeId, String error, Instant now) {
        return end(notice, nodeId, FAILED, error, now);
    }

    /** Gives a held notice back, to be tried again at {@code next}. */
    boolean retry(Claimed notice, String nodeId, String error, Instant next) {
        return jdbc.sql("UPDATE conductor_notice SET state = ?, next_attempt_at = ?, node_id = NULL, last_error = ? "
                        + "WHERE notice_id = ? AND node_id = ? AND state = ? AND attempts = ?")
                .params(PENDING, Times.toDb(next), Outboxes.shorten(error), notice.id(), nodeId, SENDING, notice.attempts())
                .update() == 1;
    }

    private boolean end(Claimed notice, String nodeId, String state, String error, Instant now) {
        return jdbc.sql("UPDATE conductor_notice SET state = ?, ended_at = ?, node_id = NULL, "
                        + "last_error = COALESCE(?, last_error) "
                        + "WHERE notice_id = ? AND node_id = ? AND state = ? AND attempts = ?")
                .params(state, Times.toDb(now), Outboxes.shorten(error), notice.id(), nodeId, SENDING, notice.attempts())
                .update() == 1;
    }

    /** The notices of one instance, in the order they were queued. */
    List<Delivery> deliveries(String organizationId, String workspaceId, String conductorInstanceId) {
        return jdbc.sql("SELECT notice_id, notice_name, status_id, state, attempts, last_error, queued_at, ended_at "
                        + "FROM conductor_notice WHERE organization_id = ? AND workspace_id = ? "
                        + "AND conductor_instance_id = ? ORDER BY queued_at, notice_id")
                .params(organizationId, workspaceId, conductorInstanceId)
                .query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), Times.fromDb(rs.getObject(7, LocalDateTime.class)),
                        Times.fromDb(rs.getObject(8, LocalDateTime.class))))
                .list();
    }

    /** Forgets notices that ended before {@code before}. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM conductor_notice WHERE state IN (?, ?) AND ended_at < ?")
                .params(SENT, FAILED, Times.toDb(before)).update();
    }
}
