package dev.jita.test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver on a local port for the maintenance notification tests: it keeps every request, and can
 * answer the next ones with an error or hold them unanswered until released.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as received, and whether it was answered 200. */
    public record Received(String event, String delivery, String signature, String body, boolean accepted) {

        public JsonNode json() {
            return Http.JSON.readTree(body);
        }

        /** Whether the signature is the HMAC-SHA256 of the body with {@code secret}. */
        public boolean signedWith(String secret) {
            return ("sha256=" + hmac(secret, body)).equals(signature);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger holding = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            CountDownLatch latch = hold;
            if (latch.getCount() > 0) {
                holding.incrementAndGet();
                try {
                    latch.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean fail = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Jita-Event"),
                    exchange.getRequestHeaders().getFirst("X-Jita-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Jita-Signature"), body, !fail));
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests are answered 500. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** From now on requests wait unanswered until {@link #release()}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** Requests waiting unanswered, or answered after waiting. */
    public int held() {
        return holding.get();
    }

    public List<Received> received() {
        return received;
    }

    /** The first accepted event of {@code type} whose body contains {@code text}. */
    public Optional<Received> accepted(String type, String text) {
        return received.stream().filter(r -> r.accepted() && type.equals(r.event()) && r.body().contains(text))
                .findFirst();
    }

    /** Waits for {@link #accepted(String, String)}. */
    public Received await(String type, String text, Duration limit) throws InterruptedException {
        Waits.awaitTrue(type + " containing " + text, limit, () -> accepted(type, text).isPresent());
        return accepted(type, text).orElseThrow();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
