package dev.jita.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread or server does, with a bound and a message that says what was awaited. */
public final class Waits {

    private Waits() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} once {@code limit} has passed. */
    public static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits for another thread to release {@code latch}; fails once {@code limit} has passed. */
    public static void released(CountDownLatch latch, Duration limit) {
        try {
            if (!latch.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
