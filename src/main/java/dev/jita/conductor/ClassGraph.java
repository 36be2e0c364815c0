package dev.jita.conductor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A stored (validated) class JSON as nodes with their in-nodes and out-edges, read from the nodes' terminals. */
final class ClassGraph {

    /** node-1, node-2, …, node-10: by the number, not the text. */
    static final Comparator<NodeInstance> NODE_ORDER = Comparator.comparingInt(n -> number(n.nodeName()));

    /**
     * An out-terminal of a node.
     *
     * @param condition the node statuses a conditional branch takes it on, or a status-file branch's values
     * @param caseName  a status-file branch's case ("1", "2", …, "else"), else null
     */
    record Out(String target, List<String> condition, String caseName) {
    }

    record Node(String name, String type, ObjectNode json, List<String> ins, List<Out> outs) {

        String field(String name) {
            return ClassValidation.text(json.get(name));
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private ClassGraph() {
    }

    static ClassGraph of(ObjectNode setting) {
        ClassGraph graph = new ClassGraph();
        for (Map.Entry<String, JsonNode> entry : setting.properties()) {
            if (!entry.getKey().startsWith("node-") || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode json = (ObjectNode) entry.getValue();
            List<String> ins = new ArrayList<>();
            List<Out> outs = new ArrayList<>();
            for (Map.Entry<String, JsonNode> terminal : json.path("terminal").properties()) {
                JsonNode value = terminal.getValue();
                String target = ClassValidation.text(value.get("targetNode"));
                if ("in".equals(ClassValidation.text(value.get("type")))) {
                    ins.add(target);
                } else {
                    List<String> condition = new ArrayList<>();
                    value.path("condition").values().forEach(c -> condition.add(ClassValidation.text(c)));
                    outs.add(new Out(target, condition, ClassValidation.text(value.get("case"))));
                }
            }
            graph.nodes.put(entry.getKey(), new Node(entry.getKey(), ClassValidation.text(json.get("type")), json, ins, outs));
        }
        return graph;
    }

    Node node(String name) {
        return nodes.get(name);
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    private static int number(String nodeName) {
        try {
            return Integer.parseInt(nodeName.substring(nodeName.indexOf('-') + 1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
