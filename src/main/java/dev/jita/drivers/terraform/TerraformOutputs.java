package dev.jita.drivers.terraform;

import dev.jita.execution.ExecutionRun;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The outputs of a Terraform state as {@code terraform output -json} shows them, sensitive values masked. */
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
}
