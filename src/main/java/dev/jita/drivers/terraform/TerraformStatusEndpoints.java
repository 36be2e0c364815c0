package dev.jita.drivers.terraform;

import dev.jita.core.ApiResponse;
import dev.jita.execution.DriverEndpoints;
import dev.jita.execution.ExecutionDriver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A Terraform driver's {@code check_operation_status_<driver>/driver/{executionNo}/…} endpoints, the same for
 * the CLI and Cloud/EP: each driver's controller maps its menu's path and inherits these.
 */
abstract class TerraformStatusEndpoints {

    private final DriverEndpoints endpoints;
    private final TerraformAnswers answers;
    private final ExecutionDriver driver;
    private final TerraformExecutionList list;

    TerraformStatusEndpoints(DriverEndpoints endpoints, TerraformAnswers answers, ExecutionDriver driver,
                             TerraformExecutionList list) {
        this.endpoints = endpoints;
        this.answers = answers;
        this.driver = driver;
        this.list = list;
    }

    /** The interface information's status monitoring cycle (ms) and rows of progress to show. */
    abstract int[] display(String organizationId, String workspaceId);

    @GetMapping({"", "/"})
    ApiResponse status(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        int[] display = display(organizationId, workspaceId);
        return answers.status(driver, list, organizationId, workspaceId, executionNo, display[0], display[1]);
    }

    @GetMapping({"/populated_data", "/populated_data/"})
    ApiResponse populatedData(@PathVariable String organizationId, @PathVariable String workspaceId,
                              @PathVariable String executionNo) {
        return answers.file(driver, organizationId, workspaceId, executionNo, "InputData_");
    }

    @GetMapping({"/result_data", "/result_data/"})
    ApiResponse resultData(@PathVariable String organizationId, @PathVariable String workspaceId,
                           @PathVariable String executionNo) {
        return answers.file(driver, organizationId, workspaceId, executionNo, "ResultData_");
    }

    @PatchMapping({"/scram", "/scram/"})
    ApiResponse scram(@PathVariable String organizationId, @PathVariable String workspaceId,
                      @PathVariable String executionNo) {
        return endpoints.scram(driver, organizationId, workspaceId, executionNo);
    }

    @PatchMapping({"/cancel", "/cancel/"})
    ApiResponse cancel(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        return endpoints.cancel(driver, organizationId, workspaceId, executionNo);
    }
}
