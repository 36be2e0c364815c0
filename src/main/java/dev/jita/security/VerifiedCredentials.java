package dev.jita.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, passwords that passed bcrypt, so that a script polling an endpoint does not
 * pay a deliberately slow hash on every call. An entry is keyed by the stored hash too: a changed password
 * or a deleted user never matches an old entry. Passwords are kept only as an HMAC under a key that lives
 * in this process alone. This decides nothing but "the same credentials were right a moment ago" (or are being
 * checked right now for another request, whose success then counts for all of them).
 */
final class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    /** Checks under way: concurrent requests with the same credentials share one bcrypt and one throttle count. */
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    VerifiedCredentials(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The entry of these credentials, for the other methods. */
    String entry(String realm, String username, String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {realm, username, storedHash, password}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean contains(String entry) {
        if (ttlNanos <= 0) {
            return false;
        }
        Long expiry = expiries.get(entry);
        return expiry != null && expiry - System.nanoTime() > 0;
    }

    /**
     * Starts the one bcrypt check of these credentials: null when the caller is to check them and then call
     * {@link #endCheck}, or the outcome to come of the check already under way for a concurrent request.
     */
    CompletableFuture<Boolean> startCheck(String entry, CompletableFuture<Boolean> mine) {
        return checking.putIfAbsent(entry, mine);
    }

    /** Ends a check begun with {@link #startCheck}: remembered when it matched, and told to those who wait. */
    void endCheck(String entry, CompletableFuture<Boolean> mine, boolean matched) {
        if (matched) {
            remember(entry);
        }
        checking.remove(entry, mine);
        mine.complete(matched);
    }

    private void remember(String entry) {
        if (ttlNanos <= 0) {
            return;
        }
        if (expiries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            expiries.values().removeIf(expiry -> expiry - now <= 0);
            if (expiries.size() >= MAX_ENTRIES) {
                expiries.clear();
            }
        }
        expiries.put(entry, System.nanoTime() + ttlNanos);
    }
}
