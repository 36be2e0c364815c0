package dev.jita.notification;

import dev.jita.core.Outboxes;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Tells the webhooks of every {@link MaintenanceEvent}. The event is written to the outbox in the transaction of
 * the change that raised it (so it goes out exactly when the change is committed), held by this node, and sent
 * by this node's sending threads after the commit: the change never waits for a receiver. A failed attempt is
 * tried again after a doubling wait by whichever node polls first; a node that dies mid-send leaves its rows to
 * the others once their lease ends. Each POST carries {@code X-Jita-Signature: sha256=<hex HMAC-SHA256 of the
 * body with the webhook's secret>}. Logs name the receiver's host only (webhook URLs often carry a token).
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
class MaintenanceNotifier implements SmartLifecycle {

    static final String SIGNATURE_HEADER = "X-Jita-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceNotifier.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Webhooks webhooks;
    private final NotificationOutbox outbox;
    private final NotificationProperties properties;
    private final ObjectMapper json;
    private final TransactionTemplate savepoint;
    private final String nodeId = Outboxes.nodeId();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final HttpClient client;
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;
    private volatile Instant lastPurge = Instant.EPOCH;

    MaintenanceNotifier(Webhooks webhooks, NotificationOutbox outbox, NotificationProperties properties, ObjectMapper json,
                        PlatformTransactionManager transactionManager) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.properties = properties;
        this.json = json;
        // A savepoint in the change's transaction: an outbox that cannot be written never undoes the change.
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        // HTTP/1.1: no h2c upgrade offered to receivers that may mishandle it.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout()).build();
    }

    @EventListener
    void on(MaintenanceEvent event) {
        Instant now = Times.now();
        List<NotificationOutbox.Claimed> added;
        try {
            String eventId = UUID.randomUUID().toString();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", event.type());
            body.put("id", eventId);
            body.put("at", Times.micros(now));
            body.put("data", event.data());
            String text = json.writeValueAsString(body);
            added = savepoint.execute(status -> {
                List<String> targets = webhooks.ids();
                return targets.isEmpty() ? List.of()
                        : outbox.add(targets, eventId, event.type(), text, nodeId, now, now.plus(properties.lease()));
            });
        } catch (RuntimeException e) {
            LOG.warn("Maintenance event {} could not be queued for the webhooks: {}", event.type(), e.toString());
            return;
        }
        if (added == null || added.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(added);
                }
            });
        } else {
            send(added);
        }
    }

    /** Hands held rows to the sending threads; when this node is stopping, the lease hands them to another. */
    private void send(List<NotificationOutbox.Claimed> held) {
        ExecutorService current = senders;
        if (current == null) {
            return;
        }
        for (NotificationOutbox.Claimed notification : held) {
            inFlight.incrementAndGet();
            try {
                current.execute(() -> {
                    try {
                        deliver(notification);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                inFlight.decrementAndGet();
            }
        }
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        senders = Executors.newFixedThreadPool(properties.concurrency(), Outboxes.threads("maintenance-notify-send"));
        poller = Executors.newSingleThreadScheduledExecutor(Outboxes.threads("maintenance-notify-poll"));
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Notifications being sent when the node stops are taken again by a node once their lease ends. */
    @Override
    public synchronized void stop() {
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
        poller = null;
        senders = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void poll() {
        try {
            int free = properties.concurrency() - inFlight.get();
            if (free > 0) {
                Instant now = Times.now();
                send(outbox.claim(nodeId, free, now, now.plus(properties.lease())));
            }
            Instant now = Times.now();
            if (Duration.between(lastPurge, now).compareTo(PURGE_INTERVAL) >= 0) {
                lastPurge = now;
                outbox.purge(now.minus(properties.retention()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Maintenance notifications could not be claimed: {}", e.toString());
        }
    }

    private void deliver(NotificationOutbox.Claimed notification) {
        try {
            Optional<String[]> target = webhooks.target(notification.webhookId());
            if (target.isEmpty()) {
                outbox.drop(notification);
                return;
            }
            String url = target.get()[0];
            String error = post(url, target.get()[1], notification);
            Instant now = Times.now();
            if (error == null) {
                outbox.sent(notification, nodeId, now);
            } else if (notification.attempts() >= properties.attempts()) {
                LOG.warn("Maintenance event {} to {} failed after {} attempts: {}", notification.eventType(), Outboxes.host(url),
                        notification.attempts(), error);
                outbox.failed(notification, nodeId, error, now);
            } else {
                LOG.info("Maintenance event {} to {}: attempt {} failed ({}); trying again", notification.eventType(),
                        Outboxes.host(url), notification.attempts(), error);
                outbox.retry(notification, nodeId, error, now.plus(properties.backoffAfter(notification.attempts())));
            }
        } catch (RuntimeException e) {
            LOG.warn("Maintenance event {} could not be sent or recorded: {}", notification.eventType(), e.toString());
        }
    }

    /** One attempt: null when the receiver answered 2xx, else why not. */
    private String post(String url, String secret, NotificationOutbox.Claimed notification) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "jita")
                    .header("X-Jita-Event", notification.eventType())
                    .header("X-Jita-Delivery", notification.eventId())
                    .header(SIGNATURE_HEADER, signature(secret, notification.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(notification.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (RuntimeException e) {
            return "the request cannot be built (" + e.getClass().getSimpleName() + ")";
        }
        return Outboxes.post(client, request, properties.timeout());
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body's UTF-8 bytes with the secret's. */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
