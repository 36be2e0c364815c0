package dev.jita.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Parameter sheets defined through create/define/execute/ and made by the test server's ita-by-menu-create. */
public final class Sheets {

    public static final String HOST_OPERATION = "Parameter Sheet(Host/Operation)";
    public static final String OPERATION = "Parameter Sheet(Operation)";
    public static final String DATA = "Data Sheet";

    private Sheets() {
    }

    /** A single-line text item of at most {@code maxBytes} bytes. */
    public static Map<String, Object> text(String name, int maxBytes) {
        Map<String, Object> item = item(name, "SingleTextColumn");
        item.put("single_string_maximum_bytes", maxBytes);
        return item;
    }

    /** A password item of at most {@code maxBytes} bytes. */
    public static Map<String, Object> password(String name, int maxBytes) {
        Map<String, Object> item = item(name, "PasswordColumn");
        item.put("password_maximum_bytes", maxBytes);
        return item;
    }

    /** An item of any class; add the class's keys to it. */
    public static Map<String, Object> item(String name, String columnClass) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_name", name);
        item.put("item_name_rest", name);
        item.put("column_class", columnClass);
        item.put("required", "0");
        item.put("uniqued", "0");
        item.put("column_group", null);
        return item;
    }

    /** The body of a Create New of sheet {@code rest} of this type with these items (c1, c2, … in order). */
    public static Map<String, Object> createNew(String rest, String sheetType, boolean bundle, List<Map<String, Object>> items) {
        Map<String, Object> menu = new LinkedHashMap<>();
        menu.put("menu_create_id", null);
        menu.put("menu_name", rest);
        menu.put("menu_name_rest", rest);
        menu.put("sheet_type", sheetType);
        menu.put("display_order", 1);
        menu.put("vertical", bundle ? "1" : "0");
        menu.put("hostgroup", HOST_OPERATION.equals(sheetType) ? "0" : null);
        menu.put("menu_group_for_input", null);
        menu.put("menu_group_for_subst", null);
        menu.put("menu_group_for_ref", null);
        menu.put("role_list", List.of());
        menu.put("unique_constraint", null);
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>(items.get(i));
            item.put("display_order", i);
            columns.put("c" + (i + 1), item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "create_new");
        body.put("menu", menu);
        body.put("group", Map.of());
        body.put("column", columns);
        return body;
    }

    /** Defines the sheet and waits until its menus are made; fails with the history's reason otherwise. */
    public static void create(Http member, String org, String ws, Map<String, Object> body, Duration limit)
            throws InterruptedException {
        String define = "/api/" + org + "/workspaces/" + ws + "/ita/create/define/";
        Http.Reply reply = member.post(define + "execute/", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String history = reply.data().path("history_id").asString();
        String rest = reply.data().path("menu_name_rest").asString();
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode row = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode entry : member.get("/api/" + org + "/workspaces/" + ws
                    + "/ita/menu/menu_creation_history/filter/").data()) {
                if (history.equals(entry.path("parameter").path("uuid").asString())
                        || history.equals(entry.path("parameter").path("history_id").asString())) {
                    row = entry.path("parameter");
                }
            }
            String status = row == null ? "" : row.path("status").asString();
            if (status.startsWith("Completed")) {
                assertThat(status).as("menu creation of " + rest + ": " + row).isEqualTo("Completed");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The menus of " + rest + " were not made within " + limit + ": " + row);
    }
}
