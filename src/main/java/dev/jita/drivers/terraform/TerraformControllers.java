package dev.jita.drivers.terraform;

import dev.jita.execution.DriverEndpoints;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints of the two Terraform drivers, with Exastro's paths: one controller per menu of each. */
final class TerraformControllers {

    private static final String MENU = "/api/{organizationId}/workspaces/{workspaceId}/ita/menu/";

    private TerraformControllers() {
    }

    @RestController
    @RequestMapping(MENU + "execution_terraform_cli/driver")
    static class CliExecute extends TerraformExecuteEndpoints {
        CliExecute(DriverEndpoints endpoints, TerraformCliDriver driver) {
            super(endpoints, driver);
        }
    }

    @RestController
    @RequestMapping(MENU + "check_operation_status_terraform_cli/driver/{executionNo}")
    static class CliStatus extends TerraformStatusEndpoints {
        private final TerraformCliInterface settings;

        CliStatus(DriverEndpoints endpoints, TerraformAnswers answers, TerraformCliDriver driver,
                  @Qualifier("terraformCliExecutionList") TerraformExecutionList list, TerraformCliInterface settings) {
            super(endpoints, answers, driver, list);
            this.settings = settings;
        }

        @Override
        int[] display(String organizationId, String workspaceId) {
            TerraformCliInterface.Settings shown = settings.settings(organizationId, workspaceId);
            return new int[] {shown.statusMonitoringCycleMs(), shown.progressRows()};
        }
    }

    @RestController
    @RequestMapping(MENU + "execution_terraform_cloud_ep/driver")
    static class CloudEpExecute extends TerraformExecuteEndpoints {
        CloudEpExecute(DriverEndpoints endpoints, TerraformCloudEpDriver driver) {
            super(endpoints, driver);
        }
    }

    @RestController
    @RequestMapping(MENU + "check_operation_status_terraform_cloud_ep/driver/{executionNo}")
    static class CloudEpStatus extends TerraformStatusEndpoints {
        private final TerraformCloudEpInterface settings;

        CloudEpStatus(DriverEndpoints endpoints, TerraformAnswers answers, TerraformCloudEpDriver driver,
                      @Qualifier("terraformCloudEpExecutionList") TerraformExecutionList list,
                      TerraformCloudEpInterface settings) {
            super(endpoints, answers, driver, list);
            this.settings = settings;
        }

        @Override
        int[] display(String organizationId, String workspaceId) {
            TerraformCloudEpInterface.Settings shown = settings.settings(organizationId, workspaceId)
                    .orElse(TerraformCloudEpInterface.Settings.NONE);
            return new int[] {shown.statusMonitoringCycleMs(), shown.progressRows()};
        }
    }
}
