package dev.jita.conductor;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.StatusTable;
import dev.jita.basic.BasicMenus;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.execution.Executions;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.MenuService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conductor instances: execute a class (now or at a scheduled time, with per-run conductor_data), the status
 * of an instance with every node, cancel of a reservation, emergency stop, release of a pause, and the input
 * and result data of its movements. Every change passes the maintenance gate; the conductor backyard
 * ({@link ConductorSteps}) advances the instances.
 */
@Service
public class ConductorInstances {

    private static final Logger log = LoggerFactory.getLogger(ConductorInstances.class);
    private static final String INVALID = "499-00814";
    private static final StatusTable TABLE = Backyard.CONDUCTOR_SYNCHRONIZE.statusTable();
    /** conductor_data that is not a whole class may change only these fields of nodes. */
    private static final List<String> NODE_FIELDS = List.of("note", "operation_id", "call_conductor_id");

    /** An instance with its item's status and times. */
    public record Listed(ConductorInstance instance, int statusId, Instant registeredAt, Instant startedAt,
                         Instant endedAt, String note) {
    }

    private final ConductorInstanceStore store;
    private final ConductorClasses classes;
    private final ClassValidation validation;
    private final BackyardItems items;
    private final Executions executions;
    private final MaintenanceGate gate;
    private final JsonBody body;
    private final ObjectMapper json;
    private final ObjectProvider<MenuService> menus;
    private final ConductorNotices notices;

    ConductorInstances(ConductorInstanceStore store, ConductorClasses classes, ClassValidation validation,
                       BackyardItems items, Executions executions, MaintenanceGate gate, JsonBody body,
                       ObjectMapper json, ObjectProvider<MenuService> menus, ConductorNotices notices) {
        this.store = store;
        this.classes = classes;
        this.validation = validation;
        this.items = items;
        this.executions = executions;
        this.gate = gate;
        this.body = body;
        this.json = json;
        this.menus = menus;
        this.notices = notices;
    }

    /**
     * Registers an instance of {@code {conductor_class_name, operation_name}} or {@code {conductor_class_id,
     * operation_id}}, with an optional {@code schedule_date} and {@code conductor_data}; returns its id.
     */
    public String execute(String organizationId, String workspaceId, String user, String raw) {
        return gate.write(Refusal.CONDUCTOR_EXECUTE, () -> {
            JsonNode request = body.object(raw, ConductorClasses.MAX_BYTES);
            Map<String, List<String>> reasons = new TreeMap<>();
            Optional<ConductorClass> conductorClass = byIdOrName(request, "conductor_class_id", "conductor_class_name",
                    reasons, (id, name) -> classes.all(organizationId, workspaceId).stream()
                            .filter(c -> id != null ? c.id().equals(id) : c.name().equals(name)).findFirst());
            Optional<MenuService.Record> operation = byIdOrName(request, "operation_id", "operation_name", reasons,
                    (id, name) -> operations(organizationId, workspaceId).stream()
                            .filter(r -> id != null ? r.id().equals(id) : name.equals(r.parameter().get("operation_name")))
                            .findFirst());
            Instant notBefore = Executions.schedule(request, reasons);
            ObjectNode setting = conductorClass.map(c -> (ObjectNode) json.readTree(c.setting())).orElse(null);
            JsonNode data = request.get("conductor_data");
            if (setting != null && data != null && !data.isNull()) {
                apply(organizationId, workspaceId, conductorClass.get().id(), setting, data, reasons);
            }
            if (!reasons.isEmpty()) {
                throw invalid(reasons);
            }
            String id = create(organizationId, workspaceId, user, conductorClass.get(), setting, operation.get().id(),
                    operationName(operation.get()), null, null, notBefore);
            statusChanged(store.find(id).orElseThrow(), notBefore == null ? TABLE.waiting() : TABLE.scheduled());
            return id;
        });
    }

    private interface Lookup<T> {
        Optional<T> find(String id, String name);
    }

    private static <T> Optional<T> byIdOrName(JsonNode request, String idField, String nameField,
                                              Map<String, List<String>> reasons, Lookup<T> lookup) {
        String id = text(request, idField, reasons);
        String name = text(request, nameField, reasons);
        if (id == null && name == null) {
            if (!reasons.containsKey(idField) && !reasons.containsKey(nameField)) {
                Executions.reason(reasons, nameField, "required (or " + idField + ")");
            }
            return Optional.empty();
        }
        Optional<T> found = lookup.find(id, name);
        if (found.isEmpty()) {
            Executions.reason(reasons, id != null ? idField : nameField,
                    "no such record: \"" + (id != null ? id : name) + "\"");
        }
        return found;
    }

    private static String text(JsonNode request, String field, Map<String, List<String>> reasons) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            return null;
        }
        if (!node.isString()) {
            Executions.reason(reasons, field, "must be a string");
            return null;
        }
        return node.stringValue();
    }

    /**
     * conductor_data with as many keys as the class replaces the class's keys; any other only sets the notes,
     * operations and called classes of the nodes it names. The result must be a valid class.
     */
    private void apply(String organizationId, String workspaceId, String classId, ObjectNode setting, JsonNode data,
                       Map<String, List<String>> reasons) {
        if (!data.isObject()) {
            Executions.reason(reasons, "conductor_data", "must be an object");
            return;
        }
        if (data.size() == setting.size()) {
            data.properties().forEach(e -> setting.set(e.getKey(), e.getValue().deepCopy()));
        } else {
            for (Map.Entry<String, JsonNode> entry : data.properties()) {
                JsonNode node = setting.get(entry.getKey());
                if (!entry.getKey().startsWith("node-") || node == null || !node.isObject() || !entry.getValue().isObject()) {
                    Executions.reason(reasons, "conductor_data", entry.getKey() + ": not a node of the class");
                    continue;
                }
                ObjectNode target = (ObjectNode) node;
                for (String field : NODE_FIELDS) {
                    if (entry.getValue().has(field)) {
                        target.set(field, entry.getValue().get(field).deepCopy());
                        if (field.endsWith("_id")) {
                            // The id now decides: the name is filled from it by the validation.
                            target.remove(field.replace("_id", "_name"));
                        }
                    }
                }
            }
        }
        validation.check(organizationId, workspaceId, setting, classId).forEach((key, list) ->
                list.forEach(reason -> Executions.reason(reasons, "conductor_data", key + ": " + reason)));
    }

    /** Starts the instance a call node runs: the called class as it is now, on the node's operation. */
    String startChild(ConductorInstance parent, ConductorClass called, String operationId) {
        String operationName = operations(parent.organizationId(), parent.workspaceId()).stream()
                .filter(r -> r.id().equals(operationId)).findFirst().map(ConductorInstances::operationName)
                .orElse(null);
        String id = create(parent.organizationId(), parent.workspaceId(), parent.executionUser(), called,
                (ObjectNode) json.readTree(called.setting()), operationId, operationName, parent.id(), parent.topId(),
                null);
        statusChanged(store.find(id).orElseThrow(), TABLE.waiting());
        return id;
    }

    private String create(String organizationId, String workspaceId, String user, ConductorClass conductorClass,
                          ObjectNode setting, String operationId, String operationName, String parentId, String topId,
                          Instant notBefore) {
        String id = items.register(Backyard.CONDUCTOR_SYNCHRONIZE, organizationId, workspaceId, user, notBefore, null,
                "conductor_class:" + conductorClass.id());
        ConductorInstance instance = new ConductorInstance(id, organizationId, workspaceId, conductorClass.id(),
                conductorClass.name(), json.writeValueAsString(setting), operationId, operationName, user, parentId,
                topId == null ? id : topId, false, notBefore);
        List<NodeInstance> nodes = new ArrayList<>();
        for (ClassGraph.Node node : ClassGraph.of(setting).nodes()) {
            nodes.add(new NodeInstance(UUID.randomUUID().toString(), id, node.name(), node.type(),
                    node.field("orchestra_id"), null, NodeStatus.UNEXECUTED, null, false,
                    "1".equals(node.field("skip_flag")), "end".equals(node.type()) ? node.field("end_type") : null,
                    null, null, null));
        }
        store.insert(instance, nodes);
        return id;
    }

    /** Every status change of an instance, in the changing transaction: logged, and its class's notices queued. */
    void statusChanged(ConductorInstance instance, int statusId) {
        log.info("Conductor instance {} ({}): {}", instance.id(), instance.conductorName(), TABLE.name(statusId, false));
        JsonNode noticeInfo = json.readTree(instance.classSettings()).path("conductor").get("notice_info");
        if (noticeInfo == null || !noticeInfo.isObject() || noticeInfo.isEmpty()) {
            return;
        }
        BackyardItems.Item item = items.find(instance.id()).orElseThrow();
        Instant now = Times.now();
        Instant started = item.startedAt() == null && TABLE.isRunning(statusId) ? now : item.startedAt();
        notices.queue(new NoticeEvent(instance.organizationId(), instance.workspaceId(), instance.id(),
                instance.classId(), instance.conductorName(), instance.operationId(), instance.operationName(), statusId,
                instance.executionUser(), item.registeredAt(), started, TABLE.isEnd(statusId) ? now : null, noticeInfo,
                instance.parentId(), nameOf(instance.parentId()), instance.topId(), nameOf(instance.topId()),
                instance.abort(), instance.timeBook(), item.note()));
    }

    private String nameOf(String instanceId) {
        return instanceId == null ? null : store.find(instanceId).map(ConductorInstance::conductorName).orElse(null);
    }

    /** Unexecuted (schedule) → Schedule cancellation; 499-00808 from any other status. */
    public void cancel(String organizationId, String workspaceId, String id) {
        gate.run(Refusal.CANCEL_RESERVATION, () -> {
            ConductorInstance instance = existing(organizationId, workspaceId, id);
            if (!items.cancelScheduled(id)) {
                throw new ApiException("499-00808", "conductor.not_scheduled", id);
            }
            statusChanged(instance, TABLE.scheduleCancelled());
        });
    }

    /**
     * Emergency stop of a running instance (3, 4 or 5) and every instance it called: the movements they run
     * are stopped in their drivers now; the instances end in Emergency stop at their next step.
     */
    public void scram(String organizationId, String workspaceId, String id) {
        gate.run(Refusal.EMERGENCY_STOP, () -> {
            existing(organizationId, workspaceId, id);
            ConductorInstance instance = store.lock(id).orElseThrow();
            if (!items.find(id).map(BackyardItems.Item::running).orElse(false)) {
                throw new ApiException("499-00809", "conductor.not_running", id);
            }
            if (instance.abort()) {
                throw new ApiException("499-00810", "conductor.already_stopping", id);
            }
            abortTree(id);
        });
    }

    /** Marks an instance and those it called for an emergency stop, stopping their running movements now. */
    void abortTree(String id) {
        store.abort(id);
        for (NodeInstance node : store.nodes(id)) {
            if (node.executionId() != null && "movement".equals(node.nodeType()) && NodeStatus.isActive(node.statusId())) {
                executions.stop(node.executionId(), "Emergency stop of conductor instance " + id);
            }
        }
        store.children(id).forEach(child -> abortTree(child.id()));
    }

    /** Releases a pause node that holds its instance (11 → 3): the instance goes on at its next step. */
    public void release(String organizationId, String workspaceId, String id, String nodeInstanceId) {
        gate.run(Refusal.RELEASE_PAUSE, () -> {
            existing(organizationId, workspaceId, id);
            store.lock(id);
            NodeInstance node = store.nodes(id).stream().filter(n -> n.id().equals(nodeInstanceId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("conductor.node_not_found", nodeInstanceId));
            if (!"pause".equals(node.nodeType())) {
                throw new ApiException("499-00811", "conductor.not_pause", nodeInstanceId);
            }
            if (node.released()) {
                throw new ApiException("499-00812", "conductor.already_released", nodeInstanceId);
            }
            if (node.statusId() != NodeStatus.ON_HOLD) {
                throw new ApiException("499-00813", "conductor.not_on_hold", nodeInstanceId);
            }
            store.update(node.releasedNow().withStatus(NodeStatus.EXECUTING, Times.now()));
        });
    }

    /** The instance, when it belongs to this workspace; 404 otherwise, so ids of others reveal nothing. */
    public ConductorInstance existing(String organizationId, String workspaceId, String id) {
        return store.find(id).filter(i -> i.organizationId().equals(organizationId) && i.workspaceId().equals(workspaceId))
                .orElseThrow(() -> ApiException.notFound("conductor.instance_not_found", id));
    }

    public Listed listed(ConductorInstance instance) {
        BackyardItems.Item item = items.find(instance.id()).orElseThrow();
        return new Listed(instance, item.statusId(), item.registeredAt(), item.startedAt(), item.endedAt(), item.note());
    }

    /** The workspace's instances, oldest first. */
    public List<Listed> list(String organizationId, String workspaceId) {
        Map<String, BackyardItems.Item> byId = new TreeMap<>();
        items.list(Backyard.CONDUCTOR_SYNCHRONIZE, organizationId, workspaceId).forEach(i -> byId.put(i.itemId(), i));
        List<Listed> listed = new ArrayList<>();
        for (ConductorInstance instance : store.list(organizationId, workspaceId)) {
            BackyardItems.Item item = byId.get(instance.id());
            if (item != null) {
                listed.add(new Listed(instance, item.statusId(), item.registeredAt(), item.startedAt(), item.endedAt(),
                        item.note()));
            }
        }
        listed.sort((a, b) -> a.registeredAt().equals(b.registeredAt())
                ? a.instance().id().compareTo(b.instance().id()) : a.registeredAt().compareTo(b.registeredAt()));
        return listed;
    }

    public List<NodeInstance> nodes(String organizationId, String workspaceId, String id) {
        existing(organizationId, workspaceId, id);
        return store.nodes(id);
    }

    /** Every node of every instance of the workspace. */
    public List<NodeInstance> allNodes(String organizationId, String workspaceId) {
        return store.nodesOf(organizationId, workspaceId);
    }

    /**
     * The conductor_confirmation answer: the instance's class as it runs ({@code conductor_class}), the
     * instance ({@code conductor}) and every node ({@code node}) with its status, times and a link to its
     * driver execution (or called instance).
     */
    public Map<String, Object> confirmation(String organizationId, String workspaceId, String id, boolean japanese) {
        Listed listed = listed(existing(organizationId, workspaceId, id));
        ConductorInstance instance = listed.instance();
        Map<String, Object> conductor = new LinkedHashMap<>();
        conductor.put("conductor_instance_id", instance.id());
        conductor.put("conductor_class_id", instance.classId());
        conductor.put("conductor_name", instance.conductorName());
        conductor.put("status_id", String.valueOf(listed.statusId()));
        conductor.put("status", statusName(listed.statusId(), japanese));
        conductor.put("abort_execute_flag", instance.abort() ? "1" : "0");
        conductor.put("operation_id", instance.operationId());
        conductor.put("operation_name", instance.operationName());
        conductor.put("execution_user", instance.executionUser());
        conductor.put("parent_conductor_instance_id", instance.parentId());
        conductor.put("top_conductor_instance_id", instance.topId());
        conductor.put("time_register", Times.micros(listed.registeredAt()));
        conductor.put("time_book", Times.micros(instance.timeBook()));
        conductor.put("time_start", Times.micros(listed.startedAt()));
        conductor.put("time_end", Times.micros(listed.endedAt()));
        conductor.put("execution_log", listed.note());
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (NodeInstance node : store.nodes(id)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("node_instance_id", node.id());
            view.put("node_type", node.nodeType());
            view.put("status_id", String.valueOf(node.statusId()));
            view.put("status", nodeStatusName(node.statusId(), japanese));
            view.put("status_file", node.statusFile());
            view.put("skip", node.skip() ? "1" : "0");
            view.put("released_flag", node.released() ? "1" : "0");
            view.put("end_type", node.endType());
            view.put("time_start", Times.micros(node.timeStart()));
            view.put("time_end", Times.micros(node.timeEnd()));
            view.put("note", node.note());
            view.put("jump", executionMenu(node).map(menu -> Map.of("menu_id", menu, "execution_id", node.executionId()))
                    .orElse(null));
            nodes.put(node.nodeName(), view);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conductor_class", json.readTree(instance.classSettings()));
        data.put("conductor", conductor);
        data.put("node", nodes);
        return data;
    }

    /**
     * The notices an instance's status changes queued, oldest first: notice name, the status it was for,
     * its state (pending, sending, sent, failed), attempts, last error (never a header) and times.
     */
    public List<Map<String, Object>> notices(String organizationId, String workspaceId, String id) {
        existing(organizationId, workspaceId, id);
        return notices.deliveries(organizationId, workspaceId, id).stream().map(delivery -> {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("notice_name", delivery.noticeName());
            notice.put("status_id", String.valueOf(delivery.statusId()));
            notice.put("state", delivery.state());
            notice.put("attempts", delivery.attempts());
            notice.put("last_error", delivery.lastError());
            notice.put("queued_at", Times.micros(delivery.queuedAt()));
            notice.put("ended_at", Times.micros(delivery.endedAt()));
            return notice;
        }).toList();
    }

    /** The driver menu where a node's execution is shown, for the status page's links. */
    public Optional<String> executionMenu(NodeInstance node) {
        if (node.executionId() == null) {
            return Optional.empty();
        }
        if ("call".equals(node.nodeType())) {
            return Optional.of("conductor_confirmation");
        }
        return executions.find(node.executionId()).map(execution -> "check_operation_status_" + execution.driver());
    }

    public static String statusName(int statusId, boolean japanese) {
        return TABLE.name(statusId, japanese);
    }

    public static String nodeStatusName(int statusId, boolean japanese) {
        return NodeStatus.name(statusId, japanese);
    }

    /**
     * {@code InputData_Conductor_<id>.zip} or {@code ResultData_Conductor_<id>.zip} in base64: the instance's
     * class and, per movement, the input (or result) data its driver kept; a movement whose driver keeps no
     * result zip contributes its logs and produced files.
     */
    public Map<String, String> data(String organizationId, String workspaceId, String id, boolean input) {
        ConductorInstance instance = existing(organizationId, workspaceId, id);
        String prefix = input ? "InputData" : "ResultData";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("conductor_class.json", instance.classSettings().getBytes(StandardCharsets.UTF_8));
        for (NodeInstance node : store.nodes(id)) {
            if (!"movement".equals(node.nodeType()) || node.executionId() == null) {
                continue;
            }
            executions.outputs(node.executionId()).ifPresent(outputs -> {
                String kept = prefix + "_" + node.executionId() + ".zip";
                if (outputs.files().containsKey(kept)) {
                    entries.put(kept, outputs.files().get(kept));
                } else if (!input) {
                    Map<String, byte[]> result = new LinkedHashMap<>();
                    outputs.logs().forEach((name, text) -> result.put(name + ".log", text.getBytes(StandardCharsets.UTF_8)));
                    outputs.files().forEach((name, content) -> {
                        if (!name.startsWith("InputData_")) {
                            result.put(name, content);
                        }
                    });
                    entries.put(kept, zip(result));
                }
            });
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("file_name", prefix + "_Conductor_" + id + ".zip");
        answer.put("file_data", Base64.getEncoder().encodeToString(zip(entries)));
        return answer;
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private List<MenuService.Record> operations(String organizationId, String workspaceId) {
        return menus.getObject().records(organizationId, workspaceId, BasicMenus.OPERATIONS, false).stream()
                .filter(r -> !r.discarded()).toList();
    }

    private static String operationName(MenuService.Record operation) {
        return String.valueOf(operation.parameter().get("operation_name"));
    }

    private ApiException invalid(Map<String, List<String>> reasons) {
        return new ApiException(INVALID, "conductor.execute_invalid", json.writeValueAsString(reasons))
                .withData(Map.of("errors", reasons));
    }
}
