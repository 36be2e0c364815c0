package dev.jita.backyard;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * One node's worker engine, the same for every backyard: it polls each backyard that has a handler, takes
 * items through {@link Claims} up to its concurrency, runs them on a bounded pool per backyard, and keeps
 * its node's heartbeat. Dead nodes are swept by {@link DeadNodeSweep} on every node. Which node runs what is decided only by the database's row locks.
 */
public final class BackyardEngine {

    private static final Logger log = LoggerFactory.getLogger(BackyardEngine.class);
    private static final int LOCK_RETRIES = 20;
    private static final int STEPS_PER_THREAD = 16;

    private final String nodeId;
    private final String hostName;
    private final long processId;
    private final Claims claims;
    private final Nodes nodes;
    private final BackyardProperties properties;
    private final Map<Backyard, JobHandler> handlers = new EnumMap<>(Backyard.class);
    private final Map<Backyard, ExecutorService> pools = new EnumMap<>(Backyard.class);
    private final Map<Backyard, AtomicInteger> running = new EnumMap<>(Backyard.class);
    /** Whether the last claim of a backyard filled every free slot, so that more items are likely waiting. */
    private final Map<Backyard, AtomicBoolean> moreWaiting = new EnumMap<>(Backyard.class);
    /** Whether a poll of a backyard is queued on the poller already. */
    private final Map<Backyard, AtomicBoolean> pollQueued = new EnumMap<>(Backyard.class);
    /** The items this engine has claimed and not yet let go, to tell them from items it failed to let go. */
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    /** One thread for every poll, periodic or asked for when an item ends: a backyard is never claimed twice at once. */
    private ScheduledExecutorService poller;
    private ScheduledFuture<?> polling;
    private volatile boolean started;

    BackyardEngine(String nodeId, String hostName, long processId, Claims claims, Nodes nodes,
                   List<JobHandler> handlers, BackyardProperties properties) {
        this.nodeId = nodeId;
        this.hostName = hostName;
        this.processId = processId;
        this.claims = claims;
        this.nodes = nodes;
        this.properties = properties;
        for (JobHandler handler : handlers) {
            if (this.handlers.put(handler.backyard(), handler) != null) {
                throw new IllegalStateException("Two job handlers for " + handler.backyard().serviceName());
            }
        }
    }

    public String nodeId() {
        return nodeId;
    }

    /** Backyards this engine takes items of: those with a handler. */
    public Set<Backyard> backyards() {
        return handlers.keySet();
    }

    /** Items of {@code backyard} this engine is running now. */
    public int running(Backyard backyard) {
        AtomicInteger count = running.get(backyard);
        return count == null ? 0 : count.get();
    }

    public synchronized void start() {
        if (started) {
            return;
        }
        nodes.register(nodeId, hostName, processId);
        handlers.keySet().forEach(backyard -> {
            int size = properties.concurrencyOf(backyard);
            AtomicInteger threads = new AtomicInteger();
            pools.put(backyard, Executors.newFixedThreadPool(size, r -> {
                Thread thread = new Thread(r, backyard.serviceName() + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
            running.put(backyard, new AtomicInteger());
            moreWaiting.put(backyard, new AtomicBoolean());
            pollQueued.put(backyard, new AtomicBoolean());
        });
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "backyard-engine-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "backyard-poll-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        polling = poller.scheduleWithFixedDelay(guarded("poll", this::poll), 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("heartbeat", this::heartbeat),
                properties.heartbeatInterval().toMillis(), properties.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        started = true;
        log.info("Backyard node {} started for {}", nodeId,
                handlers.keySet().stream().map(Backyard::serviceName).toList());
    }

    /**
     * Stops taking items, lets running ones finish within the grace period, then stops. Items still running
     * after that are ended by another node's sweep once this node's row is gone.
     */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        polling.cancel(false);
        // No poll may hand items to a pool once it is shut down.
        poller.shutdown();
        try {
            poller.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pools.values().forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        for (ExecutorService pool : pools.values()) {
            try {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        pools.clear();
        // The heartbeat went on while the items finished: other nodes must not end them as a dead node's.
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(properties.heartbeatInterval().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            nodes.unregister(nodeId);
        } catch (RuntimeException e) {
            log.warn("Node {} could not remove its row: {}", nodeId, e.getMessage());
        }
        log.info("Backyard node {} stopped", nodeId);
    }

    void poll() {
        handlers.forEach(this::poll);
    }

    private void poll(Backyard backyard, JobHandler handler) {
        if (!started) {
            return;
        }
        AtomicInteger busy = running.get(backyard);
        int free = capacity(backyard) - busy.get();
        if (free <= 0) {
            return;
        }
        List<ClaimedItem> taken;
        try {
            taken = claims.claim(backyard, nodeId, free);
        } catch (PessimisticLockingFailureException e) {
            log.debug("Claim of {} lost a lock conflict; the next poll tries again", backyard.serviceName());
            return;
        }
        moreWaiting.get(backyard).set(taken.size() == free);
        for (ClaimedItem item : taken) {
            holding.add(item.itemId());
            busy.incrementAndGet();
            pools.get(backyard).execute(() -> runItem(handler, item, busy));
        }
    }

    /**
     * After an item ends: when the last claim found more items than there were free slots, the freed slot is
     * filled at once instead of at the next poll, so that a node under load does not idle between polls. Not
     * where claims wait for each other's locks (see {@link Claims#skipsLocked()}).
     */
    private void pollAgainIfBusy(Backyard backyard) {
        if (!started || !claims.skipsLocked() || !moreWaiting.get(backyard).get()
                || !pollQueued.get(backyard).compareAndSet(false, true)) {
            return;
        }
        try {
            poller.execute(guarded("poll", () -> {
                pollQueued.get(backyard).set(false);
                poll(backyard, handlers.get(backyard));
            }));
        } catch (RejectedExecutionException e) {
            pollQueued.get(backyard).set(false);
        }
    }

    /**
     * How many items of a backyard this node holds at once: its concurrency, or for a stepped backyard that
     * many threads times {@link #STEPS_PER_THREAD}, since each step is short and the steps taken in one poll
     * wait in the pool's queue, held by this node, for a thread.
     */
    private int capacity(Backyard backyard) {
        int concurrency = properties.concurrencyOf(backyard);
        return backyard.stepped() ? concurrency * STEPS_PER_THREAD : concurrency;
    }

    private void runItem(JobHandler handler, ClaimedItem item, AtomicInteger busy) {
        try {
            runItem(handler, item);
        } finally {
            holding.remove(item.itemId());
            busy.decrementAndGet();
        }
        pollAgainIfBusy(item.backyard());
    }

    private void runItem(JobHandler handler, ClaimedItem item) {
        Logger jobLog = LoggerFactory.getLogger("dev.jita.backyard." + item.backyard().serviceName());
        StatusTable table = item.backyard().statusTable();
        int status;
        String note = null;
        try {
            if (item.backyard().stepped()) {
                jobLog.debug("Step {} ({}/{})", item.itemId(), item.organizationId(), item.workspaceId());
            } else {
                jobLog.info("Start {} ({}/{})", item.itemId(), item.organizationId(), item.workspaceId());
            }
            JobHandler.Step step = handler.run(item, new ItemProgress() {
                @Override
                public boolean setStatus(int runningStatusId) {
                    return retryingOnLockConflicts(() -> claims.progress(item, nodeId, runningStatusId));
                }

                @Override
                public boolean stillHeld() {
                    return claims.held(item, nodeId);
                }
            });
            if (step.again()) {
                handBack(item, step.note(), jobLog);
                return;
            }
            if (!step.ended() && item.backyard().stepped()) {
                park(item, step.nextStepAt(), jobLog);
                return;
            }
            status = step.ended() ? step.endStatus() : table.unexpectedError();
            note = step.note();
            if (!step.ended()) {
                note = "The job asked to wait for another step, which its backyard does not run in.";
            } else if (!table.isEnd(status)) {
                note = "The job ended with status " + status + ", which is not an end status.";
                status = table.unexpectedError();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            jobLog.error("Item {} failed", item.itemId(), e);
            status = table.unexpectedError();
            note = "Unexpected error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        try {
            String trimmed = trim(note);
            int end = status;
            if (!retryingOnLockConflicts(() -> claims.finish(item, nodeId, end, trimmed))) {
                jobLog.warn("Item {} was no longer held by node {}; its end status {} was not written",
                        item.itemId(), nodeId, status);
            } else {
                jobLog.info("End {} with status {}", item.itemId(), status);
            }
        } catch (RuntimeException e) {
            jobLog.error("Item {} could not be ended; the heartbeat lets go of it", item.itemId(), e);
        }
    }

    private void park(ClaimedItem item, Instant nextStepAt, Logger jobLog) {
        try {
            if (!retryingOnLockConflicts(() -> claims.park(item, nodeId, nextStepAt))) {
                jobLog.warn("Item {} was no longer held by node {}; it was not handed back to wait", item.itemId(), nodeId);
            }
        } catch (RuntimeException e) {
            jobLog.error("Item {} could not be handed back to wait; the heartbeat lets go of it", item.itemId(), e);
        }
    }

    private void handBack(ClaimedItem item, String note, Logger jobLog) {
        String trimmed = trim(note);
        try {
            if (retryingOnLockConflicts(() -> claims.handBack(item, nodeId, trimmed))) {
                jobLog.info("Back to wait {}: {}", item.itemId(), note);
            } else {
                jobLog.warn("Item {} was no longer held by node {}; it was not handed back to wait", item.itemId(), nodeId);
            }
        } catch (RuntimeException e) {
            jobLog.error("Item {} could not be handed back to wait; the heartbeat lets go of it", item.itemId(), e);
        }
    }

    private static String trim(String note) {
        return note == null || note.length() <= Nodes.NOTE_LENGTH ? note : note.substring(0, Nodes.NOTE_LENGTH);
    }

    /**
     * The database may pick a short statement of ours as a deadlock victim (MariaDB does, under load);
     * an item's progress and end are retried so that an item never stays running for want of one update.
     */
    private static boolean retryingOnLockConflicts(BooleanSupplier update) {
        for (int attempt = 1; ; attempt++) {
            try {
                return update.getAsBoolean();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_RETRIES) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void heartbeat() {
        if (!nodes.beat(nodeId, hostName, processId)) {
            log.warn("Node {} had been declared dead; the items it held were ended by another node", nodeId);
            return;
        }
        // An item whose end or hand-back failed is still held by this live node, which no sweep of dead nodes ends.
        nodes.letGoOfOrphans(nodeId, Set.copyOf(holding), properties.deadAfter());
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Backyard {} on node {} failed; retrying at the next interval: {}", what, nodeId, e.getMessage());
            }
        };
    }
}
