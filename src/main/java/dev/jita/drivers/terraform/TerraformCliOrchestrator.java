package dev.jita.drivers.terraform;

import dev.jita.execution.Executions;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The read-only columns of the Terraform CLI menus that its executions fill, computed when read as
 * Ansible's are: {@code movement_list_terraform_cli.orchestrator}, and {@code execution_no} of the
 * substitution values (the newest started execution of their operation and movement).
 */
@Component
class TerraformCliOrchestrator implements ComputedColumns {

    static final String ORCHESTRATOR = "Terraform CLI";

    private final Executions executions;
    private final TerraformCliDriver driver;

    TerraformCliOrchestrator(Executions executions, TerraformCliDriver driver) {
        this.executions = executions;
        this.driver = driver;
    }

    @Override
    public List<String> menus() {
        return List.of(TerraformCliMenus.MOVEMENTS, TerraformCliMenus.VALUES);
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (menu.equals(TerraformCliMenus.MOVEMENTS)) {
            records.forEach(record -> values.put(record.id(), Map.of("orchestrator", ORCHESTRATOR)));
            return values;
        }
        Map<String, String> newest = executions.newestStarted(driver, organizationId, workspaceId);
        for (MenuService.Record record : records) {
            String execution = newest.get(record.parameter().get("operation_name") + "\n"
                    + record.parameter().get("movement_name"));
            if (execution != null) {
                values.put(record.id(), Map.of("execution_no", execution));
            }
        }
        return values;
    }
}
