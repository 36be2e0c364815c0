package dev.jita.parametersheet;

import dev.jita.menu.MenuService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A definition as GET create/define/{menu_name_rest}/ answers it ({@code menu_info}): Exastro's keys of its
 * screen (ids beside names, names in the request's language) together with every key execute/ reads, so that
 * the answer with {@code "type": "edit"} added is a valid request.
 */
final class DefinitionView {

    private DefinitionView() {
    }

    static Map<String, Object> of(SheetStore.Sheet sheet, List<DefinitionMasters.PulldownSource> sources,
                                  List<DefinitionMasters.SheetItem> sheetItems, boolean japanese, ObjectMapper json) {
        JsonNode definition = sheet.definition();
        String stamp = MenuService.STAMP.format(sheet.lastUpdate());
        ObjectNode menu = (ObjectNode) definition.path("menu").deepCopy();
        String sheetType = menu.path("sheet_type").asString();
        menu.put("sheet_type_id", sheetType);
        menu.put("sheet_type", SheetType.of(sheetType).map(t -> t.displayName(japanese)).orElse(sheetType));
        for (String key : List.of("menu_group_for_input", "menu_group_for_subst", "menu_group_for_ref")) {
            Optional<DefinitionMasters.MenuGroup> group = DefinitionMasters.MenuGroup.of(menu.path(key).asString(null));
            menu.put(key + "_id", group.map(g -> g.id).orElse(null));
            menu.put(key, group.map(g -> japanese ? g.japanese : g.english).orElse(null));
        }
        menu.put("menu_create_done_status_id", sheet.created() ? "2" : "1");
        menu.put("last_update_date_time", stamp);
        menu.put("last_updated_user", sheet.lastUpdateUser());
        ObjectNode columns = (ObjectNode) definition.path("column").deepCopy();
        for (JsonNode node : columns.values()) {
            ObjectNode column = (ObjectNode) node;
            ColumnClass.of(column.path("column_class").asString()).ifPresent(c -> column.put("column_class_id", c.id()));
            column.put("group_name", column.path("column_group").asString(null));
            column.put("last_update_date_time", stamp);
            if (column.has("pulldown_menu")) {
                String id = column.path("pulldown_menu").asString() + ":" + column.path("pulldown_column").asString();
                column.put("pulldown_selection_id", id);
                column.put("pulldown_selection", sources.stream().filter(s -> s.id().equals(id)).findFirst()
                        .map(s -> s.fullName(japanese)).orElse(id));
            }
            if (column.has("parameter_sheet_reference_menu")) {
                String menuName = column.path("parameter_sheet_reference_menu").asString();
                String item = column.path("parameter_sheet_reference_column").asString();
                Optional<DefinitionMasters.SheetItem> found = sheetItems.stream()
                        .filter(i -> i.menu().equals(menuName) && i.column().equals(item)).findFirst();
                column.put("parameter_sheet_reference_id", found.map(DefinitionMasters.SheetItem::id)
                        .orElse(menuName + ":" + item));
                column.put("parameter_sheet_reference", found.map(i -> i.fullName(japanese)).orElse(menuName + ":" + item));
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("menu", json.convertValue(menu, Map.class));
        info.put("group", json.convertValue(definition.path("group"), Map.class));
        info.put("column", json.convertValue(columns, Map.class));
        return info;
    }
}
