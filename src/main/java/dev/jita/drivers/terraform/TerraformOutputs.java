package dev.jita.drivers.terraform;

import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What both Terraform drivers keep of a run besides the state: its outputs as {@code terraform output -json}
 * shows them (sensitive values masked) and the result data.
 */
final class TerraformOutputs {

    private TerraformOutputs() {
    }

    /** Writes the outputs of {@code state} (a state file's JSON) into the log {@code logName}. */
    static void log(ObjectMapper json, byte[] state, ExecutionRun run, String logName) {
        JsonNode outputs = json.readTree(state).path("outputs");
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> output : outputs.properties()) {
            boolean sensitive = output.getValue().path("sensitive").asBoolean(false);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sensitive", sensitive);
            entry.put("type", output.getValue().get("type"));
            entry.put("value", sensitive ? ExecutionRun.MASK : output.getValue().get("value"));
            shown.put(output.getKey(), entry);
        }
        run.replaceLog(logName, json.writerWithDefaultPrettyPrinter().writeValueAsString(shown));
    }

    /**
     * Keeps {@code ResultData_<no>.zip}: the driver's logs as they were kept (secrets masked); it holds no
     * state and no sensitive value.
     */
    static void keepResultData(ExecutionDriver driver, String executionId, ExecutionRun run) throws IOException {
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (String name : driver.logNames()) {
            String text = run.logText(name);
            if (!text.isEmpty()) {
                result.put(name.equals(ExecutionRun.ERROR_LOG) ? "error.log" : name, text.getBytes(StandardCharsets.UTF_8));
            }
        }
        run.keepFile("ResultData_" + executionId + ".zip", WorkFiles.zip(result));
    }
}
