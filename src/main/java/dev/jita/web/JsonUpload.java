package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON file uploaded on a menu table page, as the operations of {@code maintenance/all/}: either that endpoint's
 * list ({@code {"type": …, "parameter": {…}, "file": {…}}}), or the page's JSON download as it is (items without a
 * type). An item without a type updates the record it names (its uuid or id column) when the menu has it, else
 * registers a new record; a discarded record that stays discarded is left as it is (it cannot be updated).
 * {@code items} maps each operation to its 1-based place in the file, for the refusals.
 */
record JsonUpload(List<MenuService.Operation> operations, List<Integer> items) {

    static JsonUpload read(byte[] content, ObjectMapper json, MenuService menus, String org, String ws,
                           MenuDefinition menu) {
        JsonNode body;
        try {
            body = json.readTree(content);
        } catch (JacksonException e) {
            throw ApiException.badBody("ui.menu.upload_bad_json");
        }
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw ApiException.badBody("ui.menu.upload_bad_json");
        }
        if (body.size() > menus.maxBulkItems()) {
            throw ApiException.badBody("menu.bulk_too_large", menus.maxBulkItems(), body.size());
        }
        Optional<String> idColumn = menu.columns().stream().filter(c -> c.type() == ColumnType.ID)
                .map(Column::restName).findFirst();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : body.values()) {
            if (!item.isObject() || !(item.get("parameter") instanceof ObjectNode parameter)) {
                throw ApiException.badBody("ui.menu.upload_bad_json");
            }
            if (text(item.get("type")) == null) {
                ids.add(recordId(parameter, idColumn));
            }
        }
        Map<String, Boolean> discardedById = menus.discardedByIds(org, ws, menu.restName(),
                ids.stream().filter(Objects::nonNull).toList());
        List<MenuService.Operation> operations = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        int place = 0;
        for (JsonNode item : body.values()) {
            place++;
            ObjectNode parameter = (ObjectNode) item.get("parameter");
            String type = text(item.get("type"));
            if (type == null) {
                Boolean discarded = discardedById.get(recordId(parameter, idColumn));
                if (discarded != null) {
                    if (discarded && "1".equals(text(parameter.get("discard")))) {
                        continue;
                    }
                    type = MenuService.Operation.UPDATE;
                } else {
                    type = MenuService.Operation.REGISTER;
                }
            }
            operations.add(new MenuService.Operation(type, parameter, item.get("file")));
            items.add(place);
        }
        return new JsonUpload(operations, items);
    }

    /** The record an untyped item names: its uuid, else its value of the menu's id column. */
    private static String recordId(ObjectNode parameter, Optional<String> idColumn) {
        String id = text(parameter.get("uuid"));
        return id == null && idColumn.isPresent() ? text(parameter.get(idColumn.get())) : id;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
