package dev.jita.drivers.terraform;

import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.Executions;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The read-only columns of both Terraform drivers' menus that their executions fill, computed when read as
 * Ansible's are: the movement lists' {@code orchestrator}, and {@code execution_no} of the substitution values
 * (the newest started execution of their operation and movement, by the driver whose movements they name).
 */
@Component
class TerraformOrchestrator implements ComputedColumns {

    private final Executions executions;

    TerraformOrchestrator(Executions executions) {
        this.executions = executions;
    }

    @Override
    public List<String> menus() {
        return Arrays.stream(TerraformMenuSet.values()).flatMap(set -> List.of(set.movements, set.values).stream())
                .toList();
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        TerraformMenuSet set = TerraformMenuSet.ofMenu(menu).orElseThrow();
        if (menu.equals(set.movements)) {
            records.forEach(record -> values.put(record.id(), Map.of("orchestrator", set.orchestrator)));
            return values;
        }
        Optional<ExecutionDriver> driver = executions.drivers().stream()
                .filter(d -> d.movementMenu().equals(set.movements)).findFirst();
        if (driver.isEmpty()) { // no driver in this build runs these movements: no execution to name
            return values;
        }
        Map<String, String> newest = executions.newestStarted(driver.get(), organizationId, workspaceId);
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
