package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.maintenance.MaintenanceMode;
import dev.jita.maintenance.ModeLocks;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import dev.jita.test.Http;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Why the modes are strict, shown step by step: while a mode change holds the modes, a claim and a write
 * both wait for it, and then see what it committed. (A reader that did not lock would go ahead with the old
 * value and take or write during maintenance.)
 */
class ModeLockTest extends EngineTestOnOwnDatabase {

    @Autowired
    ModeLocks locks;

    /** Runs {@code whileHeld} inside a transaction that holds the modes as a mode change does, then sets both ON. */
    private void asAModeChange(Runnable whileHeld) {
        transactions.executeWithoutResult(status -> {
            locks.holdExclusive(List.of(MaintenanceMode.values()), Duration.ofSeconds(30));
            whileHeld.run();
            jdbc.sql("UPDATE maintenance_mode SET setting_value = '1'").update();
        });
    }

    @Test
    void aClaimWaitsForAModeChangeUnderWayAndThenTakesNothing() throws Exception {
        String org = organization("ws1");
        List<String> ids = register(Backyard.MENU_CREATE, org, "ws1", 3);
        CompletableFuture<List<ClaimedItem>>[] claim = new CompletableFuture[1];

        asAModeChange(() -> {
            claim[0] = CompletableFuture.supplyAsync(() -> claims.claim(Backyard.MENU_CREATE, "lock-test-node", 3));
            sleep(700);
            assertThat(claim[0]).as("the claim waits for the mode change").isNotDone();
        });

        assertThat(claim[0].get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(ids).allMatch(id -> item(id).phase().equals("W"));
        setModes("0", "0");
        assertThat(claims.claim(Backyard.MENU_CREATE, "lock-test-node", 3)).hasSize(3);
        jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = 3 WHERE organization_id = ?").param(org).update();
    }

    @Test
    void aClaimTakesNothingWhileAModeChangeIsAnnouncedAndTakesOnceItIsWithdrawn() {
        String org = organization("ws1");
        List<String> ids = register(Backyard.MENU_CREATE, org, "ws1", 2);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO maintenance_switch (switch_id, stops_writes, requested_by, requested_at, requested_until) "
                + "VALUES ('lock-test', '0', 'lock-test', ?, ?)").params(now, now.plusMinutes(5)).update();
        try {
            assertThat(claims.claim(Backyard.MENU_CREATE, "lock-test-node", 2)).isEmpty();
            assertThat(ids).allMatch(id -> item(id).phase().equals("W"));
        } finally {
            jdbc.sql("DELETE FROM maintenance_switch WHERE switch_id = 'lock-test'").update();
        }
        assertThat(claims.claim(Backyard.MENU_CREATE, "lock-test-node", 2)).hasSize(2);
        jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = 3 WHERE organization_id = ?").param(org).update();
    }

    @Test
    void aWriteWaitsForAModeChangeUnderWayAndIsThenRefused() throws Exception {
        String org = organization("ws1");
        Http owner = http().as("owner", "owner-pass");
        CompletableFuture<Http.Reply>[] write = new CompletableFuture[1];

        asAModeChange(() -> {
            write[0] = CompletableFuture.supplyAsync(() -> owner.post("/api/" + org + "/platform/workspaces",
                    Map.of("id", "late", "name", "late")));
            sleep(700);
            assertThat(write[0]).as("the write waits for the mode change").isNotDone();
        });

        Http.Reply reply = write[0].get(30, TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(498);
        assertThat(reply.result()).isEqualTo("498-22001");
        setModes("0", "0");
        assertThat(owner.get("/api/" + org + "/platform/workspaces").data().findValuesAsString("id"))
                .containsExactly("ws1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
