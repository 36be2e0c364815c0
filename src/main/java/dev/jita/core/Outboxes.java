package dev.jita.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outboxes that post to receivers share. The SQL stays with the module that owns each outbox table:
 * these helpers take it as callbacks.
 */
public final class Outboxes {

    private Outboxes() {
    }

    /**
     * In one transaction: the rows {@code due} lists (locked with {@link Dialect#claimLock()}), keeping those that
     * {@code take} still takes (its conditional update changed one row), so two nodes never hold the same row.
     */
    public static <T> List<T> claim(TransactionTemplate transactions, Supplier<List<T>> due, Predicate<T> take) {
        List<T> claimed = transactions.execute(status -> {
            List<T> taken = new ArrayList<>();
            for (T row : due.get()) {
                if (take.test(row)) {
                    taken.add(row);
                }
            }
            return taken;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** One attempt, bounded by {@code timeout}: null when the receiver answered 2xx, else why not. */
    public static String post(HttpClient client, HttpRequest request, Duration timeout) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is not needed: closing it ends the exchange without waiting for it.
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "the receiver answered HTTP " + status;
        } catch (HttpConnectTimeoutException e) {
            return "no connection within " + timeout.toMillis() + " ms";
        } catch (HttpTimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted: the node is stopping";
        }
    }

    /** An error short enough for the outbox's last_error column. */
    public static String shorten(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
    }

    /** The receiver's host alone, for logs: webhook URLs often carry a token. */
    public static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "(no host)" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "(a bad URL)";
        }
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ... */
    public static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** This node's name in the outbox rows it holds: its host and a part of a random id. */
    public static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
            host = host.length() > 100 ? host.substring(0, 100) : host;
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
