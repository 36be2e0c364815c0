package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
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
    private final BackyardItems items;
    private final ExcelJobs jobs;
    private final TransferFiles files;
    private final ObjectMapper json;

    ExcelDownloads(WorkspaceAccess access, BackyardItems items, ExcelJobs jobs, TransferFiles files, ObjectMapper json) {
        this.access = access;
        this.json = json;
        this.items = items;
        this.jobs = jobs;
        this.files = files;
    }

    @GetMapping({"/{executionNo}/{column}/file", "/{executionNo}/{column}/file/"})
    void download(@PathVariable String organizationId, @PathVariable String workspaceId,
                  @PathVariable String executionNo, @PathVariable String column, HttpServletResponse response)
            throws IOException {
        access.requireRead(organizationId, workspaceId);
        BackyardItems.Item item = items.find(executionNo)
                .filter(found -> found.backyard() == Backyard.EXCEL_EXPORT_IMPORT
                        && found.organizationId().equals(organizationId) && found.workspaceId().equals(workspaceId))
                .orElseThrow(() -> ApiException.notFound("menu.record_not_found", executionNo));
        ExcelJobs.Job job = jobs.find(item.itemId())
                .orElseThrow(() -> ApiException.notFound("menu.record_not_found", executionNo));
        String name;
        String fileId;
        if (ExcelList.FILE_NAME.equals(column)) {
            name = job.fileName();
            fileId = job.fileId();
        } else if (ExcelList.RESULT_FILE.equals(column)) {
            name = job.resultFileName();
            fileId = job.resultFileId();
        } else {
            throw ApiException.notFound("menu.column_not_found", column);
        }
        if (fileId == null) {
            throw ApiException.notFound("menu.file_not_found", column);
        }
        FileAnswer.write(response, json, name,
                files.open(fileId).orElseThrow(() -> ApiException.notFound("menu.file_not_found", column)));
    }
}
