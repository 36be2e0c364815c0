package dev.jita.execution;

import dev.jita.basic.BasicMenus;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code operation_list.last_run_date}: when the newest execution of the operation started, of any driver, as
 * Exastro sets it when a run begins; computed when the menu is read.
 */
@Component
class LastRunDates implements ComputedColumns {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Executions executions;

    LastRunDates(Executions executions) {
        this.executions = executions;
    }

    @Override
    public List<String> menus() {
        return List.of(BasicMenus.OPERATIONS);
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        executions.lastRuns(organizationId, workspaceId).forEach((operationId, started) ->
                values.put(operationId, Map.of("last_run_date", SHOWN.format(started))));
        return values;
    }
}
