package dev.jita.parametersheet;

import static dev.jita.test.Waits.awaitTrue;
import static dev.jita.test.Waits.released;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.Dialect;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Menu creation under the maintenance modes, and a sheet's menus on another server of the same database. */
class SheetNodesTest extends SheetTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Dialect dialect;

    @Test
    void anItemWaitsWhileEitherModeIsOnAndIsCreatedOnceBothAreOff() throws Exception {
        TestWorkspace workspace = newWorkspace("sheet-mode");
        // Defined while only backyard_execute_stop is ON: load mode refuses execute/ itself (498-00004).
        setModes("1", "0");
        String history;
        try {
            ObjectNode definition = sheet("held", "2", "0");
            item(definition, "name", "SingleTextColumn", null, "single_string_maximum_bytes", 10);
            history = define(workspace.org(), "ws1", 1, definition);
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
            setModes("1", "1");
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
            setModes("0", "1");
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
            assertError(workspace.member().get(workspace.menus() + "held/info/"), 499, "499-00002");
            setModes("1", "0");
            Thread.sleep(1000);
            assertThat(items.find(history).orElseThrow().statusId()).isEqualTo(1);
        } finally {
            setModes("0", "0");
        }
        BackyardItems.Item item = ended(history);
        assertThat(item.statusId()).isEqualTo(3);
        assertThat(workspace.member().get(workspace.menus() + "held/info/").status()).isEqualTo(200);
    }

    /**
     * Load mode is switched ON while the item's transaction is writing an Edit: the test holds the lock of the
     * sheet's last record, so that the item, having written the first one, waits inside its transaction until
     * the switch is under way.
     */
    @Test
    void anItemMetByLoadModeInItsTransactionWaitsAgainAndIsMadeOnceTheModeIsOff() throws Exception {
        TestWorkspace workspace = newWorkspace("sheet-load");
        String org = workspace.org();
        String menus = workspace.menus();
        ObjectNode definition = sheet("reshaped", "2", "0");
        item(definition, "name", "SingleTextColumn", null, "single_string_maximum_bytes", 10);
        item(definition, "label", "SingleTextColumn", null, "single_string_maximum_bytes", 10);
        created(org, 1, definition);
        record(workspace.member(), menus, "reshaped", Map.of("name", "a", "label", "x"));
        record(workspace.member(), menus, "reshaped", Map.of("name", "b", "label", "y"));
        // In the order the Edit writes them.
        List<String> records = jdbc.sql("SELECT record_id FROM menu_record WHERE organization_id = ? "
                        + "AND workspace_id = 'ws1' AND menu_name = 'reshaped' ORDER BY created_at, record_id")
                .param(org).query(String.class).list();
        assertThat(records).hasSize(2);
        // The Edit drops the values of "label" from every record.
        ((ObjectNode) definition.path("column")).remove("c2");
        item(definition, "size", "NumColumn", null);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT record_id FROM menu_record WHERE record_id = ? FOR UPDATE").param(records.get(1))
                    .query(String.class).list();
            held.countDown();
            released(release, Duration.ofSeconds(60));
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        String history;
        Http.Reply switched;
        try {
            history = define(org, "ws1", 3, definition);
            awaitTrue("the item wrote the first record", WAIT, () -> lockedByAnother(records.get(0)));
            CompletableFuture<Http.Reply> loadMode = CompletableFuture.supplyAsync(() -> admin().patch(MODES,
                    Map.of("backyard_execute_stop", "0", "data_update_stop", "1")));
            awaitTrue("the switch is under way", WAIT, () -> jdbc.sql("SELECT COUNT(*) FROM maintenance_switch "
                    + "WHERE stops_writes = '1'").query(Integer.class).single() > 0);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            switched = loadMode.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        try {
            assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
            awaitTrue("the item waits again", WAIT, () -> items.find(history).orElseThrow().phase().equals("W"));
            BackyardItems.Item waiting = items.find(history).orElseThrow();
            assertThat(waiting.statusId()).isEqualTo(1);
            assertThat(waiting.nodeId()).isNull();
            assertThat(waiting.startedAt()).isNull();
            assertThat(waiting.note()).contains("Load mode");
            assertThat(workspace.member().get(menus + "reshaped/info/").data().toString()).doesNotContain("\"size\"");
            assertThat(sheets.findById(org, "ws1", definition.path("menu").path("menu_create_id").asString())
                    .orElseThrow().createdDefinition().toString()).contains("\"label\"").doesNotContain("\"size\"");
            assertThat(workspace.member().get(menus + "reshaped/filter/").data().findValuesAsString("label"))
                    .containsExactlyInAnyOrder("x", "y");
        } finally {
            setModes("0", "0");
        }

        BackyardItems.Item item = ended(history);
        assertThat(item.statusId()).as(String.valueOf(item.note())).isEqualTo(3);
        assertThat(item.note()).isNull();
        assertThat(workspace.member().get(menus + "reshaped/info/").data().toString()).contains("\"size\"");
        assertThat(items.list(Backyard.MENU_CREATE, org, "ws1")).extracting(BackyardItems.Item::statusId)
                .containsExactly(3, 3);
        JsonNode rows = workspace.member().get(menus + "reshaped/filter/").data();
        assertThat(rows.findValuesAsString("name")).containsExactlyInAnyOrder("a", "b");
        assertThat(rows.findValues("label")).isEmpty();
    }

    /** Whether another transaction holds the lock of a record (it wrote it and has not ended). */
    private boolean lockedByAnother(String recordId) {
        try {
            transactions.executeWithoutResult(s -> jdbc.sql("SELECT record_id FROM menu_record WHERE record_id = ? "
                    + "FOR UPDATE NOWAIT").param(recordId).query(String.class).list());
            return false;
        } catch (DataAccessException e) {
            if (!dialect.lockNotAvailable(e)) {
                throw e;
            }
            return true;
        }
    }

    @Test
    void aSheetMadeOnOneServerAnswersAtOnceOnAnotherThatWasAlreadyRunning() throws Exception {
        TestWorkspace workspace = newWorkspace("sheet-node");
        List<String> args = new ArrayList<>(TestDatabase.sameDatabase(environment));
        args.addAll(List.of("--jita.security.bcrypt-strength=4", "--jita.default-language=en",
                "--jita.backyard.enabled=false", "--jita.ansible.enabled=false", "--jita.terraform-cli.enabled=false",
                "--jita.terraform-cloud-ep.enabled=false", "--jita.conductor.enabled=false",
                "--jita.menu-create.enabled=false"));
        try (ConfigurableApplicationContext other = SpringApplication.run(JitaApplication.class,
                args.toArray(String[]::new))) {
            Http owner = new Http(((WebServerApplicationContext) other).getWebServer().getPort())
                    .as("owner", "owner-pass");
            String menus = workspace.menus();
            assertError(owner.get(menus + "late/info/"), 499, "499-00002");

            ObjectNode definition = sheet("late", "3", "0");
            item(definition, "value", "SingleTextColumn", null, "single_string_maximum_bytes", 10);
            created(workspace.org(), 1, definition);
            record(workspace.member(), menus, "operation_list", Map.of("operation_name", "op1"));

            assertThat(owner.get(menus + "late/info/").status()).isEqualTo(200);
            assertThat(owner.get(menus + "late_subst/info/").status()).isEqualTo(200);
            Http.Reply written = owner.post(menus + "late/maintenance/",
                    Map.of("parameter", Map.of("operation_name_select", "op1", "value", "v1")));
            assertThat(written.status()).as(written.toString()).isEqualTo(200);
            assertThat(workspace.member().get(menus + "late_subst/filter/").data().get(0).path("parameter")
                    .path("value").asString()).isEqualTo("v1");

            item(definition, "extra", "NumColumn", null);
            created(workspace.org(), 3, definition);
            assertThat(owner.get(menus + "late/info/").data().toString()).contains("\"extra\"");
        }
    }
}
