package dev.jita.transfer;

import dev.jita.platform.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The download of an Excel job's files, at the path and in the shape of every menu's file download
 * ({@code …/menu/bulk_excel_export_import_list/{execution_no}/file_name/file/}: {@code file_name} and
 * {@code file_data} in base64): this path is more specific than the menu engine's, which reads files of stored
 * records only.
 */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu/" + ExcelList.MENU)
class ExcelDownloads {

    private final WorkspaceAccess access;
    private final Transfers transfers;
    private final ObjectMapper json;

    ExcelDownloads(WorkspaceAccess access, Transfers transfers, ObjectMapper json) {
        this.access = access;
        this.transfers = transfers;
        this.json = json;
    }

    @GetMapping({"/{executionNo}/{column}/file", "/{executionNo}/{column}/file/"})
    void download(@PathVariable String organizationId, @PathVariable String workspaceId,
                  @PathVariable String executionNo, @PathVariable String column, HttpServletResponse response)
            throws IOException {
        access.requireRead(organizationId, workspaceId);
        Transfers.Download download = transfers.excelFile(organizationId, workspaceId, executionNo, column);
        FileAnswer.write(response, json, download.name(), download.content());
    }
}
