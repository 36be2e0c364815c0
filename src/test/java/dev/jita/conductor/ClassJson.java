package dev.jita.conductor;

import dev.jita.test.Http;
import tools.jackson.databind.node.ObjectNode;

/** Builds class JSON as the editor does: nodes, and edges that add a terminal at each end. */
final class ClassJson {

    final ObjectNode root = Http.JSON.createObjectNode();
    private int nodes;
    private int terminals;
    private int lines;

    ClassJson(String name) {
        root.putObject("config").put("editorVersion", "1");
        ObjectNode conductor = root.putObject("conductor");
        conductor.putNull("id");
        conductor.put("conductor_name", name);
        conductor.putNull("note");
        conductor.putNull("last_update_date_time");
        conductor.putObject("notice_info");
    }

    /** start → Ansible movement mv1 → end, as the spec's minimal class. */
    static ClassJson minimal(String name) {
        ClassJson json = new ClassJson(name);
        json.node("start");
        json.node("movement");
        json.node("end");
        json.edge("node-1", "node-2");
        json.edge("node-2", "node-3");
        return json;
    }

    /** Adds node-N of the type, with the fields its type needs; returns it. */
    ObjectNode node(String type) {
        String key = "node-" + ++nodes;
        ObjectNode node = root.putObject(key);
        node.put("id", key).put("type", type).put("x", nodes * 100).put("y", 0).put("w", 80).put("h", 40).putNull("note");
        switch (type) {
            case "movement" -> node.put("movement_name", "mv1").put("orchestra_id", "1").put("skip_flag", "0")
                    .putNull("operation_name");
            case "call" -> node.put("skip_flag", "0");
            case "end" -> node.put("end_type", "6");
            default -> {
            }
        }
        node.putObject("terminal");
        return node;
    }

    ObjectNode node(int number) {
        return (ObjectNode) root.get("node-" + number);
    }

    /** Adds line-N from an out terminal of {@code from} to an in terminal of {@code to}; returns the out terminal. */
    ObjectNode edge(String from, String to) {
        String line = "line-" + ++lines;
        String out = "terminal-" + ++terminals;
        String in = "terminal-" + ++terminals;
        ObjectNode outTerminal = terminal(from, out, "out", to, line);
        terminal(to, in, "in", from, line);
        root.putObject(line).put("id", line).put("type", "edge").put("outNode", from).put("outTerminal", out)
                .put("inNode", to).put("inTerminal", in);
        return outTerminal;
    }

    private ObjectNode terminal(String node, String id, String type, String target, String line) {
        return ((ObjectNode) root.get(node).get("terminal")).putObject(id).put("id", id).put("type", type)
                .put("targetNode", target).put("edge", line).put("x", 0).put("y", 0);
    }

    ObjectNode json() {
        if (root.get("config") instanceof ObjectNode config) {
            config.put("nodeNumber", nodes).put("terminalNumber", terminals).put("edgeNumber", lines);
        }
        return root.deepCopy();
    }
}
