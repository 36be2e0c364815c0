package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's switch wins over writes: a PATCH turning load mode ON answers 200 even while a large bulk is
 * being written (the bulk rolls back with 498), and a PATCH that cannot hold the modes in time is a clear 503,
 * never a 500. A bulk has an item limit.
 */
class SwitchWinsTest extends ApiTest {

    /** The default of jita.menu.max-bulk-items. */
    private static final int MAX_BULK_ITEMS = 10_000;

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ModeLocks locks;

    private Http member;
    private String menu;

    @BeforeEach
    void workspace() {
        String org = unique("switch");
        createOrganization(org, "owner", "owner-pass");
        member = http().as("owner", "owner-pass");
        createWorkspace(member, org, "ws1");
        menu = "/api/" + org + "/workspaces/ws1/ita/menu/operation_list/";
    }

    @Test
    void loadModeComesWhileALargeBulkIsWrittenAndTheBulkIsRolledBack() throws Exception {
        CompletableFuture<Http.Reply> bulk = CompletableFuture.supplyAsync(() ->
                member.post(menu + "maintenance/all/", operations(MAX_BULK_ITEMS)));
        awaitTrue("the bulk holds load mode", () -> !canHoldLoadModeExclusively(), bulk);

        Http.Reply switched = admin().patch(MODES, Map.of("data_update_stop", "1"));

        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        Http.Reply written = bulk.get(2, TimeUnit.MINUTES);
        assertError(written, 498, "498-00001");
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("1");
        assertThat(member.get(menu + "filter/count/").data().asInt()).as("nothing of the bulk is written").isZero();
        assertThat(member.post(menu + "maintenance/", Map.of("parameter", Map.of("operation_name", "late"))).status())
                .isEqualTo(498);
    }

    @Test
    void aSwitchThatCannotGetTheModeRowsInTimeIs503AndChangesNothing() {
        Http.Reply reply = whileLoadModeIsHeld(() -> admin().patch(MODES, Map.of("data_update_stop", "1")));

        assertError(reply, 503, "503-00002");
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
        assertThat(member.post(menu + "maintenance/", Map.of("parameter", Map.of("operation_name", "after"))).status())
                .as("writes go on once the switch has given up").isEqualTo(200);
    }

    @Test
    void stoppingJobsDoesNotWaitForAWrite() {
        Http.Reply reply = whileLoadModeIsHeld(() -> admin().patch(MODES, Map.of("backyard_execute_stop", "1")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(admin().get(MODES).data().path("backyard_execute_stop").asString()).isEqualTo("1");
    }

    @Test
    void aBulkPastTheItemLimitIs400AndWritesNothing() {
        Http.Reply reply = member.post(menu + "maintenance/all/", operations(MAX_BULK_ITEMS + 1));

        assertError(reply, 400, "400-00002");
        assertThat(reply.json().path("message").asString()).contains("10,000").contains("10,001");
        assertThat(member.get(menu + "filter/count/").data().asInt()).isZero();
    }

    private static List<Map<String, Object>> operations(int count) {
        List<Map<String, Object>> operations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            operations.add(Map.of("type", "Register", "parameter", Map.of("operation_name", "op-" + i)));
        }
        return operations;
    }

    /** Holds load mode as a write that never ends would, and asks {@code request} meanwhile. */
    private Http.Reply whileLoadModeIsHeld(Supplier<Http.Reply> request) {
        return transactions.execute(status -> {
            locks.holdShared(List.of(MaintenanceMode.DATA_UPDATE_STOP));
            try {
                return CompletableFuture.supplyAsync(request).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the request was not answered while load mode was held", e);
            }
        });
    }

    /** True when no other transaction holds load mode; waits 10 ms at most. */
    private boolean canHoldLoadModeExclusively() {
        try {
            transactions.executeWithoutResult(status ->
                    locks.holdExclusive(List.of(MaintenanceMode.DATA_UPDATE_STOP), Duration.ofMillis(10)));
            return true;
        } catch (DataAccessException held) {
            return false;
        }
    }

    private static void awaitTrue(String what, Supplier<Boolean> condition, CompletableFuture<Http.Reply> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.get()) {
            assertThat(request).as("%s: the request ended first", what).isNotDone();
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
