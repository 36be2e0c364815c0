package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BackyardEngineTest extends EngineTestOnOwnDatabase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void takesEveryItemOnceAndDrivesItToItsEnd() throws Exception {
        String org = organization("ws1");
        List<String> ids = register(Backyard.MENU_EXPORT_IMPORT, org, "ws1", 25);
        TestHandler handler = new TestHandler(Backyard.MENU_EXPORT_IMPORT, 3);
        BackyardEngine engine = engine(4, handler);

        engine.start();
        await("all ended", WAIT, () -> ids.stream().allMatch(id -> item(id).phase().equals("E")));

        for (String id : ids) {
            BackyardItems.Item item = item(id);
            assertThat(item.statusId()).isEqualTo(3);
            assertThat(item.nodeId()).isEqualTo(engine.nodeId());
            assertThat(item.startedAt()).isNotNull();
            assertThat(item.endedAt()).isAfterOrEqualTo(item.startedAt());
            assertThat(handler.runs().get(id).get()).isEqualTo(1);
        }
    }

    /**
     * An item its node holds but no longer runs (its end or hand-back failed): no sweep of dead nodes ends it, as
     * the node is alive, so the node's own heartbeat lets go of it. Items of other nodes are not touched.
     */
    @Test
    void aLiveNodeLetsGoOfAnItemItHoldsButDoesNotRun() throws Exception {
        String org = organization("ws1");
        List<String> ids = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 2);
        BackyardEngine engine = engine(properties(1, Duration.ofMillis(100), Duration.ofSeconds(1)),
                new TestHandler(Backyard.MENU_CREATE, 3));
        engine.start();
        nodes.register("other-node", "other-host", 1);
        LocalDateTime stale = Times.toDb(Instant.now().minusSeconds(60));
        hold(ids.get(0), engine.nodeId(), stale);
        hold(ids.get(1), "other-node", stale);
        try {
            await("the orphan ended", WAIT, () -> item(ids.get(0)).phase().equals("E"));
            assertThat(item(ids.get(0)).statusId()).isEqualTo(7);
            assertThat(item(ids.get(0)).note()).contains(engine.nodeId()).contains("could not end this item");
            assertThat(item(ids.get(1)).phase()).isEqualTo("R");
            assertThat(item(ids.get(1)).nodeId()).isEqualTo("other-node");
        } finally {
            nodes.unregister("other-node");
            writeBesideEngines("UPDATE backyard_item SET phase = 'E', status_id = 7 WHERE item_id = ?", ids.get(1));
        }
    }

    private void hold(String itemId, String nodeId, LocalDateTime at) {
        writeBesideEngines("UPDATE backyard_item SET phase = 'R', status_id = 3, node_id = ?, started_at = ?, "
                + "last_update_timestamp = ? WHERE item_id = ?", nodeId, at, at, itemId);
    }

    @Test
    void aBackyardWithoutAHandlerIsNotTaken() throws Exception {
        String org = organization("ws1");
        String ansible = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 1).get(0);
        List<String> exports = register(Backyard.MENU_EXPORT_IMPORT, org, "ws1", 3);
        BackyardEngine engine = engine(2, new TestHandler(Backyard.MENU_EXPORT_IMPORT, 3));

        engine.start();
        await("exports ended", WAIT, () -> exports.stream().allMatch(id -> item(id).phase().equals("E")));
        Thread.sleep(300);

        assertThat(item(ansible).phase()).isEqualTo("W");
        assertThat(item(ansible).statusId()).isEqualTo(1);
        assertThat(engine.backyards()).containsExactly(Backyard.MENU_EXPORT_IMPORT);
    }

    @Test
    void concurrencyPerBackyardIsBounded() throws Exception {
        String org = organization("ws1");
        List<String> ids = register(Backyard.MENU_CREATE, org, "ws1", 10);
        TestHandler handler = new TestHandler(Backyard.MENU_CREATE, 3).hold();
        BackyardEngine engine = engine(3, handler);

        engine.start();
        await("three started", WAIT, () -> handler.started() == 3);
        Thread.sleep(500);

        assertThat(handler.started()).isEqualTo(3);
        assertThat(engine.running(Backyard.MENU_CREATE)).isEqualTo(3);
        assertThat(ids.stream().filter(id -> item(id).phase().equals("R")).count()).isEqualTo(3);
        handler.release();
        await("all ended", WAIT, () -> ids.stream().allMatch(id -> item(id).phase().equals("E")));
    }

    @Test
    void oldestFirstAndFairBetweenWorkspaces() throws Exception {
        String org = organization("busy", "quiet");
        List<String> busy = register(Backyard.EXCEL_EXPORT_IMPORT, org, "busy", 6);
        List<String> quiet = register(Backyard.EXCEL_EXPORT_IMPORT, org, "quiet", 2);
        TestHandler handler = new TestHandler(Backyard.EXCEL_EXPORT_IMPORT, 3);
        BackyardEngine engine = engine(1, handler);

        engine.start();
        await("all ended", WAIT, () -> handler.started() == 8);

        List<String> started = handler.order().stream().map(TestHandler.Run::itemId).toList();
        // Taken one at a time, the two workspaces alternate while both have work; each in its own order.
        assertThat(started.subList(0, 4)).containsExactly(busy.get(0), quiet.get(0), busy.get(1), quiet.get(1));
        assertThat(started.subList(4, 8)).containsExactly(busy.get(2), busy.get(3), busy.get(4), busy.get(5));
    }

    @Test
    void aScheduledItemWaitsForItsTime() throws Exception {
        String org = organization("ws1");
        String later = schedule(Backyard.ANSIBLE_EXECUTE, org, "ws1", Instant.now().plusSeconds(2));
        String past = schedule(Backyard.ANSIBLE_EXECUTE, org, "ws1", Instant.now().minusSeconds(60));
        assertThat(item(later).statusId()).isEqualTo(9);
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5);
        BackyardEngine engine = engine(2, handler);

        engine.start();
        await("past one ended", WAIT, () -> item(past).phase().equals("E"));
        assertThat(item(later).phase()).isEqualTo("W");
        assertThat(item(later).statusId()).isEqualTo(9);

        await("later one ended", WAIT, () -> item(later).phase().equals("E"));
        assertThat(item(later).statusId()).isEqualTo(5);
        assertThat(item(later).startedAt()).isAfterOrEqualTo(item(later).notBefore());
    }

    @Test
    void runningStatusesAndUnexpectedErrors() throws Exception {
        String org = organization("ws1");
        String id = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 1).get(0);
        TestHandler handler = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).reporting(3).hold();
        BackyardEngine engine = engine(1, handler, new FailingHandler());
        String failing = register(Backyard.TERRAFORM_CLI_EXECUTE, org, "ws1", 1).get(0);

        engine.start();
        await("executing", WAIT, () -> item(id).statusId() == 3);
        assertThat(item(id).phase()).isEqualTo("R");
        await("failed", WAIT, () -> item(failing).phase().equals("E"));
        assertThat(item(failing).statusId()).isEqualTo(7);
        assertThat(item(failing).note()).contains("terraform exploded");

        handler.release();
        await("completed", WAIT, () -> item(id).phase().equals("E"));
        assertThat(item(id).statusId()).isEqualTo(5);
    }

    @Test
    void twoEnginesNeverTakeTheSameItem() throws Exception {
        String org = organization("a", "b", "c");
        List<String> ids = new java.util.ArrayList<>();
        for (String ws : List.of("a", "b", "c")) {
            ids.addAll(register(Backyard.MENU_EXPORT_IMPORT, org, ws, 100));
        }
        TestHandler handler = new TestHandler(Backyard.MENU_EXPORT_IMPORT, 3);
        engine(4, handler).start();
        engine(4, handler).start();
        engine(4, handler).start();

        await("all ended", WAIT, () -> handler.started() >= 300
                && ids.stream().allMatch(id -> item(id).phase().equals("E")));

        assertThat(handler.runs()).hasSize(300);
        assertThat(handler.runs().values()).allMatch(count -> count.get() == 1);
    }

    @Test
    void aNodeThatStopsHeartBeatingHasItsItemsEndedWithANote() throws Exception {
        String org = organization("ws1");
        List<String> execution = register(Backyard.ANSIBLE_EXECUTE, org, "ws1", 2);
        List<String> export = register(Backyard.MENU_EXPORT_IMPORT, org, "ws1", 1);
        TestHandler ansible = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).reporting(3).hold();
        TestHandler transfer = new TestHandler(Backyard.MENU_EXPORT_IMPORT, 3).hold();
        // Its heartbeat never comes after registration: to the others it looks like a node that died.
        BackyardEngine silent = engine(properties(2, Duration.ofHours(1), Duration.ofHours(3)), ansible, transfer);

        silent.start();
        await("held", WAIT, () -> ansible.started() == 2 && transfer.started() == 1);
        // The server's sweep (dead after 3 s in tests) ends them.
        await("swept", WAIT, () -> execution.stream().allMatch(id -> item(id).phase().equals("E"))
                && item(export.get(0)).phase().equals("E"));

        for (String id : execution) {
            assertThat(item(id).statusId()).isEqualTo(7);
            assertThat(item(id).note()).contains(silent.nodeId()).contains("stopped sending heartbeats");
        }
        assertThat(item(export.get(0)).statusId()).isEqualTo(4);

        // The node wakes up: its late results are not written over the sweep's.
        ansible.release();
        transfer.release();
        await("silent node idle", WAIT, () -> silent.running(Backyard.ANSIBLE_EXECUTE) == 0);
        assertThat(item(execution.get(0)).statusId()).isEqualTo(7);
    }

    @Test
    void anItemHandedBackWaitsAsNotStartedAndIsTakenAgainOnceTheModesAllow() throws Exception {
        String org = organization("ws1");
        String id = schedule(Backyard.ANSIBLE_EXECUTE, org, "ws1", Instant.now().minusSeconds(60));
        HandingBackOnce handler = new HandingBackOnce();
        engine(1, handler).start();
        await("executing", WAIT, () -> item(id).statusId() == 3);
        assertThat(executeCount(org)).isEqualTo(1);

        setModes("1", "0");
        handler.release.countDown();
        await("handed back", WAIT, () -> item(id).phase().equals("W"));

        BackyardItems.Item waiting = item(id);
        assertThat(waiting.statusId()).as("Unexecuted, not Unexecuted (schedule): its time has come").isEqualTo(1);
        assertThat(waiting.nodeId()).isNull();
        assertThat(waiting.startedAt()).isNull();
        assertThat(waiting.endedAt()).isNull();
        assertThat(waiting.note()).isEqualTo("not now");
        assertThat(executeCount(org)).isZero();
        assertThat(handler.starts).hasSize(1);

        setModes("0", "0");
        await("ended", WAIT, () -> item(id).phase().equals("E"));
        BackyardItems.Item ended = item(id);
        assertThat(ended.statusId()).isEqualTo(5);
        assertThat(ended.note()).isNull();
        assertThat(handler.starts).hasSize(2);
        assertThat(ended.startedAt()).isEqualTo(handler.starts.get(1)).isAfterOrEqualTo(handler.starts.get(0));
    }

    private int executeCount(String org) {
        JsonNode organizations = admin().get("/api/ita/backyard-execute-check/").data().path("organizations");
        for (JsonNode organization : organizations.values()) {
            if (organization.path("id").asString().equals(org)) {
                return organization.path("execute_count").asInt();
            }
        }
        throw new AssertionError(org + " is not listed");
    }

    /** Runs its first item to Executing, waits for {@link #release}, and hands it back; ends it the next time. */
    private static final class HandingBackOnce implements JobHandler {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Instant> starts = new CopyOnWriteArrayList<>();

        @Override
        public Backyard backyard() {
            return Backyard.ANSIBLE_EXECUTE;
        }

        @Override
        public Step run(ClaimedItem item, ItemProgress progress) throws InterruptedException {
            starts.add(item.startedAt());
            if (starts.size() > 1) {
                return Step.end(5);
            }
            progress.setStatus(3);
            if (!release.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("never released");
            }
            return Step.again("not now");
        }
    }

    private static final class FailingHandler implements JobHandler {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public Backyard backyard() {
            return Backyard.TERRAFORM_CLI_EXECUTE;
        }

        @Override
        public Step run(ClaimedItem item, ItemProgress progress) {
            calls.incrementAndGet();
            throw new IllegalStateException("terraform exploded");
        }
    }
}
