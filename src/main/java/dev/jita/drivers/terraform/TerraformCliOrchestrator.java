package dev.jita.drivers.terraform;

import dev.jita.menu.ComputedColumns;
import dev.jita.menu.MenuService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code movement_list_terraform_cli.orchestrator}: always this driver, computed when read as Ansible's is. */
@Component
class TerraformCliOrchestrator implements ComputedColumns {

    static final String ORCHESTRATOR = "Terraform CLI";

    @Override
    public List<String> menus() {
        return List.of(TerraformCliMenus.MOVEMENTS);
    }

    @Override
    public Map<String, Map<String, Object>> values(String menu, String organizationId, String workspaceId,
                                                   List<MenuService.Record> records) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        records.forEach(record -> values.put(record.id(), Map.of("orchestrator", ORCHESTRATOR)));
        return values;
    }
}
