package dev.jita.conductor;

import dev.jita.basic.BasicMenus;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a class JSON against every rule of the spec and completes it: movements, operations and called
 * classes given by id or by name get both (the id is what counts later), end nodes get their default end
 * type. The reasons are keyed by the part they are about: a node ("node-2"), an edge ("line-1"), "config",
 * "conductor", or a key that has no place in a class.
 */
@Component
class ClassValidation {

    static final int NOTE_LENGTH = 4000;
    static final int NAME_LENGTH = 255;
    private static final Pattern NODE_KEY = Pattern.compile("node-\\d+");
    private static final Pattern LINE_KEY = Pattern.compile("line-\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> TYPES = Set.of("start", "end", "movement", "call", "parallel-branch", "merge",
            "pause", "conditional-branch", "status-file-branch");
    private static final Set<String> BRANCHES = Set.of("conditional-branch", "status-file-branch");
    /** Node status ids a conditional branch may test (9 and 10 are unused), and its "otherwise". */
    private static final Set<String> NODE_STATUSES = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "11", "12", "13", "14");
    private static final Set<String> OTHERWISE = Set.of("9999", "__else__");
    private static final Set<String> INSTANCE_STATUSES = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    private static final Set<String> END_TYPES = Set.of("6", "7", "8");

    /** An orchestra of the class JSON: its movement menu, or null where jita has no such driver. */
    record Orchestra(String id, String name, String movementMenu) {
    }

    static final List<Orchestra> ORCHESTRAS = List.of(
            new Orchestra("1", "Ansible Legacy", "movement_list_ansible_legacy"),
            new Orchestra("2", "Ansible Pioneer", null),
            new Orchestra("3", "Ansible Legacy Role", null),
            new Orchestra("4", "Terraform Cloud/EP", "movement_list_terraform_cloud_ep"),
            new Orchestra("5", "Terraform CLI", "movement_list_terraform_cli"));

    /** Lazily: the class list is a menu itself, so the menu engine is built after this module's beans. */
    private final ObjectProvider<MenuService> menus;
    private final ObjectProvider<MenuCatalog> catalog;
    private final ConductorClassStore store;
    private final ObjectMapper json;

    ClassValidation(ObjectProvider<MenuService> menus, ObjectProvider<MenuCatalog> catalog, ConductorClassStore store,
                    ObjectMapper json) {
        this.menus = menus;
        this.catalog = catalog;
        this.store = store;
        this.json = json;
    }

    /** The orchestras whose movements the organization has. */
    List<Orchestra> installed(String organizationId) {
        return ORCHESTRAS.stream().filter(o -> o.movementMenu() != null
                && catalog.getObject().find(organizationId, o.movementMenu()).isPresent()).toList();
    }

    /**
     * The reasons the class cannot be stored (empty when it can), completing {@code setting} in place.
     *
     * @param ownId the id of the class being updated, null for a new one
     */
    Map<String, List<String>> check(String organizationId, String workspaceId, ObjectNode setting, String ownId) {
        return new Run(organizationId, workspaceId, setting, ownId).check();
    }

    /** One check: the workspace's records are read once each. */
    private final class Run {
        private final String organizationId;
        private final String workspaceId;
        private final ObjectNode setting;
        private final String ownId;
        private final Map<String, List<String>> reasons = new TreeMap<>();
        private final Map<String, ObjectNode> nodes = new LinkedHashMap<>();
        private final Map<String, ObjectNode> lines = new LinkedHashMap<>();
        private final Map<String, List<MenuService.Record>> records = new HashMap<>();
        private List<ConductorClass> classes;

        Run(String organizationId, String workspaceId, ObjectNode setting, String ownId) {
            this.organizationId = organizationId;
            this.workspaceId = workspaceId;
            this.setting = setting;
            this.ownId = ownId;
        }

        Map<String, List<String>> check() {
            for (Map.Entry<String, JsonNode> entry : setting.properties()) {
                String key = entry.getKey();
                boolean node = NODE_KEY.matcher(key).matches();
                if (!node && !LINE_KEY.matcher(key).matches() && !key.equals("config") && !key.equals("conductor")) {
                    add(key, "not a key of a class: only config, conductor, node-N and line-N");
                } else if (!entry.getValue().isObject()) {
                    add(key, "must be an object");
                } else if (node) {
                    nodes.put(key, (ObjectNode) entry.getValue());
                } else if (LINE_KEY.matcher(key).matches()) {
                    lines.put(key, (ObjectNode) entry.getValue());
                }
            }
            config(setting.get("config"));
            conductor(setting.get("conductor"));
            if (nodes.isEmpty()) {
                add("node", "a class needs at least one node");
            }
            if (lines.isEmpty()) {
                add("line", "a class needs at least one edge");
            }
            List<String> starts = nodes.entrySet().stream()
                    .filter(e -> "start".equals(text(e.getValue().get("type")))).map(Map.Entry::getKey).toList();
            if (starts.isEmpty() && !nodes.isEmpty()) {
                add("node", "a class needs one start node");
            }
            if (starts.size() > 1) {
                starts.forEach(key -> add(key, "a class has one start node, not " + starts.size() + " (" + String.join(", ", starts) + ")"));
            }
            nodes.forEach(this::node);
            lines.forEach(this::line);
            return reasons;
        }

        private void config(JsonNode config) {
            if (config == null || !config.isObject()) {
                if (config == null) {
                    add("config", "required");
                }
                return;
            }
            for (String field : List.of("nodeNumber", "terminalNumber", "edgeNumber")) {
                String value = text(config.get(field));
                if (value == null || !value.matches("\\d{1,9}")) {
                    add("config", field + ": a number of 0 or more is required");
                }
            }
            JsonNode version = config.get("editorVersion");
            if (version != null && !version.isNull() && !version.isString() && !version.isNumber()) {
                add("config", "editorVersion: must be a string");
            }
        }

        private void conductor(JsonNode conductor) {
            if (conductor == null || !conductor.isObject()) {
                if (conductor == null) {
                    add("conductor", "required");
                }
                return;
            }
            JsonNode name = conductor.get("conductor_name");
            if (name == null || !name.isString() || name.stringValue().isBlank()) {
                add("conductor", "conductor_name: required");
            } else if (name.stringValue().length() > NAME_LENGTH) {
                add("conductor", "conductor_name: at most " + NAME_LENGTH + " characters");
            }
            note("conductor", conductor);
            JsonNode notices = conductor.get("notice_info");
            if (notices != null && !notices.isNull()) {
                if (!notices.isObject()) {
                    add("conductor", "notice_info: must be an object of notice names and conductor status ids");
                    return;
                }
                for (Map.Entry<String, JsonNode> notice : notices.properties()) {
                    if (!notice.getValue().isArray() || !notice.getValue().values().stream()
                            .allMatch(s -> INSTANCE_STATUSES.contains(text(s)))) {
                        add("conductor", "notice_info." + notice.getKey() + ": a list of conductor status ids (1 to 11)");
                    }
                    if (active(NoticeDefinitions.MENU).stream()
                            .noneMatch(r -> notice.getKey().equals(r.parameter().get("notice_name")))) {
                        add("conductor", "notice_info." + notice.getKey() + ": no notice \"" + notice.getKey() + "\" in "
                                + NoticeDefinitions.MENU);
                    }
                }
            }
        }

        private void note(String key, JsonNode block) {
            JsonNode note = block.get("note");
            if (note != null && !note.isNull() && (!note.isString() || note.stringValue().length() > NOTE_LENGTH)) {
                add(key, "note: a text of at most " + NOTE_LENGTH + " characters");
            }
        }

        private void node(String key, ObjectNode node) {
            if (!key.equals(text(node.get("id")))) {
                add(key, "id: must be \"" + key + "\", the node's key");
            }
            String type = text(node.get("type"));
            if (type == null || !TYPES.contains(type)) {
                add(key, "type: \"" + type + "\" is not a node type: one of " + String.join(", ", TYPES.stream().sorted().toList()));
            }
            for (String field : List.of("x", "y", "w", "h")) {
                if (!isNumber(node.get(field))) {
                    add(key, field + ": a number is required");
                }
            }
            note(key, node);
            JsonNode terminalBlock = node.get("terminal");
            if (terminalBlock == null || !terminalBlock.isObject()) {
                add(key, "terminal: an object of terminals is required");
                return;
            }
            List<JsonNode> ins = new ArrayList<>();
            List<JsonNode> outs = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : terminalBlock.properties()) {
                JsonNode terminal = entry.getValue();
                if (!terminal.isObject()) {
                    add(key, "terminal." + entry.getKey() + ": must be an object");
                    continue;
                }
                if (terminal(key, entry.getKey(), terminal)) {
                    ("in".equals(text(terminal.get("type"))) ? ins : outs).add(terminal);
                }
            }
            if (type == null || !TYPES.contains(type)) {
                return;
            }
            terminalCounts(key, type, ins.size(), outs.size());
            switch (type) {
                case "end" -> endType(key, node);
                case "movement" -> {
                    movement(key, node);
                    skipFlag(key, node);
                    operation(key, node);
                }
                case "call" -> {
                    call(key, node);
                    skipFlag(key, node);
                    operation(key, node);
                }
                case "conditional-branch" -> conditions(key, outs);
                case "status-file-branch" -> cases(key, outs);
                default -> {
                }
            }
        }

        /** A terminal's own fields and its edge; true when its type is in or out. */
        private boolean terminal(String nodeKey, String terminalKey, JsonNode terminal) {
            String prefix = "terminal." + terminalKey + ".";
            if (!terminalKey.equals(text(terminal.get("id")))) {
                add(nodeKey, prefix + "id: must be \"" + terminalKey + "\", the terminal's key");
            }
            if (!isNumber(terminal.get("x")) || !isNumber(terminal.get("y"))) {
                add(nodeKey, prefix + "x, y: numbers are required");
            }
            String type = text(terminal.get("type"));
            if (!"in".equals(type) && !"out".equals(type)) {
                add(nodeKey, prefix + "type: \"in\" or \"out\"");
                return false;
            }
            String target = text(terminal.get("targetNode"));
            String edge = text(terminal.get("edge"));
            if (target == null || !nodes.containsKey(target)) {
                add(nodeKey, prefix + "targetNode: no node \"" + target + "\"");
                return true;
            }
            ObjectNode line = edge == null ? null : lines.get(edge);
            if (line == null) {
                add(nodeKey, prefix + "edge: no edge \"" + edge + "\"");
                return true;
            }
            boolean out = type.equals("out");
            boolean matches = out
                    ? nodeKey.equals(text(line.get("outNode"))) && terminalKey.equals(text(line.get("outTerminal")))
                            && target.equals(text(line.get("inNode")))
                    : nodeKey.equals(text(line.get("inNode"))) && terminalKey.equals(text(line.get("inTerminal")))
                            && target.equals(text(line.get("outNode")));
            if (!matches) {
                add(nodeKey, prefix + "edge: " + edge + " does not run " + (out ? "from this terminal to " : "to this terminal from ")
                        + target);
            }
            return true;
        }

        private void terminalCounts(String key, String type, int ins, int outs) {
            switch (type) {
                case "start" -> expect(key, type, ins == 0 && outs == 1, "no in terminal and one out terminal");
                case "end" -> expect(key, type, ins == 1 && outs == 0, "one in terminal and no out terminal");
                case "movement", "call", "pause" -> expect(key, type, ins == 1 && outs == 1, "one in and one out terminal");
                case "parallel-branch", "conditional-branch", "status-file-branch" ->
                        expect(key, type, ins == 1 && outs >= 2, "one in terminal and at least two out terminals");
                case "merge" -> expect(key, type, ins >= 2 && outs == 1, "at least two in terminals and one out terminal");
                default -> {
                }
            }
        }

        private void expect(String key, String type, boolean holds, String what) {
            if (!holds) {
                add(key, "terminal: a " + type + " has " + what);
            }
        }

        private void endType(String key, ObjectNode node) {
            String endType = text(node.get("end_type"));
            if (endType == null || endType.isEmpty()) {
                node.put("end_type", "6");
            } else if (!END_TYPES.contains(endType)) {
                add(key, "end_type: \"6\" (normal), \"7\" (abend) or \"8\" (warning)");
            } else {
                node.put("end_type", endType);
            }
        }

        private void skipFlag(String key, ObjectNode node) {
            String flag = text(node.get("skip_flag"));
            if (!"0".equals(flag) && !"1".equals(flag)) {
                add(key, "skip_flag: \"0\" or \"1\" is required");
            } else {
                node.put("skip_flag", flag);
            }
        }

        private void movement(String key, ObjectNode node) {
            String orchestraId = text(node.get("orchestra_id"));
            Optional<Orchestra> orchestra = ORCHESTRAS.stream().filter(o -> o.id().equals(orchestraId)).findFirst();
            if (orchestra.isEmpty()) {
                add(key, "orchestra_id: 1 (Ansible Legacy), 4 (Terraform Cloud/EP) or 5 (Terraform CLI) is required");
                return;
            }
            if (orchestra.get().movementMenu() == null) {
                add(key, "orchestra_id: " + orchestra.get().name() + " is a driver jita does not have");
                return;
            }
            String menu = orchestra.get().movementMenu();
            if (catalog.getObject().find(organizationId, menu).isEmpty()) {
                add(key, "orchestra_id: the organization has no " + orchestra.get().name() + " driver");
                return;
            }
            node.put("orchestra_id", orchestraId);
            resolve(key, node, menu, "movement_id", "movement_name", "movement");
        }

        private void operation(String key, ObjectNode node) {
            if (given(node, "operation_id") != null || given(node, "operation_name") != null) {
                resolve(key, node, BasicMenus.OPERATIONS, "operation_id", "operation_name", "operation");
            }
        }

        /** Finds the active record given by id or name (both must agree) and fills both fields. */
        private void resolve(String key, ObjectNode node, String menu, String idField, String nameField, String what) {
            String id = given(node, idField);
            String name = given(node, nameField);
            if (id == null && name == null) {
                add(key, idField + " or " + nameField + " is required");
                return;
            }
            List<MenuService.Record> active = active(menu);
            Optional<MenuService.Record> found = active.stream().filter(r -> id != null
                    ? r.id().equals(id) : name.equals(r.parameter().get(nameField))).findFirst();
            if (found.isEmpty()) {
                add(key, id != null ? idField + ": no " + what + " \"" + id + "\" in " + menu
                        : nameField + ": no " + what + " \"" + name + "\" in " + menu);
                return;
            }
            Object foundName = found.get().parameter().get(nameField);
            if (id != null && name != null && !name.equals(foundName)) {
                add(key, nameField + ": \"" + name + "\" is not the name of " + idField + " \"" + id + "\"");
                return;
            }
            node.put(idField, found.get().id());
            node.put(nameField, String.valueOf(foundName));
        }

        /** The workspace's active records of a menu, read once per check. */
        private List<MenuService.Record> active(String menu) {
            return records.computeIfAbsent(menu, m -> menus.getObject()
                    .records(organizationId, workspaceId, m, false).stream().filter(r -> !r.discarded()).toList());
        }

        private void call(String key, ObjectNode node) {
            String id = given(node, "call_conductor_id");
            String name = given(node, "call_conductor_name");
            if (id == null && name == null) {
                add(key, "call_conductor_id or call_conductor_name is required");
                return;
            }
            if (classes == null) {
                classes = store.all(organizationId, workspaceId);
            }
            Optional<ConductorClass> called = classes.stream()
                    .filter(c -> id != null ? c.id().equals(id) : c.name().equals(name)).findFirst();
            if (called.isEmpty()) {
                add(key, id != null ? "call_conductor_id: no conductor class \"" + id + "\""
                        : "call_conductor_name: no conductor class \"" + name + "\"");
                return;
            }
            if (id != null && name != null && !name.equals(called.get().name())) {
                add(key, "call_conductor_name: \"" + name + "\" is not the name of call_conductor_id \"" + id + "\"");
                return;
            }
            node.put("call_conductor_id", called.get().id());
            node.put("call_conductor_name", called.get().name());
            List<String> loop = loop(called.get().id());
            if (!loop.isEmpty()) {
                add(key, "call_conductor_name: calling \"" + called.get().name() + "\" makes a loop: " + String.join(" → ", loop));
            }
        }

        /** The names along a path of calls from {@code calledId} back to this class; empty when there is none. */
        private List<String> loop(String calledId) {
            if (ownId == null) {
                return List.of();
            }
            Map<String, ConductorClass> byId = new HashMap<>();
            classes.forEach(c -> byId.put(c.id(), c));
            String ownName = Optional.ofNullable(text(setting.path("conductor").get("conductor_name"))).orElse(ownId);
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(calledId));
            Set<String> seen = new HashSet<>(List.of(calledId));
            while (!queue.isEmpty()) {
                String current = queue.poll();
                if (current.equals(ownId)) {
                    List<String> path = new ArrayList<>();
                    for (String at = current; at != null; at = cameFrom.get(at)) {
                        path.add(0, at.equals(ownId) ? ownName : byId.get(at).name());
                    }
                    path.add(0, ownName);
                    return path;
                }
                ConductorClass stored = byId.get(current);
                if (stored == null) {
                    continue;
                }
                for (String next : calls(stored)) {
                    if (seen.add(next)) {
                        cameFrom.put(next, current);
                        queue.add(next);
                    }
                }
            }
            return List.of();
        }

        /** The classes a stored class calls (stored classes hold the called ids). */
        private List<String> calls(ConductorClass stored) {
            List<String> called = new ArrayList<>();
            for (JsonNode block : json.readTree(stored.setting()).values()) {
                if ("call".equals(text(block.get("type"))) && text(block.get("call_conductor_id")) != null) {
                    called.add(text(block.get("call_conductor_id")));
                }
            }
            return called;
        }

        private void conditions(String key, List<JsonNode> outs) {
            Map<String, Integer> used = new HashMap<>();
            for (JsonNode out : outs) {
                String terminal = text(out.get("id"));
                JsonNode condition = out.get("condition");
                if (condition == null || !condition.isArray() || condition.isEmpty()) {
                    add(key, "terminal." + terminal + ".condition: a list of node status ids, or \"9999\" for otherwise");
                    continue;
                }
                for (JsonNode item : condition.values()) {
                    String status = text(item);
                    if (status == null || (!NODE_STATUSES.contains(status) && !OTHERWISE.contains(status))) {
                        add(key, "terminal." + terminal + ".condition: \"" + status + "\" is not a node status id");
                    } else if (used.merge(OTHERWISE.contains(status) ? "9999" : status, 1, Integer::sum) == 2) {
                        add(key, "terminal." + terminal + ".condition: \"" + status + "\" is in two out terminals");
                    }
                }
            }
        }

        private void cases(String key, List<JsonNode> outs) {
            int elses = 0;
            Set<String> numbers = new HashSet<>();
            for (JsonNode out : outs) {
                String terminal = text(out.get("id"));
                String branchCase = text(out.get("case"));
                if ("else".equals(branchCase)) {
                    elses++;
                    continue;
                }
                if (branchCase == null || !branchCase.matches("[1-9]\\d{0,3}") || !numbers.add(branchCase)) {
                    add(key, "terminal." + terminal + ".case: a number from 1 used once, or \"else\"");
                }
                JsonNode condition = out.get("condition");
                if (condition == null || !condition.isArray() || condition.isEmpty() || !condition.values().stream()
                        .allMatch(c -> c.isString() && !c.stringValue().isEmpty() && c.stringValue().length() <= NAME_LENGTH)) {
                    add(key, "terminal." + terminal + ".condition: a list of texts of at most " + NAME_LENGTH + " characters");
                }
            }
            if (elses != 1) {
                add(key, "terminal: a status-file-branch has one out terminal with case \"else\"");
            }
            for (int i = 1; i <= numbers.size(); i++) {
                if (!numbers.contains(String.valueOf(i))) {
                    add(key, "terminal: the cases are numbered from 1 to " + numbers.size());
                    break;
                }
            }
        }

        private void line(String key, ObjectNode line) {
            if (!key.equals(text(line.get("id")))) {
                add(key, "id: must be \"" + key + "\", the edge's key");
            }
            if (!"edge".equals(text(line.get("type")))) {
                add(key, "type: must be \"edge\"");
            }
            String from = text(line.get("outNode"));
            String to = text(line.get("inNode"));
            ObjectNode source = from == null ? null : nodes.get(from);
            ObjectNode target = to == null ? null : nodes.get(to);
            if (source == null) {
                add(key, "outNode: no node \"" + from + "\"");
            } else {
                lineEnd(key, source, from, text(line.get("outTerminal")), "outTerminal", "out", to);
            }
            if (target == null) {
                add(key, "inNode: no node \"" + to + "\"");
            } else {
                lineEnd(key, target, to, text(line.get("inTerminal")), "inTerminal", "in", from);
            }
            if (source != null && target != null && TYPES.contains(text(source.get("type")))
                    && TYPES.contains(text(target.get("type")))) {
                link(key, from, text(source.get("type")), to, text(target.get("type")));
            }
        }

        /** The edge's terminal at one end: of that node and type, naming the other end and this edge. */
        private void lineEnd(String key, JsonNode node, String nodeKey, String terminalKey, String field, String type,
                             String otherEnd) {
            JsonNode terminal = terminalKey == null ? null : node.path("terminal").get(terminalKey);
            if (terminal == null || !terminal.isObject()) {
                add(key, field + ": " + nodeKey + " has no terminal \"" + terminalKey + "\"");
            } else if (!type.equals(text(terminal.get("type"))) || !key.equals(text(terminal.get("edge")))
                    || otherEnd == null || !otherEnd.equals(text(terminal.get("targetNode")))) {
                add(key, field + ": " + terminalKey + " of " + nodeKey + " is not the " + type + " terminal of this edge");
            }
        }

        /** The spec's allowed links; the reason goes to the node the edge leaves. */
        private void link(String key, String from, String fromType, String to, String toType) {
            String rule = null;
            if ("start".equals(fromType) && !Set.of("movement", "call", "parallel-branch").contains(toType)) {
                rule = "a start leads to a movement, a call or a parallel-branch";
            } else if ("parallel-branch".equals(fromType) && !Set.of("movement", "call").contains(toType)) {
                rule = "a parallel-branch leads to movements or calls";
            } else if (BRANCHES.contains(fromType)
                    && !Set.of("end", "movement", "call", "parallel-branch", "pause").contains(toType)) {
                rule = "a " + fromType + " leads to an end, a movement, a call, a parallel-branch or a pause";
            } else if (BRANCHES.contains(toType) && !Set.of("movement", "call").contains(fromType)) {
                rule = "a " + toType + " comes right after a movement or a call";
            } else if ("merge".equals(toType) && !Set.of("movement", "call", "pause").contains(fromType)) {
                rule = "a merge comes after movements, calls or pauses";
            }
            if (rule != null) {
                add(from, key + " links this " + fromType + " to " + to + ", a " + toType + ": " + rule);
            }
        }

        private void add(String key, String reason) {
            reasons.computeIfAbsent(key, k -> new ArrayList<>()).add(reason);
        }
    }

    /** A field's text, null when absent or empty: the editor sends "" for a choice left open. */
    private static String given(JsonNode node, String field) {
        String value = text(node.get(field));
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isNumber(JsonNode node) {
        return node != null && (node.isNumber() || (node.isString() && NUMBER.matcher(node.stringValue()).matches()));
    }

    /** A scalar as text (ids may come as numbers), null when absent, null or not a scalar. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isIntegralNumber() ? node.asString() : null;
    }
}
