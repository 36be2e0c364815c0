package dev.jita.parametersheet;

import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exastro's parameter-sheet definition endpoints: members define, viewers read. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/create/define")
class SheetDefineController {

    private final SheetDefinitions definitions;
    private final WorkspaceAccess access;

    SheetDefineController(SheetDefinitions definitions, WorkspaceAccess access) {
        this.definitions = definitions;
        this.access = access;
    }

    @GetMapping({"", "/"})
    ApiResponse masters(@PathVariable String organizationId, @PathVariable String workspaceId,
                        HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(definitions.masters(organizationId, workspaceId, japanese(request)));
    }

    @GetMapping({"/{menuNameRest}", "/{menuNameRest}/"})
    ApiResponse one(@PathVariable String organizationId, @PathVariable String workspaceId,
                    @PathVariable String menuNameRest, HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(definitions.one(organizationId, workspaceId, menuNameRest, japanese(request)));
    }

    @GetMapping({"/pulldown/initial/{sourceMenu}/{sourceColumn}", "/pulldown/initial/{sourceMenu}/{sourceColumn}/"})
    ApiResponse pulldownInitial(@PathVariable String organizationId, @PathVariable String workspaceId,
                                @PathVariable String sourceMenu, @PathVariable String sourceColumn) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(definitions.pulldownInitial(organizationId, workspaceId, sourceMenu, sourceColumn));
    }

    @GetMapping({"/reference/item/{sourceMenu}/{sourceColumn}", "/reference/item/{sourceMenu}/{sourceColumn}/"})
    ApiResponse referenceItems(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @PathVariable String sourceMenu, @PathVariable String sourceColumn,
                               HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(definitions.referenceItems(organizationId, workspaceId, sourceMenu, sourceColumn,
                japanese(request)));
    }

    @PostMapping({"/execute", "/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(definitions.execute(organizationId, workspaceId, CurrentUser.name(), raw));
    }

    private static boolean japanese(HttpServletRequest request) {
        return Messages.locale(request).equals(Locale.JAPANESE);
    }
}
