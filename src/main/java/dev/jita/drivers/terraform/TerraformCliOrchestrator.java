package dev.jita.drivers.terraform;

import dev.jita.basic.BasicMenus;
import dev.jita.execution.Executions;
import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The read-only columns of the Terraform CLI menus that its executions fill, computed when read as
 * Ansible's are: {@code movement_list_terraform_cli.orchestrator}, {@code operation_list.last_run_date} (when
 * the operation's newest Terraform execution started) and {@code execution_no} of the substitution values
 * (the newest started execution of their operation and movement).
 */
@Component
class TerraformCliOrchestrator implements ComputedColumns {

    static final String ORCHESTRATOR = "Terraform CLI";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Executions executions;
    private final TerraformCliDriver driver;

    TerraformCliOrchestrator(Executions executions, TerraformCliDriver driver) {
        this.executions = executions;
        this.driver = driver;
    }

    @Override
    public List<String> menus() {
        return List.of(TerraformCliMenus.MOVEMENTS, BasicMenus.OPERATIONS, TerraformCliMenus.VALUES);
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (menu.equals(TerraformCliMenus.MOVEMENTS)) {
            records.forEach(record -> values.put(record.id(), Map.of("orchestrator", ORCHESTRATOR)));
            return values;
        }
        List<Executions.Listed> started = executions.list(driver, organizationId, workspaceId).stream()
                .filter(l -> l.startedAt() != null && l.execution().operationId() != null)
                .sorted(Comparator.comparing(Executions.Listed::startedAt).thenComparing(l -> l.execution().id()))
                .toList();
        if (menu.equals(BasicMenus.OPERATIONS)) {
            started.forEach(l -> values.put(l.execution().operationId(), Map.of("last_run_date",
                    SHOWN.format(l.startedAt()))));
            return values;
        }
        Map<String, String> newest = new HashMap<>();
        started.forEach(l -> newest.put(l.execution().operationName() + "\n" + l.execution().movementName(),
                l.execution().id()));
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
