package dev.jita.transfer;

import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** Exastro's menu export and import endpoints and the downloads of {@code menu_export_import_list}. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
class MenuExportController {

    private final MenuTree tree;
    private final MenuExports exports;
    private final MenuImports imports;
    private final WorkspaceAccess access;
    private final ObjectMapper json;

    MenuExportController(MenuTree tree, MenuExports exports, MenuImports imports, WorkspaceAccess access,
                         ObjectMapper json) {
        this.tree = tree;
        this.exports = exports;
        this.imports = imports;
        this.access = access;
        this.json = json;
    }

    @GetMapping({"/export/info", "/export/info/"})
    ApiResponse info(@PathVariable String organizationId, @PathVariable String workspaceId,
                     HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        return ApiResponse.ok(Map.of("menu_groups",
                tree.answer(organizationId, workspaceId, MenuTree.MENU_EXPORT, japanese(request))));
    }

    @PostMapping({"/bulk/export/execute", "/bulk/export/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(exports.register(organizationId, workspaceId, CurrentUser.name(),
                japanese(request) ? "ja" : "en", raw));
    }

    @PostMapping({"/import/upload", "/import/upload/"})
    ApiResponse upload(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @RequestBody(required = false) String raw, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(imports.upload(organizationId, workspaceId, raw, japanese(request)));
    }

    @PostMapping({"/import/execute", "/import/execute/"})
    ApiResponse importExecute(@PathVariable String organizationId, @PathVariable String workspaceId,
                              @RequestBody(required = false) String raw, HttpServletRequest request) {
        access.requireWrite(organizationId, workspaceId);
        return ApiResponse.ok(imports.register(organizationId, workspaceId, CurrentUser.name(),
                japanese(request) ? "ja" : "en", raw));
    }

    /** As every menu's file download (see {@link FileAnswer}). */
    @GetMapping({"/" + MenuExportImportList.MENU + "/{executionNo}/{column}/file",
            "/" + MenuExportImportList.MENU + "/{executionNo}/{column}/file/"})
    void download(@PathVariable String organizationId, @PathVariable String workspaceId,
                  @PathVariable String executionNo, @PathVariable String column, HttpServletResponse response)
            throws IOException {
        access.requireRead(organizationId, workspaceId);
        MenuExports.Download download = exports.download(organizationId, workspaceId, executionNo, column);
        FileAnswer.write(response, json, download.name(), download.content());
    }

    private static boolean japanese(HttpServletRequest request) {
        return Messages.locale(request).equals(Locale.JAPANESE);
    }
}
