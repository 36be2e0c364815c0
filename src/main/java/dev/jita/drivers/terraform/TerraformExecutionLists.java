package dev.jita.drivers.terraform;

import dev.jita.execution.Executions;
import dev.jita.menu.MenuService;
import dev.jita.platform.ItaDriver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The execution lists of the two Terraform drivers. */
@Configuration
class TerraformExecutionLists {

    @Bean
    TerraformExecutionList terraformCliExecutionList(Executions executions, TerraformCliDriver driver,
                                                     ObjectProvider<MenuService> menus) {
        return new TerraformExecutionList(executions, driver, TerraformMenuSet.CLI, ItaDriver.TERRAFORM_CLI, menus, null);
    }

    @Bean
    TerraformExecutionList terraformCloudEpExecutionList(Executions executions, TerraformCloudEpDriver driver,
                                                         ObjectProvider<MenuService> menus, TerraformCloudEpRuns runs) {
        return new TerraformExecutionList(executions, driver, TerraformMenuSet.CLOUD_EP, ItaDriver.TERRAFORM_CLOUD_EP,
                menus, runs);
    }
}
