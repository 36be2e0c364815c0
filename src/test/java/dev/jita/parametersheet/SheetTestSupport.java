package dev.jita.parametersheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.backyard.BackyardItems;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameter-sheet tests: a server of their own (own database, so that no other test's engine takes their
 * items) that runs {@code ita-by-menu-create}. Definitions are registered through the API by {@link #define}.
 */
@TestPropertySource(properties = {"jita.menu-create.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=100ms"})
abstract class SheetTestSupport extends ApiTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    BackyardItems items;
    @Autowired
    SheetStore sheets;
    @Autowired
    TransactionTemplate transactions;

    /**
     * Asks for a sheet's menus to be made (create type 1 Create New, 2 Initialize, 3 Edit) through
     * {@code create/define/execute/} as the workspace's owner; returns the history id (the ita-by-menu-create
     * item's). The ids execute/ assigned are copied into {@code definition} (the sheet's {@code menu_create_id},
     * each item's {@code create_column_id} by its REST name), so that it can be changed and executed again.
     */
    String define(String org, String workspace, int createType, ObjectNode definition) {
        Http.Reply reply = execute(org, workspace, createType, definition);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String defineApi = "/api/" + org + "/workspaces/" + workspace + "/ita/create/define/";
        Http.Reply one = owner().get(defineApi + reply.data().path("menu_name_rest").asString() + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        JsonNode kept = one.data().path("menu_info");
        ((ObjectNode) definition.path("menu")).put("menu_create_id",
                kept.path("menu").path("menu_create_id").asString());
        for (JsonNode item : definition.path("column").values()) {
            for (JsonNode keptItem : kept.path("column").values()) {
                if (keptItem.path("item_name_rest").equals(item.path("item_name_rest"))) {
                    ((ObjectNode) item).put("create_column_id", keptItem.path("create_column_id").asString());
                }
            }
        }
        return reply.data().path("history_id").asString();
    }

    /** The answer of {@code create/define/execute/} to {@code definition} with the type of {@code createType}. */
    Http.Reply execute(String org, String workspace, int createType, ObjectNode definition) {
        ObjectNode body = definition.deepCopy();
        body.put("type", switch (createType) {
            case SheetStore.INITIALIZE -> "initialize";
            case SheetStore.EDIT -> "edit";
            default -> "create_new";
        });
        return owner().post("/api/" + org + "/workspaces/" + workspace + "/ita/create/define/execute/", body);
    }

    /**
     * Asserts that execute/ refuses {@code definition} at once with {@code result}, its answer naming
     * {@code reason}, and registers nothing (no new menu_creation_history row).
     */
    void refusedAtOnce(String org, int createType, ObjectNode definition, String result, String reason) {
        String history = "/api/" + org + "/workspaces/ws1/ita/menu/menu_creation_history/filter/count/";
        int before = owner().get(history).data().asInt();
        Http.Reply reply = execute(org, "ws1", createType, definition);
        assertError(reply, 499, result);
        assertThat(reply.body()).contains(reason);
        assertThat(owner().get(history).data().asInt()).isEqualTo(before);
    }

    /** The organizations' manager ({@link #newWorkspace}), a member of their workspace ws1. */
    Http owner() {
        return http().as("owner", "owner-pass");
    }

    /**
     * Registers {@code definition} for the backyard in-process, past execute/'s checks: only for a definition that
     * execute/ refuses but that can still reach the backyard (two requests racing; an Initialize ended in error,
     * which leaves the sheet's latest definition apart from its made one), to show that the backyard refuses it too.
     */
    String registerUnchecked(String org, String workspace, int createType, ObjectNode definition) {
        ObjectNode normal = definition.deepCopy();
        ObjectNode menu = (ObjectNode) normal.path("menu");
        if (menu.path("menu_create_id").isNull()) {
            menu.put("menu_create_id", SheetStore.newId());
        }
        for (JsonNode item : normal.path("column").values()) {
            if (item.path("create_column_id").isNull()) {
                ((ObjectNode) item).put("create_column_id", SheetStore.newId());
            }
        }
        return transactions.execute(s -> sheets.register(org, workspace, "owner", createType,
                menu.path("menu_create_id").asString(), menu.path("menu_name_rest").asString(), normal));
    }

    /** Waits for the item to end; returns it. */
    BackyardItems.Item ended(String historyId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        BackyardItems.Item item = items.find(historyId).orElseThrow();
        while (!item.phase().equals("E")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The menu-create item did not end: " + item);
            }
            Thread.sleep(100);
            item = items.find(historyId).orElseThrow();
        }
        return item;
    }

    /** Defines and waits for Completed (3). */
    void created(String org, int createType, ObjectNode definition) throws InterruptedException {
        BackyardItems.Item item = ended(define(org, "ws1", createType, definition));
        assertThat(item.statusId()).as(String.valueOf(item.note())).isEqualTo(3);
    }

    /** A definition in normal form: {@code menu} fields as given, no items yet. */
    static ObjectNode sheet(String rest, String sheetType, String vertical) {
        ObjectNode definition = Http.JSON.createObjectNode();
        ObjectNode menu = definition.putObject("menu");
        menu.putNull("menu_create_id");
        menu.put("menu_name", rest + " name");
        menu.put("menu_name_rest", rest);
        menu.put("sheet_type", sheetType);
        menu.putNull("display_order");
        menu.putNull("description");
        menu.putNull("remarks");
        menu.put("vertical", vertical);
        menu.putNull("hostgroup");
        menu.putNull("menu_group_for_input");
        menu.putNull("menu_group_for_subst");
        menu.putNull("menu_group_for_ref");
        menu.putArray("role_list");
        menu.putNull("unique_constraint");
        definition.putObject("group");
        definition.putObject("column");
        return definition;
    }

    /** Adds a group {@code name} under the group of full name {@code parent} (null at the top). */
    static void group(ObjectNode definition, String name, String parent) {
        ObjectNode groups = (ObjectNode) definition.path("group");
        ObjectNode group = groups.putObject("g" + (groups.size() + 1));
        group.put("group_name", name);
        group.put("parent_full_col_group_name", parent);
        group.putArray("columns");
    }

    /** Adds an item: the common keys, then the keys of its class ({@code keys}, alternating name and value). */
    static ObjectNode item(ObjectNode definition, String rest, String columnClass, String group, Object... keys) {
        ObjectNode columns = (ObjectNode) definition.path("column");
        ObjectNode item = columns.putObject("c" + (columns.size() + 1));
        item.put("item_name", rest + " name");
        item.put("item_name_rest", rest);
        item.put("column_class", columnClass);
        item.put("required", "0");
        item.put("uniqued", "0");
        item.putNull("description");
        item.putNull("remarks");
        item.put("column_group", group);
        item.put("display_order", columns.size());
        item.putNull("create_column_id");
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i += 2) {
            values.put((String) keys[i], keys[i + 1]);
        }
        values.forEach((key, value) -> item.set(key, Http.JSON.valueToTree(value)));
        return item;
    }

    /** Registers a record and returns it as the menu shows it. */
    static JsonNode record(Http member, String menus, String menu, Map<String, Object> parameter) {
        Set<String> before = new HashSet<>(member.get(menus + menu + "/filter/").data().findValuesAsString("uuid"));
        Http.Reply reply = member.post(menus + menu + "/maintenance/", Map.of("parameter", parameter));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode row : member.get(menus + menu + "/filter/").data()) {
            if (!before.contains(row.path("parameter").path("uuid").asString())) {
                return row.path("parameter");
            }
        }
        throw new AssertionError("The record registered in " + menu + " is not found");
    }

    /** The 499 reasons of one refused register, as {column: [reasons]} of its item 0. */
    static JsonNode refused(Http member, String menus, String menu, Map<String, Object> parameter) {
        Http.Reply reply = member.post(menus + menu + "/maintenance/", Map.of("parameter", parameter));
        assertError(reply, 499, "499-00201");
        return reply.data().path("errors").path("0");
    }

    static List<String> names(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
