package dev.jita.drivers.terraform;

import dev.jita.core.ApiResponse;
import dev.jita.execution.DriverEndpoints;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.RunMode;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * A Terraform driver's {@code execution_<driver>/driver/…} endpoints, the same for the CLI and Cloud/EP:
 * each driver's controller maps its menu's path and inherits these.
 */
abstract class TerraformExecuteEndpoints {

    private final DriverEndpoints endpoints;
    private final ExecutionDriver driver;

    TerraformExecuteEndpoints(DriverEndpoints endpoints, ExecutionDriver driver) {
        this.endpoints = endpoints;
        this.driver = driver;
    }

    @PostMapping({"/execute", "/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.RUN);
    }

    @PostMapping({"/execute_dry_run", "/execute_dry_run/"})
    ApiResponse plan(@PathVariable String organizationId, @PathVariable String workspaceId,
                     @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DRY_RUN);
    }

    @PostMapping({"/execute_check_parameter", "/execute_check_parameter/"})
    ApiResponse checkParameter(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.PARAMETER_CHECK);
    }

    @PostMapping({"/execute_delete_resource", "/execute_delete_resource/"})
    ApiResponse deleteResource(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DESTROY);
    }
}
