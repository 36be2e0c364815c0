package dev.jita.platform;

import dev.jita.core.ApiResponse;
import dev.jita.security.CurrentUser;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organization's workspaces: the API over {@link WorkspaceService}. */
@RestController
@RequestMapping("/api/{organizationId}/platform/workspaces")
class WorkspaceController {

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping
    ApiResponse create(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        return ApiResponse.ok(workspaces.create(organizationId, raw, CurrentUser.get()));
    }

    @GetMapping
    ApiResponse list(@PathVariable String organizationId) {
        return ApiResponse.ok(workspaces.list(organizationId, CurrentUser.get()));
    }

    @GetMapping("/{workspaceId}")
    ApiResponse get(@PathVariable String organizationId, @PathVariable String workspaceId) {
        return ApiResponse.ok(workspaces.get(organizationId, workspaceId, CurrentUser.get()));
    }

    @PutMapping("/{workspaceId}")
    ApiResponse update(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @RequestBody(required = false) String raw) {
        return ApiResponse.ok(workspaces.update(organizationId, workspaceId, raw, CurrentUser.get()));
    }

    @DeleteMapping("/{workspaceId}")
    ApiResponse delete(@PathVariable String organizationId, @PathVariable String workspaceId) {
        workspaces.delete(organizationId, workspaceId);
        return ApiResponse.ok(null);
    }
}
