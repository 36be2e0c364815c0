package dev.jita.backyard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job handler for the engine's tests only: it records which node ran which item and when, can hold its
 * items until released, and ends them in a chosen status.
 */
class TestHandler implements JobHandler {

    record Run(String itemId, String workspaceId, Instant startedAt) {
    }

    private final Backyard backyard;
    private final int endStatus;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final List<Run> order = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Integer runningStatus;

    TestHandler(Backyard backyard, int endStatus) {
        this.backyard = backyard;
        this.endStatus = endStatus;
    }

    /** From now on items wait in run() until {@link #release()}. */
    TestHandler hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    /** Moves each item to this running status before it waits. */
    TestHandler reporting(int status) {
        runningStatus = status;
        return this;
    }

    @Override
    public Backyard backyard() {
        return backyard;
    }

    @Override
    public Step run(ClaimedItem item, ItemProgress progress) throws InterruptedException {
        runs.computeIfAbsent(item.itemId(), id -> new AtomicInteger()).incrementAndGet();
        order.add(new Run(item.itemId(), item.workspaceId(), item.startedAt()));
        if (runningStatus != null) {
            progress.setStatus(runningStatus);
        }
        if (!gate.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("test handler was never released");
        }
        return Step.end(endStatus);
    }

    Map<String, AtomicInteger> runs() {
        return runs;
    }

    List<Run> order() {
        return order;
    }

    int started() {
        return order.size();
    }
}
