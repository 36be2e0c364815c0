package dev.jita.drivers.terraform;

import dev.jita.core.ApiResponse;
import dev.jita.execution.DriverEndpoints;
import dev.jita.execution.RunMode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Terraform CLI driver endpoints, with Exastro's paths and answers. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
class TerraformCliController {

    private static final String EXECUTE = "/execution_terraform_cli/driver";
    private static final String STATUS = "/check_operation_status_terraform_cli/driver/{executionNo}";

    private final DriverEndpoints endpoints;
    private final TerraformAnswers answers;
    private final TerraformCliDriver driver;
    private final TerraformExecutionList list;
    private final TerraformCliInterface settings;

    TerraformCliController(DriverEndpoints endpoints, TerraformAnswers answers, TerraformCliDriver driver,
            @Qualifier("terraformCliExecutionList") TerraformExecutionList list, TerraformCliInterface settings) {
        this.endpoints = endpoints;
        this.answers = answers;
        this.driver = driver;
        this.list = list;
        this.settings = settings;
    }

    @PostMapping({EXECUTE + "/execute", EXECUTE + "/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.RUN);
    }

    @PostMapping({EXECUTE + "/execute_dry_run", EXECUTE + "/execute_dry_run/"})
    ApiResponse plan(@PathVariable String organizationId, @PathVariable String workspaceId,
                     @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DRY_RUN);
    }

    @PostMapping({EXECUTE + "/execute_check_parameter", EXECUTE + "/execute_check_parameter/"})
    ApiResponse checkParameter(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.PARAMETER_CHECK);
    }

    @PostMapping({EXECUTE + "/execute_delete_resource", EXECUTE + "/execute_delete_resource/"})
    ApiResponse deleteResource(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DESTROY);
    }

    @GetMapping({STATUS, STATUS + "/"})
    ApiResponse status(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        TerraformCliInterface.Settings shown = settings.settings(organizationId, workspaceId);
        return answers.status(driver, list, organizationId, workspaceId, executionNo, shown.statusMonitoringCycleMs(),
                shown.progressRows());
    }

    @GetMapping({STATUS + "/populated_data", STATUS + "/populated_data/"})
    ApiResponse populatedData(@PathVariable String organizationId, @PathVariable String workspaceId,
                              @PathVariable String executionNo) {
        return answers.file(driver, organizationId, workspaceId, executionNo, "InputData_");
    }

    @GetMapping({STATUS + "/result_data", STATUS + "/result_data/"})
    ApiResponse resultData(@PathVariable String organizationId, @PathVariable String workspaceId,
                           @PathVariable String executionNo) {
        return answers.file(driver, organizationId, workspaceId, executionNo, "ResultData_");
    }

    @PatchMapping({STATUS + "/scram", STATUS + "/scram/"})
    ApiResponse scram(@PathVariable String organizationId, @PathVariable String workspaceId,
                      @PathVariable String executionNo) {
        return endpoints.scram(driver, organizationId, workspaceId, executionNo);
    }

    @PatchMapping({STATUS + "/cancel", STATUS + "/cancel/"})
    ApiResponse cancel(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        return endpoints.cancel(driver, organizationId, workspaceId, executionNo);
    }
}
