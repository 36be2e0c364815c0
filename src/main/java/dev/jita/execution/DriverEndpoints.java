package dev.jita.execution;

import dev.jita.core.ApiResponse;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What every driver's endpoints to register, stop and cancel do, once: each driver's controller maps
 * Exastro's paths of its own (so that the API document names them) and calls these.
 */
@Component
public class DriverEndpoints {

    private final Executions executions;
    private final WorkspaceAccess access;

    DriverEndpoints(Executions executions, WorkspaceAccess access) {
        this.executions = executions;
        this.access = access;
    }

    /** A member registers an execution: {@code {"execution_no"}}. */
    public ApiResponse register(ExecutionDriver driver, String organizationId, String workspaceId, String raw,
                                RunMode mode) {
        access.requireWrite(organizationId, workspaceId);
        executions.requireInstalled(driver, organizationId);
        String id = executions.register(driver, organizationId, workspaceId, CurrentUser.name(), raw, mode);
        return ApiResponse.ok(Map.of("execution_no", id));
    }

    public ApiResponse scram(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        access.requireWrite(organizationId, workspaceId);
        executions.scram(driver, organizationId, workspaceId, id);
        return ApiResponse.ok(null);
    }

    public ApiResponse cancel(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        access.requireWrite(organizationId, workspaceId);
        executions.cancel(driver, organizationId, workspaceId, id);
        return ApiResponse.ok(null);
    }
}
