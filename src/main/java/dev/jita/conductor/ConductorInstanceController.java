package dev.jita.conductor;

import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exastro's conductor instance endpoints: execute (conductor_class_edit), status, cancel, emergency stop and
 * release of a pause (conductor_confirmation), input and result data (conductor_list). Members act, viewers read.
 */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
class ConductorInstanceController {

    private static final String CONFIRMATION = "/conductor_confirmation/conductor/{instanceId}";
    private static final String LIST = "/conductor_list/conductor/{instanceId}";

    private final ConductorInstances instances;
    private final WorkspaceAccess access;
    private final Messages messages;

    ConductorInstanceController(ConductorInstances instances, WorkspaceAccess access, Messages messages) {
        this.instances = instances;
        this.access = access;
        this.messages = messages;
    }

    @PostMapping({"/conductor_class_edit/conductor/execute", "/conductor_class_edit/conductor/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        String id = instances.execute(organizationId, workspaceId, CurrentUser.name(), raw);
        return ApiResponse.ok(Map.of("conductor_instance_id", id));
    }

    @GetMapping({CONFIRMATION, CONFIRMATION + "/"})
    ApiResponse status(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String instanceId, HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(instances.confirmation(organizationId, workspaceId, instanceId,
                Messages.locale(request).equals(Locale.JAPANESE)));
    }

    @PatchMapping({CONFIRMATION + "/cancel", CONFIRMATION + "/cancel/"})
    ApiResponse cancel(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String instanceId, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        instances.cancel(organizationId, workspaceId, instanceId);
        return ApiResponse.ok(messages.get(request, "conductor.cancelled", instanceId));
    }

    @PatchMapping({CONFIRMATION + "/scram", CONFIRMATION + "/scram/"})
    ApiResponse scram(@PathVariable String organizationId, @PathVariable String workspaceId,
                      @PathVariable String instanceId, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        instances.scram(organizationId, workspaceId, instanceId);
        return ApiResponse.ok(messages.get(request, "conductor.scrammed", instanceId));
    }

    @PatchMapping({CONFIRMATION + "/node/{nodeInstanceId}/relese", CONFIRMATION + "/node/{nodeInstanceId}/relese/"})
    ApiResponse release(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @PathVariable String instanceId, @PathVariable String nodeInstanceId,
                        HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        instances.release(organizationId, workspaceId, instanceId, nodeInstanceId);
        return ApiResponse.ok(messages.get(request, "conductor.released", instanceId, nodeInstanceId));
    }

    @GetMapping({LIST + "/input_data", LIST + "/input_data/"})
    ApiResponse inputData(@PathVariable String organizationId, @PathVariable String workspaceId,
                          @PathVariable String instanceId) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(instances.data(organizationId, workspaceId, instanceId, true));
    }

    @GetMapping({LIST + "/result_data", LIST + "/result_data/"})
    ApiResponse resultData(@PathVariable String organizationId, @PathVariable String workspaceId,
                           @PathVariable String instanceId) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(instances.data(organizationId, workspaceId, instanceId, false));
    }
}
