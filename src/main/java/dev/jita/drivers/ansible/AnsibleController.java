package dev.jita.drivers.ansible;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.core.Times;
import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionRun;
import dev.jita.execution.DriverEndpoints;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.platform.WorkspaceAccess;
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

/** The Ansible (legacy) driver endpoints, with Exastro's paths. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
class AnsibleController {

    private static final String EXECUTE = "/execution_ansible_legacy/driver";
    private static final String STATUS = "/check_operation_status_ansible_legacy/driver/{executionNo}";

    private final Executions executions;
    private final DriverEndpoints endpoints;
    private final AnsibleDriver driver;
    private final WorkspaceAccess access;

    AnsibleController(Executions executions, DriverEndpoints endpoints, AnsibleDriver driver, WorkspaceAccess access) {
        this.executions = executions;
        this.endpoints = endpoints;
        this.driver = driver;
        this.access = access;
    }

    @PostMapping({EXECUTE + "/execute", EXECUTE + "/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.RUN);
    }

    @PostMapping({EXECUTE + "/execute_dry_run", EXECUTE + "/execute_dry_run/"})
    ApiResponse dryRun(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DRY_RUN);
    }

    @PatchMapping({STATUS + "/scram", STATUS + "/scram/"})
    ApiResponse scram(@PathVariable String organizationId, @PathVariable String workspaceId,
                      @PathVariable String executionNo) {
        return endpoints.scram(driver, organizationId, workspaceId, executionNo);
    }

    @PatchMapping({STATUS + "/cancel", STATUS + "/cancel/"})
    ApiResponse cancel(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        return endpoints.cancel(driver, organizationId, workspaceId, executionNo);
    }

    @GetMapping({STATUS, STATUS + "/"})
    ApiResponse status(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo, HttpServletRequest request) {
        access.requireRead(organizationId, workspaceId);
        Executions.View view = executions.view(driver, organizationId, workspaceId, executionNo);
        Execution execution = view.execution();
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("console", view.logs().getOrDefault(AnsibleDriver.CONSOLE_LOG, ""));
        log.put("error", view.logs().getOrDefault(ExecutionRun.ERROR_LOG, ""));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_no", execution.id());
        data.put("status_id", String.valueOf(view.status().id()));
        data.put("status_name", view.status().displayName(Messages.locale(request).equals(Locale.JAPANESE)));
        data.put("run_mode", execution.runMode().stored());
        data.put("movement_name", execution.movementName());
        data.put("operation_name", execution.operationName());
        data.put("time_book", Times.micros(view.scheduledFor()));
        data.put("time_start", Times.micros(view.startedAt()));
        data.put("time_end", Times.micros(view.endedAt()));
        data.put("note", view.note());
        data.put("execution_log", log);
        // What the playbooks wrote; the populated data is the execution list's populated_data.
        data.put("files", view.files().stream().filter(name -> !name.startsWith(AnsibleExecutionList.POPULATED_DATA))
                .toList());
        return ApiResponse.ok(data);
    }

    @GetMapping({STATUS + "/files/{fileName}", STATUS + "/files/{fileName}/"})
    ApiResponse file(@PathVariable String organizationId, @PathVariable String workspaceId,
                     @PathVariable String executionNo, @PathVariable String fileName) {
        access.requireRead(organizationId, workspaceId);
        byte[] content = executions.file(driver, organizationId, workspaceId, executionNo, fileName)
                .orElseThrow(() -> ApiException.notFound("execution.file_not_found", executionNo, fileName));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file_name", fileName);
        data.put("file_data", Base64.getEncoder().encodeToString(content));
        return ApiResponse.ok(data);
    }

}
