package dev.jita.drivers.terraform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionRun;
import dev.jita.execution.Executions;
import dev.jita.platform.WorkspaceAccess;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The answers both Terraform drivers give alike: the status of an execution and its input and result data. */
@Component
class TerraformAnswers {

    private final Executions executions;
    private final WorkspaceAccess access;
    private final ObjectMapper json;

    TerraformAnswers(Executions executions, WorkspaceAccess access, ObjectMapper json) {
        this.executions = executions;
        this.access = access;
        this.json = json;
    }

    /**
     * Exastro's answer: the execution list row, the status id, the logs so far (every log of the driver but
     * the outputs and the error log); jita adds the outputs and the note.
     */
    ApiResponse status(ExecutionDriver driver, TerraformExecutionList list, String organizationId, String workspaceId,
                       String executionNo, int statusMonitoringCycleMs, int progressRows) {
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_list", row);
        data.put("status_id", String.valueOf(view.status().id()));
        data.put("progress", Map.of("execution_log", executionLog));
        data.put("status_monitoring_cycle", statusMonitoringCycleMs);
        data.put("number_of_rows_to_display_progress_status", progressRows);
        String outputs = view.logs().get(TerraformCliDriver.OUTPUTS);
        data.put("outputs", outputs == null ? null : json.readTree(outputs));
        data.put("note", view.note());
        return ApiResponse.ok(data);
    }

    /** {@code InputData_<no>.zip} or {@code ResultData_<no>.zip} in base64. */
    ApiResponse file(ExecutionDriver driver, String organizationId, String workspaceId, String executionNo,
                     String prefix) {
        access.requireRead(organizationId, workspaceId);
        String name = prefix + executionNo + ".zip";
        byte[] content = executions.file(driver, organizationId, workspaceId, executionNo, name)
                .orElseThrow(() -> ApiException.notFound("execution.file_not_found", executionNo, name));
        return ApiResponse.ok(Base64.getEncoder().encodeToString(content));
    }
}
