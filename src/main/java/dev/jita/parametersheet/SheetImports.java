package dev.jita.parametersheet;

import dev.jita.core.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameter sheets brought by a menu import: a definition of another workspace (normal form) made into a sheet of
 * this one, in the caller's transaction, so that the import's rollback takes the sheet with it. A sheet of the same
 * REST name that already exists is used as it is when its structure is the same, and refused otherwise.
 */
@Service
public class SheetImports {

    /** Why a definition cannot be made (or used) here; nothing of it was written. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** What a structure comparison leaves out: names, texts and order, which the target keeps as its own. */
    private static final Set<String> NOT_STRUCTURE = Set.of("create_column_id", "display_order", "item_name",
            "description", "remarks");

    private final SheetStore store;
    private final SheetDefinitions definitions;
    private final SheetCreation creation;

    SheetImports(SheetStore store, SheetDefinitions definitions, SheetCreation creation) {
        this.store = store;
        this.definitions = definitions;
        this.creation = creation;
    }

    /** The REST name a definition gives its sheet, null when it has none. */
    public static String restName(JsonNode definition) {
        JsonNode rest = definition.path("menu").path("menu_name_rest");
        return rest.isString() ? rest.stringValue() : null;
    }

    /**
     * Why the existing sheet of this definition's REST name cannot take the definition's records: empty when there
     * is no such sheet, or its structure is the same.
     */
    public Optional<String> conflict(String organizationId, String workspaceId, JsonNode definition) {
        String rest = restName(definition);
        if (rest == null) {
            return Optional.of("a parameter sheet definition of the archive has no menu_name_rest");
        }
        return store.find(organizationId, workspaceId, rest).flatMap(sheet -> {
            if (!sheet.created()) {
                return Optional.of("the parameter sheet " + rest + " is defined in this workspace but its menus are "
                        + "not made");
            }
            List<String> differences = differences(sheet.createdDefinition(), definition);
            return differences.isEmpty() ? Optional.empty() : Optional.of("the parameter sheet " + rest
                    + " exists in this workspace with another structure (" + String.join("; ", differences) + ")");
        });
    }

    /**
     * Makes the sheets of these definitions (in this order: sheets named by another's pulldown first) that the
     * workspace lacks, checked as {@code create/define/execute/} and {@code ita-by-menu-create} check a new sheet,
     * in the caller's transaction. Returns the REST names made; {@link Refused} names the sheet and the reason.
     */
    public List<String> make(String organizationId, String workspaceId, String user, List<JsonNode> archived) {
        List<String> made = new ArrayList<>();
        for (JsonNode definition : archived) {
            Optional<String> conflict = conflict(organizationId, workspaceId, definition);
            if (conflict.isPresent()) {
                throw new Refused(conflict.get());
            }
            String rest = restName(definition);
            if (store.find(organizationId, workspaceId, rest).isPresent()) {
                continue;
            }
            ObjectNode normal;
            try {
                ObjectNode request = request(definition);
                DefinitionReader.precheck(request);
                normal = DefinitionReader.read(request, definitions.newSheetContext(organizationId, workspaceId));
            } catch (ApiException e) {
                throw new Refused("the parameter sheet " + rest + " cannot be made here: "
                        + (e.args().length > 0 ? String.valueOf(e.args()[0]) : e.result()));
            }
            try {
                creation.checked(organizationId, workspaceId, normal);
            } catch (SheetCreation.Refused e) {
                throw new Refused("the parameter sheet " + rest + " cannot be made here: " + e.getMessage());
            }
            store.insertMade(organizationId, workspaceId, user, normal);
            made.add(rest);
        }
        return made;
    }

    /** The definition as a Create New request: the sheet and its items get ids of this workspace. */
    private static ObjectNode request(JsonNode definition) {
        if (!definition.isObject() || !definition.path("menu").isObject()) {
            throw ApiException.badBody("sheet.body_key", "menu");
        }
        ObjectNode request = (ObjectNode) definition.deepCopy();
        request.put("type", DefinitionReader.CREATE_NEW);
        ((ObjectNode) request.get("menu")).putNull("menu_create_id");
        if (request.path("column").isObject()) {
            request.get("column").values().forEach(column -> {
                if (column.isObject()) {
                    ((ObjectNode) column).putNull("create_column_id");
                }
            });
        }
        return request;
    }

    /** What differs in structure between the sheet here and the archive's, in words; empty when nothing. */
    static List<String> differences(JsonNode here, JsonNode archived) {
        List<String> differences = new ArrayList<>();
        for (String key : List.of("sheet_type", "vertical", "hostgroup", "unique_constraint")) {
            JsonNode a = here.path("menu").path(key);
            JsonNode b = archived.path("menu").path(key);
            if (!same(a, b)) {
                differences.add(key + " " + a + " here, " + b + " in the archive");
            }
        }
        Set<String> groupsHere = groupNames(here);
        Set<String> groupsThere = groupNames(archived);
        if (!groupsHere.equals(groupsThere)) {
            differences.add("column groups " + groupsHere + " here, " + groupsThere + " in the archive");
        }
        Map<String, JsonNode> itemsHere = items(here);
        Map<String, JsonNode> itemsThere = items(archived);
        for (String item : itemsThere.keySet()) {
            if (!itemsHere.containsKey(item)) {
                differences.add("item " + item + " only in the archive");
            }
        }
        for (Map.Entry<String, JsonNode> entry : itemsHere.entrySet()) {
            JsonNode there = itemsThere.get(entry.getKey());
            if (there == null) {
                differences.add("item " + entry.getKey() + " only here");
                continue;
            }
            Set<String> keys = new TreeSet<>();
            entry.getValue().propertyNames().forEach(keys::add);
            there.propertyNames().forEach(keys::add);
            keys.removeAll(NOT_STRUCTURE);
            for (String key : keys) {
                JsonNode a = entry.getValue().path(key);
                JsonNode b = there.path(key);
                if (!same(a, b)) {
                    differences.add("item " + entry.getKey() + ": " + key + " " + a + " here, " + b + " in the archive");
                }
            }
        }
        return differences;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean noA = a.isMissingNode() || a.isNull() || (a.isArray() && a.isEmpty());
        boolean noB = b.isMissingNode() || b.isNull() || (b.isArray() && b.isEmpty());
        if (noA || noB) {
            return noA == noB;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Set<String> groupNames(JsonNode definition) {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : definition.path("group").values()) {
            JsonNode given = group.path("parent_full_col_group_name");
            String parent = given.isString() ? given.stringValue() : null;
            names.add((parent == null ? "" : parent + "/") + group.path("group_name").asString(""));
        }
        return names;
    }

    private static Map<String, JsonNode> items(JsonNode definition) {
        Map<String, JsonNode> items = new TreeMap<>();
        for (JsonNode item : definition.path("column").values()) {
            items.put(item.path("item_name_rest").asString(""), item);
        }
        return items;
    }
}
