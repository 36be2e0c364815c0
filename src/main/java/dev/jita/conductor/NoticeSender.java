package dev.jita.conductor;

import dev.jita.backyard.BackyardProperties;
import dev.jita.core.Outboxes;
import dev.jita.core.Times;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the queued conductor notices, on the nodes that run backyards ({@code jita.backyard.enabled}): a poll
 * thread claims due notices and hands them to a few sending threads. Each attempt is bounded by the timeout;
 * a failed attempt is tried again after a doubling wait, up to the configured attempts, and then the notice
 * ends as failed with its last error. Errors name the notice and the receiver's host, never its headers or
 * the rest of its URL (webhook URLs often carry a token).
 */
@Component
@EnableConfigurationProperties(NoticeProperties.class)
class NoticeSender implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeSender.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final NoticeOutbox outbox;
    private final NoticeProperties properties;
    private final boolean enabled;
    private final ObjectMapper json;
    private final String nodeId;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;
    private volatile Instant lastPurge = Instant.EPOCH;

    @Autowired
    NoticeSender(NoticeOutbox outbox, NoticeProperties properties, BackyardProperties backyard, ObjectMapper json) {
        this(outbox, properties, backyard.enabled(), json, Outboxes.nodeId());
    }

    NoticeSender(NoticeOutbox outbox, NoticeProperties properties, boolean enabled, ObjectMapper json, String nodeId) {
        this.outbox = outbox;
        this.properties = properties;
        this.enabled = enabled;
        this.json = json;
        this.nodeId = nodeId;
    }

    @Override
    public synchronized void start() {
        if (!enabled || poller != null) {
            return;
        }
        senders = Executors.newFixedThreadPool(properties.noticeConcurrency(), Outboxes.threads("conductor-notice-send"));
        poller = Executors.newSingleThreadScheduledExecutor(Outboxes.threads("conductor-notice-poll"));
        long interval = properties.noticePollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Notices being sent when the node stops are taken again by a node once their lease ends. */
    @Override
    public synchronized void stop() {
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.noticeTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
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
            int free = properties.noticeConcurrency() - inFlight.get();
            if (free > 0) {
                for (NoticeOutbox.Claimed notice : claim(free)) {
                    inFlight.incrementAndGet();
                    senders.execute(() -> {
                        try {
                            deliver(notice);
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    });
                }
            }
            Instant now = Times.now();
            if (Duration.between(lastPurge, now).compareTo(PURGE_INTERVAL) >= 0) {
                lastPurge = now;
                outbox.purge(now.minus(properties.noticeRetention()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Conductor notices could not be claimed: {}", e.toString());
        }
    }

    /** Claims and sends due notices in the calling thread, up to {@code limit}; how many it held. */
    int sendDue(int limit) {
        List<NoticeOutbox.Claimed> claimed = claim(limit);
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private List<NoticeOutbox.Claimed> claim(int limit) {
        Instant now = Times.now();
        return outbox.claim(nodeId, limit, now, now.plus(properties.lease()));
    }

    private void deliver(NoticeOutbox.Claimed notice) {
        try {
            String error = post(notice);
            Instant now = Times.now();
            if (error == null) {
                outbox.sent(notice, nodeId, now);
            } else if (notice.attempts() >= properties.noticeAttempts()) {
                LOG.warn("Conductor notice \"{}\" to {} failed after {} attempts: {}", notice.noticeName(),
                        Outboxes.host(notice.url()), notice.attempts(), error);
                outbox.failed(notice, nodeId, error, now);
            } else {
                LOG.info("Conductor notice \"{}\" to {}: attempt {} failed ({}); trying again", notice.noticeName(),
                        Outboxes.host(notice.url()), notice.attempts(), error);
                outbox.retry(notice, nodeId, error, now.plus(properties.backoffAfter(notice.attempts())));
            }
        } catch (RuntimeException e) {
            LOG.warn("Conductor notice \"{}\" could not be recorded: {}", notice.noticeName(), e.toString());
        }
    }

    /** One attempt: null when the receiver answered 2xx, else why not. */
    private String post(NoticeOutbox.Claimed notice) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(notice.url()))
                    .timeout(properties.noticeTimeout())
                    .POST(HttpRequest.BodyPublishers.ofString(notice.body(), StandardCharsets.UTF_8));
            boolean contentType = false;
            for (Map.Entry<String, JsonNode> header : json.readTree(notice.header()).properties()) {
                builder.header(header.getKey(), header.getValue().stringValue());
                contentType |= header.getKey().equalsIgnoreCase("Content-Type");
            }
            if (!contentType) {
                builder.header("Content-Type", "application/json");
            }
            request = builder.build();
        } catch (RuntimeException e) {
            return "the request cannot be built from the definition (" + e.getClass().getSimpleName() + ")";
        }
        return Outboxes.post(client(notice), request, properties.noticeTimeout());
    }

    /** One client per proxy (and one without), each reused for every notice that goes that way. */
    private HttpClient client(NoticeOutbox.Claimed notice) {
        String key = notice.proxyUrl() == null || notice.proxyPort() == null ? ""
                : URI.create(notice.proxyUrl()).getHost() + ":" + notice.proxyPort();
        return clients.computeIfAbsent(key, k -> {
            // HTTP/1.1 as Exastro's client: no h2c upgrade offered to receivers that may mishandle it.
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(properties.noticeTimeout());
            if (!k.isEmpty()) {
                builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(
                        URI.create(notice.proxyUrl()).getHost(), notice.proxyPort())));
            }
            return builder.build();
        });
    }
}
