package dev.jita.execution;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import java.util.Map;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The driver endpoints that are the same for every driver, with Exastro's paths:
 * {@code execution_<driver>/driver/execute…/} registers, {@code check_operation_status_<driver>/driver/{no}/}
 * {@code scram/} and {@code cancel/}. Each driver's own controller answers its status and downloads.
 */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
class DriverController {

    private static final String EXECUTE = "execution_";
    private static final String STATUS = "check_operation_status_";
    private static final Map<String, RunMode> ACTIONS = Map.of("execute", RunMode.RUN,
            "execute_dry_run", RunMode.DRY_RUN, "execute_check_parameter", RunMode.PARAMETER_CHECK,
            "execute_delete_resource", RunMode.DESTROY);

    private final Executions executions;
    private final WorkspaceAccess access;

    DriverController(Executions executions, WorkspaceAccess access) {
        this.executions = executions;
        this.access = access;
    }

    @PostMapping({"/{menu}/driver/{action}", "/{menu}/driver/{action}/"})
    ApiResponse register(@PathVariable String organizationId, @PathVariable String workspaceId,
                         @PathVariable String menu, @PathVariable String action,
                         @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        ExecutionDriver driver = executions.driverOfMenu(organizationId, EXECUTE, menu);
        RunMode mode = ACTIONS.get(action);
        if (mode == null || !driver.modes().contains(mode)) {
            throw ApiException.notFound("execution.no_driver", menu + "/driver/" + action);
        }
        String id = executions.register(driver, organizationId, workspaceId, CurrentUser.name(), raw, mode);
        return ApiResponse.ok(Map.of("execution_no", id));
    }

    @PatchMapping({"/{menu}/driver/{executionNo}/scram", "/{menu}/driver/{executionNo}/scram/"})
    ApiResponse scram(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String menu,
                      @PathVariable String executionNo) {
        access.requireWrite(organizationId, workspaceId);
        executions.scram(executions.driverOfMenu(organizationId, STATUS, menu), organizationId, workspaceId, executionNo);
        return ApiResponse.ok(null);
    }

    @PatchMapping({"/{menu}/driver/{executionNo}/cancel", "/{menu}/driver/{executionNo}/cancel/"})
    ApiResponse cancel(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String menu, @PathVariable String executionNo) {
        access.requireWrite(organizationId, workspaceId);
        executions.cancel(executions.driverOfMenu(organizationId, STATUS, menu), organizationId, workspaceId,
                executionNo);
        return ApiResponse.ok(null);
    }
}
