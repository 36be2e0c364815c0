package dev.jita.notification;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import dev.jita.menu.SecretBox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code maintenance_webhook} table: where maintenance events go, each secret sealed with the platform key. */
@Component
class Webhooks {

    /** A webhook as the API shows it: never its secret. */
    record Webhook(String id, String url, String updatedBy, Instant updatedAt) {
    }

    /** What to store: {@code secret} null keeps the secret already stored for the same URL. */
    record Wanted(String url, String secret) {
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final TransactionTemplate transactions;

    Webhooks(JdbcClient jdbc, SecretBox secrets, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.transactions = transactions;
    }

    List<Webhook> list() {
        return jdbc.sql("SELECT webhook_id, url, updated_by, updated_at FROM maintenance_webhook ORDER BY sort_order")
                .query((rs, n) -> new Webhook(rs.getString(1), rs.getString(2), rs.getString(3),
                        Times.fromDb(rs.getObject(4, LocalDateTime.class))))
                .list();
    }

    List<String> ids() {
        return jdbc.sql("SELECT webhook_id FROM maintenance_webhook ORDER BY sort_order").query(String.class).list();
    }

    /** The URL and the secret in clear, to send with; empty when the webhook was removed. */
    Optional<String[]> target(String webhookId) {
        return jdbc.sql("SELECT url, secret_sealed FROM maintenance_webhook WHERE webhook_id = ?").param(webhookId)
                .query((rs, n) -> new String[] {rs.getString(1), open(rs.getString(2))}).optional();
    }

    /** The URLs among {@code wanted} that come without a secret and have none stored. */
    List<String> withoutSecret(List<Wanted> wanted) {
        Map<String, String> stored = storedByUrl();
        return wanted.stream().filter(w -> w.secret() == null && !stored.containsKey(w.url())).map(Wanted::url).toList();
    }

    /**
     * Replaces the list in one transaction. A URL kept keeps its id (and so its notifications under way); a
     * webhook removed loses the notifications not yet sent to it.
     */
    void replace(List<Wanted> wanted, String user) {
        transactions.executeWithoutResult(status -> {
            Map<String, String[]> stored = new HashMap<>();
            jdbc.sql("SELECT url, webhook_id, secret_sealed FROM maintenance_webhook FOR UPDATE")
                    .query((rs, n) -> stored.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
            LocalDateTime now = Times.toDb(Times.now());
            List<String> kept = new ArrayList<>();
            int order = 0;
            for (Wanted webhook : wanted) {
                String[] existing = stored.get(webhook.url());
                if (existing == null && webhook.secret() == null) {
                    // Removed by another change since it was checked.
                    throw ApiException.badRequest("notifications.secret_missing", webhook.url());
                }
                String sealed = webhook.secret() == null ? existing[1] : seal(webhook.secret());
                if (existing != null) {
                    jdbc.sql("UPDATE maintenance_webhook SET sort_order = ?, secret_sealed = ?, updated_by = ?, "
                                    + "updated_at = ? WHERE webhook_id = ?")
                            .params(order++, sealed, user, now, existing[0]).update();
                    kept.add(existing[0]);
                } else {
                    jdbc.sql("INSERT INTO maintenance_webhook (webhook_id, sort_order, url, secret_sealed, updated_by, "
                                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                            .params(UUID.randomUUID().toString(), order++, webhook.url(), sealed, user, now).update();
                }
            }
            stored.values().stream().map(row -> row[0]).filter(id -> !kept.contains(id)).forEach(id -> {
                jdbc.sql("DELETE FROM maintenance_webhook WHERE webhook_id = ?").param(id).update();
                jdbc.sql("DELETE FROM maintenance_notification WHERE webhook_id = ? AND state IN ('pending', 'sending')")
                        .param(id).update();
            });
        });
    }

    private Map<String, String> storedByUrl() {
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("SELECT url, secret_sealed FROM maintenance_webhook")
                .query((rs, n) -> stored.put(rs.getString(1), rs.getString(2))).list();
        return stored;
    }

    private String seal(String secret) {
        return Base64.getEncoder().encodeToString(secrets.seal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private String open(String sealed) {
        return new String(secrets.open(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
    }
}
