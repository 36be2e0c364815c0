package dev.jita.parametersheet;

import dev.jita.test.Http;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of create/define/execute/ for the tests: a sheet, then its items added one by one. */
final class SheetBodies {

    static final String HOST_OPERATION = "Parameter Sheet(Host/Operation)";
    static final String DATA = "Data Sheet";
    static final String OPERATION = "Parameter Sheet(Operation)";

    private SheetBodies() {
    }

    static ObjectNode sheet(String type, String rest, String sheetType) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("type", type);
        ObjectNode menu = body.putObject("menu");
        menu.putNull("menu_create_id");
        menu.put("menu_name", rest + " sheet");
        menu.put("menu_name_rest", rest);
        menu.put("sheet_type", sheetType);
        menu.put("display_order", 1);
        menu.put("vertical", "0");
        menu.putNull("hostgroup");
        menu.put("menu_group_for_input", "Input");
        menu.put("menu_group_for_subst", "Substitution value");
        menu.put("menu_group_for_ref", "Reference");
        menu.putArray("role_list").add("member");
        menu.putNull("unique_constraint");
        body.putObject("group");
        body.putObject("column");
        return body;
    }

    /** Adds item {@code key} of {@code columnClass} named {@code rest}, and returns it for its class's keys. */
    static ObjectNode item(ObjectNode body, String key, String rest, String columnClass) {
        ObjectNode columns = (ObjectNode) body.get("column");
        ObjectNode item = columns.putObject(key);
        item.put("item_name", rest + " item");
        item.put("item_name_rest", rest);
        item.put("column_class", columnClass);
        item.put("required", "0");
        item.put("uniqued", "0");
        item.put("display_order", columns.size());
        item.putNull("column_group");
        item.putNull("create_column_id");
        return item;
    }

    static ObjectNode text(ObjectNode body, String key, String rest) {
        return item(body, key, rest, "SingleTextColumn").put("single_string_maximum_bytes", 64);
    }
}
