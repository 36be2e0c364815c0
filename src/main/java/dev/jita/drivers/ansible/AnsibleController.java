package dev.jita.drivers.ansible;

import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.StatusTable;
import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.core.Times;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Ansible (legacy) driver endpoints, with Exastro's paths; the web UI's execution pages call them too. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
public class AnsibleController {

    private static final String EXECUTE = "/execution_ansible_legacy/driver";
    private static final String STATUS = "/check_operation_status_ansible_legacy/driver/{executionNo}";

    private final AnsibleDriver driver;
    private final AnsibleExecutions executions;
    private final BackyardItems items;
    private final WorkspaceAccess access;

    AnsibleController(AnsibleDriver driver, AnsibleExecutions executions, BackyardItems items, WorkspaceAccess access) {
        this.driver = driver;
        this.executions = executions;
        this.items = items;
        this.access = access;
    }

    @PostMapping({EXECUTE + "/execute", EXECUTE + "/execute/"})
    public ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        return register(organizationId, workspaceId, raw, false);
    }

    @PostMapping({EXECUTE + "/execute_dry_run", EXECUTE + "/execute_dry_run/"})
    public ApiResponse dryRun(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @RequestBody(required = false) String raw) {
        return register(organizationId, workspaceId, raw, true);
    }

    private ApiResponse register(String organizationId, String workspaceId, String raw, boolean dryRun) {
        access.requireWrite(organizationId, workspaceId);
        String id = driver.register(organizationId, workspaceId, CurrentUser.name(), raw, dryRun);
        return ApiResponse.ok(Map.of("execution_no", id));
    }

    @GetMapping({STATUS, STATUS + "/"})
    public ApiResponse status(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo, HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        AnsibleExecutions.Execution execution = driver.existing(organizationId, workspaceId, executionNo);
        BackyardItems.Item item = items.find(executionNo)
                .orElseThrow(() -> ApiException.notFound("ansible.execution_not_found", executionNo));
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("console", execution.consoleLog() == null ? "" : execution.consoleLog());
        log.put("error", execution.errorLog() == null ? "" : execution.errorLog());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_no", execution.id());
        data.put("status_id", String.valueOf(item.statusId()));
        data.put("status_name", StatusTable.EXECUTION.name(item.statusId(),
                Messages.locale(request).equals(Locale.JAPANESE)));
        data.put("run_mode", execution.runMode());
        data.put("movement_name", execution.movementName());
        data.put("operation_name", execution.operationName());
        data.put("time_book", Times.micros(item.notBefore()));
        data.put("time_start", Times.micros(item.startedAt()));
        data.put("time_end", Times.micros(item.endedAt()));
        data.put("note", item.note());
        data.put("execution_log", log);
        data.put("files", executions.fileNames(executionNo));
        return ApiResponse.ok(data);
    }

    @GetMapping({STATUS + "/files/{fileName}", STATUS + "/files/{fileName}/"})
    ApiResponse file(@PathVariable String organizationId, @PathVariable String workspaceId,
                     @PathVariable String executionNo, @PathVariable String fileName) {
        access.requireRead(organizationId, workspaceId);
        driver.existing(organizationId, workspaceId, executionNo);
        byte[] content = executions.file(executionNo, fileName)
                .orElseThrow(() -> ApiException.notFound("ansible.file_not_found", executionNo, fileName));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file_name", fileName);
        data.put("file_data", Base64.getEncoder().encodeToString(content));
        return ApiResponse.ok(data);
    }

    @PatchMapping({STATUS + "/scram", STATUS + "/scram/"})
    public ApiResponse scram(@PathVariable String organizationId, @PathVariable String workspaceId,
                      @PathVariable String executionNo) {
        access.requireWrite(organizationId, workspaceId);
        driver.scram(organizationId, workspaceId, executionNo);
        return ApiResponse.ok(null);
    }

    @PatchMapping({STATUS + "/cancel", STATUS + "/cancel/"})
    ApiResponse cancel(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        access.requireWrite(organizationId, workspaceId);
        driver.cancel(organizationId, workspaceId, executionNo);
        return ApiResponse.ok(null);
    }
}
