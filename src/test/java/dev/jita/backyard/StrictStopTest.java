package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Stop server side jobs" and load mode are strict: once the PATCH that turns one ON has answered, no node
 * starts any item. Four engines take thousands of items while the modes are switched under them; every
 * item's start time is compared with the moments the PATCHes returned.
 */
class StrictStopTest extends EngineTestOnOwnDatabase {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int ITEMS = 3000;

    private record Window(Instant on, Instant off) {
    }

    @Test
    void noItemStartsWhileAModeIsOnAndNothingIsLost() throws Exception {
        String org = organization("w1", "w2", "w3", "w4", "w5");
        List<String> ids = new ArrayList<>();
        for (int w = 1; w <= 5; w++) {
            ids.addAll(register(Backyard.MENU_EXPORT_IMPORT, org, "w" + w, ITEMS / 5));
        }
        TestHandler transfer = new TestHandler(Backyard.MENU_EXPORT_IMPORT, 3);
        TestHandler ansible = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5);
        for (int e = 0; e < 4; e++) {
            engine(8, transfer, ansible).start();
        }

        List<Window> windows = new ArrayList<>();
        List<String> registeredWhileOn = new ArrayList<>();
        List<String> scheduledWhileOn = new ArrayList<>();
        String[] modes = {"backyard_execute_stop", "data_update_stop"};
        for (int round = 0; round < 2; round++) {
            int before = transfer.started();
            await("work under way", WAIT, () -> transfer.started() >= before + 300);

            assertThat(admin().patch(MODES, Map.of(modes[round], "1")).status()).isEqualTo(200);
            Instant on = Times.now();

            // Registered, or due, while the mode is ON: they wait.
            registeredWhileOn.addAll(register(Backyard.MENU_EXPORT_IMPORT, org, "w1", 25));
            scheduledWhileOn.add(schedule(Backyard.ANSIBLE_EXECUTE, org, "w2", Instant.now().plusMillis(300)));
            Thread.sleep(1500);
            await("taken items drained", WAIT, () -> runningCount() == 0);
            assertThat(transfer.order()).as("items taken after the switch answered")
                    .noneMatch(run -> run.startedAt().isAfter(on));
            assertThat(ansible.started()).as("scheduled items of earlier rounds only").isEqualTo(round);
            assertThat(item(scheduledWhileOn.get(round)).statusId()).isEqualTo(9);

            Instant off = Times.now();
            assertThat(admin().patch(MODES, Map.of(modes[round], "0")).status()).isEqualTo(200);
            windows.add(new Window(on, off));
        }

        await("everything ended", WAIT, () -> transfer.started() == ITEMS + 50 && ansible.started() == 2
                && runningCount() == 0 && waitingCount(org) == 0);

        assertThat(transfer.runs().values()).allMatch(count -> count.get() == 1);
        for (TestHandler.Run run : transfer.order()) {
            for (Window window : windows) {
                assertThat(run.startedAt().isAfter(window.on()) && run.startedAt().isBefore(window.off()))
                        .as("item %s started at %s, inside maintenance window %s", run.itemId(), run.startedAt(), window)
                        .isFalse();
            }
        }
        for (String id : registeredWhileOn) {
            assertThat(item(id).statusId()).isEqualTo(3);
        }
        for (int round = 0; round < 2; round++) {
            BackyardItems.Item scheduled = item(scheduledWhileOn.get(round));
            assertThat(scheduled.statusId()).isEqualTo(5);
            assertThat(scheduled.startedAt()).isAfterOrEqualTo(windows.get(round).off());
        }
        Integer startedInWindows = 0;
        for (Window window : windows) {
            startedInWindows += jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE organization_id = ? "
                            + "AND started_at > ? AND started_at < ?")
                    .params(org, Times.toDb(window.on()), Times.toDb(window.off())).query(Integer.class).single();
        }
        assertThat(startedInWindows).isZero();
        assertThat(ids).allMatch(id -> item(id).statusId() == 3);
    }

    private int runningCount() {
        return jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE phase = 'R'").query(Integer.class).single();
    }

    private int waitingCount(String org) {
        return jdbc.sql("SELECT COUNT(*) FROM backyard_item WHERE phase = 'W' AND organization_id = ?")
                .param(org).query(Integer.class).single();
    }
}
