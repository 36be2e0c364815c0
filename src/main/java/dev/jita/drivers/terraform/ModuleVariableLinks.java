package dev.jita.drivers.terraform;

import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code module_variable_link_terraform_cli} and {@code _terraform_cloud_ep}: the variables the driver's active
 * module files declare, read from the files each time the menu is read (Exastro lists them up by a backyard;
 * reading on demand is never stale and writes nothing in load mode). A file that cannot be read as HCL adds no
 * row: the menu still answers.
 */
class ModuleVariableLinks implements MenuRecordSource {

    private static final Logger log = LoggerFactory.getLogger(ModuleVariableLinks.class);

    /** Lazily: the menu engine is built with every record source, this one among them. */
    private final ObjectProvider<MenuService> menus;
    private final TerraformMenuSet set;

    ModuleVariableLinks(ObjectProvider<MenuService> menus, TerraformMenuSet set) {
        this.menus = menus;
        this.set = set;
    }

    /** One source for each Terraform driver. */
    @Configuration
    static class Sources {

        @Bean
        ModuleVariableLinks terraformCliModuleVariables(ObjectProvider<MenuService> menus) {
            return new ModuleVariableLinks(menus, TerraformMenuSet.CLI);
        }

        @Bean
        ModuleVariableLinks terraformCloudEpModuleVariables(ObjectProvider<MenuService> menus) {
            return new ModuleVariableLinks(menus, TerraformMenuSet.CLOUD_EP);
        }
    }

    @Override
    public String menu() {
        return set.moduleVariables;
    }

    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        List<MenuService.Record> records = new ArrayList<>();
        for (MenuService.Record module : menus.getObject().records(organizationId, workspaceId,
                set.modules, true)) {
            if (module.discarded()) {
                continue;
            }
            String fileName = (String) module.parameter().get("module_file_name");
            String content = module.file().get("module_file");
            List<TerraformVariables.Variable> variables;
            try {
                variables = TerraformVariables.read(content == null ? ""
                        : new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8));
            } catch (TerraformVariables.Malformed e) {
                log.info("Module file {} of {}/{} is skipped: {}", fileName, organizationId, workspaceId, e.getMessage());
                continue;
            }
            for (TerraformVariables.Variable variable : variables) {
                records.add(record(module, fileName, variable));
            }
        }
        return records;
    }

    /** A row's id is derived from its module file and variable name, so that it is the same at every read. */
    private static MenuService.Record record(MenuService.Record module, String fileName,
                                             TerraformVariables.Variable variable) {
        String id = UUID.nameUUIDFromBytes((module.id() + "\n" + variable.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("uuid", id);
        parameter.put("item_no", id);
        parameter.put("module_file", fileName);
        parameter.put("variable_name", variable.name());
        parameter.put("variable_type", variable.type());
        parameter.put("default_value", variable.defaultValue());
        parameter.put("sensitive", variable.sensitive() ? "True" : "False");
        parameter.put("remarks", null);
        parameter.put("discard", "0");
        parameter.put("last_update_date_time", module.parameter().get("last_update_date_time"));
        parameter.put("last_updated_user", module.parameter().get("last_updated_user"));
        return new MenuService.Record(id, parameter, Map.of(), false);
    }
}
