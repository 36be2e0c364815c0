package dev.jita.conductor;

import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code conductor_class_list}: the workspace's conductor classes as a read-only menu, searched through the
 * same endpoints as every menu; classes are written through the class endpoints only, which validate them.
 */
@Component
class ConductorClassList implements MenuCatalog.MenuProvider, MenuRecordSource {

    static final String MENU = "conductor_class_list";
    private static final MenuDefinition DEFINITION = new MenuDefinition(MENU, "Conductor class list",
            "Conductorクラス一覧", List.of(
            Column.id("conductor_class_id", "Conductor class ID", "ConductorクラスID"),
            Column.text("conductor_name", "Conductor name", "Conductor名称", false, false, ClassValidation.NAME_LENGTH)
                    .filledByJita(),
            Column.multiline("setting", "Setting", "設定", false, ConductorClasses.MAX_BYTES).filledByJita()),
            List.of(), false);

    private final ConductorClassStore store;
    private final ConductorClasses classes;

    ConductorClassList(ConductorClassStore store, ConductorClasses classes) {
        this.store = store;
        this.classes = classes;
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(DEFINITION);
    }

    @Override
    public String menu() {
        return MENU;
    }

    /** The class JSON as the class endpoint answers it; remarks are the class's note. */
    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        return store.all(organizationId, workspaceId).stream().map(conductorClass -> {
            ObjectNode setting = classes.filled(conductorClass);
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("uuid", conductorClass.id());
            parameter.put("conductor_class_id", conductorClass.id());
            parameter.put("conductor_name", conductorClass.name());
            parameter.put("setting", setting.toString());
            parameter.put("remarks", ClassValidation.text(setting.path("conductor").get("note")));
            parameter.put("discard", "0");
            parameter.put("last_update_date_time", MenuService.STAMP.format(conductorClass.lastUpdate()));
            parameter.put("last_updated_user", conductorClass.lastUpdatedUser());
            return new MenuService.Record(conductorClass.id(), parameter, Map.of(), false);
        }).toList();
    }
}
