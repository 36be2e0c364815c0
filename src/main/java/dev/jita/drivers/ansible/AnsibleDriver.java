package dev.jita.drivers.ansible;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.MenuService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What users do with Ansible executions: register them (run or dry run, now or at a scheduled time),
 * request an emergency stop, cancel a reservation. Every change passes the maintenance gate, which answers
 * load mode before the request is even read.
 */
@Service
class AnsibleDriver {

    static final String MOVEMENTS = "movement_list_ansible_legacy";
    static final String OPERATIONS = "operation_list";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ObjectMapper mapper;
    private final MenuService menus;
    private final BackyardItems items;
    private final AnsibleExecutions executions;

    AnsibleDriver(MaintenanceGate gate, JsonBody json, ObjectMapper mapper, MenuService menus, BackyardItems items,
                  AnsibleExecutions executions) {
        this.gate = gate;
        this.json = json;
        this.mapper = mapper;
        this.menus = menus;
        this.items = items;
        this.executions = executions;
    }

    /** Registers an execution of {@code {"movement_name", "operation_name", "schedule_date"}}; returns its id. */
    String register(String organizationId, String workspaceId, String user, String raw, boolean dryRun) {
        return gate.write(dryRun ? Refusal.DRIVER_DRY_RUN : Refusal.DRIVER_EXECUTE, () -> {
            JsonNode body = json.object(raw);
            Map<String, List<String>> reasons = new TreeMap<>();
            String movementName = name(body, "movement_name", reasons);
            String operationName = name(body, "operation_name", reasons);
            Instant notBefore = schedule(body, reasons);
            Optional<MenuService.Record> movement = active(organizationId, workspaceId, MOVEMENTS, "movement_name",
                    movementName, reasons);
            Optional<MenuService.Record> operation = active(organizationId, workspaceId, OPERATIONS, "operation_name",
                    operationName, reasons);
            if (!reasons.isEmpty()) {
                throw new ApiException("499-00201", "ansible.invalid", mapper.writeValueAsString(reasons))
                        .withData(Map.of("errors", reasons));
            }
            String id = items.register(Backyard.ANSIBLE_EXECUTE, organizationId, workspaceId, user, notBefore);
            executions.insert(id, organizationId, workspaceId,
                    dryRun ? AnsibleExecutions.DRY_RUN : AnsibleExecutions.RUN, movement.orElseThrow().id(),
                    movementName, operation.orElseThrow().id(), operationName, user);
            return id;
        });
    }

    /** Asks the node that runs the execution to kill it; only a running execution can be stopped. */
    void scram(String organizationId, String workspaceId, String id) {
        gate.run(Refusal.EMERGENCY_STOP, () -> {
            existing(organizationId, workspaceId, id);
            if (!items.find(id).map(item -> item.phase().equals("R")).orElse(false)) {
                throw new ApiException("499-00201", "ansible.not_running", id);
            }
            executions.requestScram(id);
        });
    }

    void cancel(String organizationId, String workspaceId, String id) {
        gate.run(Refusal.CANCEL_RESERVATION, () -> {
            existing(organizationId, workspaceId, id);
            if (!executions.cancelReservation(id)) {
                throw new ApiException("499-00201", "ansible.not_scheduled", id);
            }
        });
    }

    /** The execution, when it belongs to this workspace; 404 otherwise, so ids of others reveal nothing. */
    AnsibleExecutions.Execution existing(String organizationId, String workspaceId, String id) {
        return executions.find(id)
                .filter(e -> e.organizationId().equals(organizationId) && e.workspaceId().equals(workspaceId))
                .orElseThrow(() -> ApiException.notFound("ansible.execution_not_found", id));
    }

    private static String name(JsonNode body, String field, Map<String, List<String>> reasons) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            reason(reasons, field, "required");
            return null;
        }
        if (!node.isString()) {
            reason(reasons, field, "must be a string");
            return null;
        }
        return node.stringValue();
    }

    /** The schedule is UTC, like every time jita shows; it must lie in the future. */
    private static Instant schedule(JsonNode body, Map<String, List<String>> reasons) {
        JsonNode node = body.get("schedule_date");
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            return null;
        }
        if (!node.isString()) {
            reason(reasons, "schedule_date", "must be a string");
            return null;
        }
        String text = node.stringValue().trim();
        Instant at;
        try {
            at = LocalDateTime.parse(text, text.length() > 16 ? SECONDS : MINUTES).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            reason(reasons, "schedule_date", "a date and time as YYYY/MM/DD hh:mm (UTC)");
            return null;
        }
        if (!at.isAfter(Times.now())) {
            reason(reasons, "schedule_date", "must be in the future");
            return null;
        }
        return at;
    }

    /** The record that is not discarded and has this name, or a reason why there is none. */
    private Optional<MenuService.Record> active(String organizationId, String workspaceId, String menu, String column,
                                                String value, Map<String, List<String>> reasons) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<MenuService.Record> record = menus.records(organizationId, workspaceId, menu, false).stream()
                .filter(r -> !r.discarded() && value.equals(r.parameter().get(column))).findFirst();
        if (record.isEmpty()) {
            reason(reasons, column, "no " + column + " \"" + value + "\" in " + menu);
        }
        return record;
    }

    private static void reason(Map<String, List<String>> reasons, String field, String reason) {
        reasons.computeIfAbsent(field, k -> new ArrayList<>()).add(reason);
    }
}
