package dev.jita.drivers.ansible;

import dev.jita.execution.Executions;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The read-only columns of the Ansible menus that its executions fill, computed when the menus are read:
 * {@code movement_list_ansible_legacy.orchestrator}, and {@code execution_no} of the target hosts and
 * substitution values (the newest started execution of their operation and movement).
 */
@Component
class AnsibleComputedColumns implements ComputedColumns {

    static final String ORCHESTRATOR = "Ansible Legacy";

    private final Executions executions;
    private final AnsibleDriver driver;

    AnsibleComputedColumns(Executions executions, AnsibleDriver driver) {
        this.executions = executions;
        this.driver = driver;
    }

    @Override
    public List<String> menus() {
        return List.of(AnsibleDriver.MOVEMENTS, AnsiblePlan.TARGET_HOSTS, AnsiblePlan.VALUES);
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (menu.equals(AnsibleDriver.MOVEMENTS)) {
            records.forEach(r -> values.put(r.id(), Map.of("orchestrator", ORCHESTRATOR)));
            return values;
        }
        Map<String, String> newest = executions.newestStarted(driver, organizationId, workspaceId);
        for (MenuService.Record record : records) {
            String execution = newest.get(record.parameter().get("operation") + "\n" + record.parameter().get("movement"));
            if (execution != null) {
                values.put(record.id(), Map.of("execution_no", execution));
            }
        }
        return values;
    }
}
