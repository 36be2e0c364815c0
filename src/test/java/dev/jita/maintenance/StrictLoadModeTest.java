package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Load mode is strict: once the PATCH that turns it ON has answered, no write commits. Writers keep writing
 * while the mode is switched under them; nothing they do after the PATCH's answer may land.
 */
class StrictLoadModeTest extends ApiTest {

    private static final int WRITERS = 8;

    private record Outcome(long sentAt, int status) {
    }

    @Test
    void noWorkspaceIsCreatedOnceTheSwitchHasAnswered() throws Exception {
        String org = unique("strict");
        createOrganization(org, "owner", "owner-pass");
        Http manager = http().as("owner", "owner-pass");
        String workspaces = "/api/" + org + "/platform/workspaces";

        writeWhileSwitching(n -> manager.post(workspaces, Map.of("id", "w" + n, "name", "concurrent")),
                () -> manager.get(workspaces).data().size());
    }

    @Test
    void noMenuRecordIsWrittenOnceTheSwitchHasAnswered() throws Exception {
        String org = unique("strict-menu");
        createOrganization(org, "owner", "owner-pass");
        Http member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        String menu = "/api/" + org + "/workspaces/ws1/ita/menu/operation_list/";

        writeWhileSwitching(n -> member.post(menu + "maintenance/", Map.of("parameter", Map.of("operation_name", "op" + n))),
                () -> member.get(menu + "filter/count/").data().asInt());
    }

    /** Runs the writers, switches load mode ON after 40 writes, and checks that nothing landed after the answer. */
    private void writeWhileSwitching(IntFunction<Http.Reply> write, IntSupplier count) throws Exception {
        AtomicLong switchedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger refusedAfterSwitch = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                // Each writer goes on until it has itself been refused a few times after the switch.
                int refusedHere = 0;
                while (refusedHere < 3) {
                    long sentAt = System.nanoTime();
                    Http.Reply reply = write.apply(sequence.incrementAndGet());
                    outcomes.add(new Outcome(sentAt, reply.status()));
                    if (reply.status() == 498 && sentAt > switchedAt.get()) {
                        refusedHere++;
                        refusedAfterSwitch.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        while (outcomes.stream().filter(o -> o.status() == 200).count() < 40) {
            Thread.sleep(5);
        }
        Http.Reply switched = admin().patch(MODES, Map.of("data_update_stop", "1"));
        switchedAt.set(System.nanoTime());
        assertThat(switched.status()).isEqualTo(200);
        int countAtSwitch = count.getAsInt();

        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        long accepted = outcomes.stream().filter(o -> o.status() == 200).count();
        assertThat(outcomes).allMatch(o -> o.status() == 200 || o.status() == 498);
        assertThat(accepted).as("writes accepted before the switch").isGreaterThanOrEqualTo(40);
        assertThat(refusedAfterSwitch.get()).isEqualTo(WRITERS * 3);
        assertThat(outcomes).noneMatch(o -> o.status() == 200 && o.sentAt() > switchedAt.get());
        assertThat(count.getAsInt())
                .as("nothing committed after the switch answered")
                .isEqualTo(countAtSwitch)
                .isEqualTo((int) accepted);
    }
}
