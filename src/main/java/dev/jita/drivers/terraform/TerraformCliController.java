package dev.jita.drivers.terraform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.execution.ExecutionRun;
import dev.jita.execution.DriverEndpoints;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.platform.WorkspaceAccess;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The Terraform CLI driver endpoints, with Exastro's paths and answers. */
@RestController
@RequestMapping("/api/{organizationId}/workspaces/{workspaceId}/ita/menu")
class TerraformCliController {

    private static final String EXECUTE = "/execution_terraform_cli/driver";
    private static final String STATUS = "/check_operation_status_terraform_cli/driver/{executionNo}";

    private final Executions executions;
    private final DriverEndpoints endpoints;
    private final TerraformCliDriver driver;
    private final TerraformCliExecutionList list;
    private final TerraformCliInterface settings;
    private final WorkspaceAccess access;
    private final ObjectMapper json;

    TerraformCliController(Executions executions, DriverEndpoints endpoints, TerraformCliDriver driver, TerraformCliExecutionList list,
                           TerraformCliInterface settings, WorkspaceAccess access, ObjectMapper json) {
        this.executions = executions;
        this.endpoints = endpoints;
        this.driver = driver;
        this.list = list;
        this.settings = settings;
        this.access = access;
        this.json = json;
    }

    @PostMapping({EXECUTE + "/execute", EXECUTE + "/execute/"})
    ApiResponse execute(@PathVariable String organizationId, @PathVariable String workspaceId,
                        @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.RUN);
    }

    @PostMapping({EXECUTE + "/execute_dry_run", EXECUTE + "/execute_dry_run/"})
    ApiResponse plan(@PathVariable String organizationId, @PathVariable String workspaceId,
                     @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DRY_RUN);
    }

    @PostMapping({EXECUTE + "/execute_check_parameter", EXECUTE + "/execute_check_parameter/"})
    ApiResponse checkParameter(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.PARAMETER_CHECK);
    }

    @PostMapping({EXECUTE + "/execute_delete_resource", EXECUTE + "/execute_delete_resource/"})
    ApiResponse deleteResource(@PathVariable String organizationId, @PathVariable String workspaceId,
                               @RequestBody(required = false) String raw) {
        return endpoints.register(driver, organizationId, workspaceId, raw, RunMode.DESTROY);
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

    /** Exastro's answer: the execution list row, the status id, the logs so far; jita adds the outputs. */
    @GetMapping({STATUS, STATUS + "/"})
    ApiResponse status(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @PathVariable String executionNo) {
        access.requireRead(organizationId, workspaceId);
        Executions.View view = executions.view(driver, organizationId, workspaceId, executionNo);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("parameter", list.parameter(view.listed(),
                list.delayTimer(organizationId, workspaceId, view.execution().movementId())));
        row.put("file", Map.of());
        Map<String, Object> logs = new LinkedHashMap<>();
        for (String name : driver.logNames()) {
            String text = view.logs().get(name);
            if (text != null && !name.equals(TerraformCliDriver.OUTPUTS) && !name.equals(ExecutionRun.ERROR_LOG)) {
                logs.put(name, text);
            }
        }
        Map<String, Object> executionLog = new LinkedHashMap<>();
        executionLog.put("exec_log", logs);
        executionLog.put("error_log", view.logs().getOrDefault(ExecutionRun.ERROR_LOG, ""));
        TerraformCliInterface.Settings shown = settings.settings(organizationId, workspaceId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_list", row);
        data.put("status_id", String.valueOf(view.status().id()));
        data.put("progress", Map.of("execution_log", executionLog));
        data.put("status_monitoring_cycle", shown.statusMonitoringCycleMs());
        data.put("number_of_rows_to_display_progress_status", shown.progressRows());
        String outputs = view.logs().get(TerraformCliDriver.OUTPUTS);
        data.put("outputs", outputs == null ? null : json.readTree(outputs));
        data.put("note", view.note());
        return ApiResponse.ok(data);
    }

    @GetMapping({STATUS + "/populated_data", STATUS + "/populated_data/"})
    ApiResponse populatedData(@PathVariable String organizationId, @PathVariable String workspaceId,
                              @PathVariable String executionNo) {
        return file(organizationId, workspaceId, executionNo, "InputData_");
    }

    @GetMapping({STATUS + "/result_data", STATUS + "/result_data/"})
    ApiResponse resultData(@PathVariable String organizationId, @PathVariable String workspaceId,
                           @PathVariable String executionNo) {
        return file(organizationId, workspaceId, executionNo, "ResultData_");
    }

    private ApiResponse file(String organizationId, String workspaceId, String executionNo, String prefix) {
        access.requireRead(organizationId, workspaceId);
        String name = prefix + executionNo + ".zip";
        byte[] content = executions.file(driver, organizationId, workspaceId, executionNo, name)
                .orElseThrow(() -> ApiException.notFound("execution.file_not_found", executionNo, name));
        return ApiResponse.ok(Base64.getEncoder().encodeToString(content));
    }

}
