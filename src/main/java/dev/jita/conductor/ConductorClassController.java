package dev.jita.conductor;

import dev.jita.core.ApiResponse;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exastro's conductor class endpoints of the conductor_class_edit menu: members write, viewers read. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu/conductor_class_edit/conductor/class")
class ConductorClassController {

    private final ConductorClasses classes;
    private final WorkspaceAccess access;

    ConductorClassController(ConductorClasses classes, WorkspaceAccess access) {
        this.classes = classes;
        this.access = access;
    }

    @GetMapping({"/info", "/info/"})
    ApiResponse info(@PathVariable String organizationId, @PathVariable String workspaceId) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(classes.info(organizationId, workspaceId));
    }

    @GetMapping({"/{classId}", "/{classId}/"})
    ApiResponse get(@PathVariable String organizationId, @PathVariable String workspaceId, @PathVariable String classId) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(classes.setting(organizationId, workspaceId, classId));
    }

    @PostMapping({"/maintenance", "/maintenance/"})
    ApiResponse register(@PathVariable String organizationId, @PathVariable String workspaceId,
                         @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        String id = classes.register(organizationId, workspaceId, CurrentUser.name(), raw);
        return ApiResponse.ok(Map.of("conductor_class_id", id));
    }

    @PatchMapping({"/maintenance/{classId}", "/maintenance/{classId}/"})
    ApiResponse update(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String classId, @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        String id = classes.update(organizationId, workspaceId, classId, CurrentUser.name(), raw);
        return ApiResponse.ok(Map.of("conductor_class_id", id));
    }
}
