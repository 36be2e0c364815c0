package dev.jita.transfer;

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

/**
 * Exastro's Excel bulk export endpoints. Exporting reads: a viewer may export what it may read, as Exastro's
 * view-only privilege may (the tree lists the menus a role may view).
 */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/excel/bulk/export")
class ExcelController {

    private final ExcelExports exports;
    private final WorkspaceAccess access;

    ExcelController(ExcelExports exports, WorkspaceAccess access) {
        this.exports = exports;
        this.access = access;
    }

    @GetMapping({"/info", "/info/"})
    ApiResponse info(@PathVariable String organizationId, @PathVariable String workspaceId,
                     HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(exports.info(organizationId, workspaceId, japanese(request)));
    }

    @PostMapping({"/execute", "/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw, HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(exports.execute(organizationId, workspaceId, CurrentUser.name(), japanese(request), raw));
    }

    private static boolean japanese(HttpServletRequest request) {
        return Messages.locale(request).equals(Locale.JAPANESE);
    }
}
