package dev.jita.drivers.ansible;

import dev.jita.execution.Executions;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The read-only columns of the Ansible menus that its executions fill, computed when the menus are read:
 * {@code operation_list.last_run_date} (when the newest execution of the operation started, as Exastro sets it
 * when the run begins), {@code movement_list_ansible_legacy.orchestrator}, and {@code execution_no} of the
 * target hosts and substitution values (the newest started execution of their operation and movement).
 */
@Component
class AnsibleComputedColumns implements ComputedColumns {

    static final String ORCHESTRATOR = "Ansible Legacy";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Executions executions;
    private final AnsibleDriver driver;

    AnsibleComputedColumns(Executions executions, AnsibleDriver driver) {
        this.executions = executions;
        this.driver = driver;
    }

    @Override
    public List<String> menus() {
        return List.of(AnsibleDriver.OPERATIONS, AnsibleDriver.MOVEMENTS, AnsiblePlan.TARGET_HOSTS, AnsiblePlan.VALUES);
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        switch (menu) {
            case AnsibleDriver.OPERATIONS -> lastRunDates(organizationId, workspaceId).forEach((operationId, started) ->
                    values.put(operationId, Map.of("last_run_date", started)));
            case AnsibleDriver.MOVEMENTS -> records.forEach(r -> values.put(r.id(), Map.of("orchestrator", ORCHESTRATOR)));
            default -> {
                Map<String, String> newest = newestExecutions(organizationId, workspaceId);
                for (MenuService.Record record : records) {
                    String execution = newest.get(record.parameter().get("operation") + "\n" + record.parameter().get("movement"));
                    if (execution != null) {
                        values.put(record.id(), Map.of("execution_no", execution));
                    }
                }
            }
        }
        return values;
    }

    /** Operation id → when its newest execution started. */
    private Map<String, String> lastRunDates(String organizationId, String workspaceId) {
        Map<String, String> dates = new HashMap<>();
        started(organizationId, workspaceId).forEach(listed -> dates.put(listed.execution().operationId(),
                SHOWN.format(listed.startedAt())));
        return dates;
    }

    /** "operation name\nmovement name", as registered → the newest started execution. */
    private Map<String, String> newestExecutions(String organizationId, String workspaceId) {
        Map<String, String> newest = new LinkedHashMap<>();
        started(organizationId, workspaceId).forEach(listed -> newest.put(
                listed.execution().operationName() + "\n" + listed.execution().movementName(), listed.execution().id()));
        return newest;
    }

    /** The executions that started, in the order they started. */
    private List<Executions.Listed> started(String organizationId, String workspaceId) {
        return executions.list(driver, organizationId, workspaceId).stream().filter(l -> l.startedAt() != null)
                .sorted(Comparator.comparing(Executions.Listed::startedAt)
                        .thenComparing(l -> l.execution().id())).toList();
    }
}
