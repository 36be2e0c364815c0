package dev.jita.parametersheet;

import dev.jita.basic.BasicMenus;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A parameter sheet's operation columns, read from the record's operation each time the sheet is read (as
 * Exastro's view joins the operation): {@code operation_name_disp} ("YYYY/MM/DD hh:mm_<name>"),
 * {@code operation_date} (its scheduled date), {@code last_execute_timestamp} (its last run) and
 * {@code base_datetime} (the last run, else the scheduled date).
 */
@Component
class SheetOperationColumns implements ComputedColumns {

    private final ObjectProvider<MenuService> menus;

    /** The menu service asks this for values, so it is looked up when first needed. */
    SheetOperationColumns(ObjectProvider<MenuService> menus) {
        this.menus = menus;
    }

    @Override
    public List<String> menus() {
        return List.of();
    }

    @Override
    public boolean fills(MenuDefinition menu) {
        return menu.sheet() != null && menu.column(SheetLayout.OPERATION_DISPLAY).isPresent();
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (records.isEmpty()) {
            return values;
        }
        Map<Object, Map<String, Object>> operations = new HashMap<>();
        for (MenuService.Record operation : menus.getObject().records(organizationId, workspaceId, BasicMenus.OPERATIONS,
                false)) {
            if (!operation.discarded()) {
                operations.put(operation.parameter().get("operation_name"), operation.parameter());
            }
        }
        for (MenuService.Record record : records) {
            Map<String, Object> operation = operations.get(record.parameter().get(SheetLayout.OPERATION));
            if (operation == null) {
                continue;
            }
            Object scheduled = operation.get("scheduled_date_for_execution");
            Object lastRun = operation.get("last_run_date");
            Map<String, Object> columns = new HashMap<>();
            String name = String.valueOf(operation.get("operation_name"));
            columns.put(SheetLayout.OPERATION_DISPLAY, scheduled == null ? name
                    : scheduled.toString().substring(0, 16) + "_" + name);
            columns.put(SheetLayout.OPERATION_DATE, scheduled);
            columns.put(SheetLayout.LAST_EXECUTE, lastRun);
            columns.put(SheetLayout.BASE_DATETIME, lastRun != null ? lastRun : scheduled);
            values.put(record.id(), columns);
        }
        return values;
    }
}
