package dev.jita.execution;

import dev.jita.backyard.BackyardItems;
import dev.jita.basic.BasicMenus;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The execution lifecycle, the same for every driver: register (now, at a scheduled time, in any of the
 * driver's modes), cancel a reservation, emergency stop, status with logs and files, the executions of a
 * workspace. Every change passes the maintenance gate.
 */
@Service
public class Executions {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** An execution with its item's status and times, its logs and the names of its files. */
    public record View(Listed listed, String note, Map<String, String> logs) {

        public Execution execution() {
            return listed.execution();
        }

        public ExecutionStatus status() {
            return listed.status();
        }

        public Instant scheduledFor() {
            return listed.scheduledFor();
        }

        public Instant startedAt() {
            return listed.startedAt();
        }

        public Instant endedAt() {
            return listed.endedAt();
        }

        public boolean scramRequested() {
            return listed.scramRequested();
        }

        public List<String> files() {
            return listed.files();
        }
    }

    /** One line of a driver's execution list. */
    public record Listed(Execution execution, ExecutionStatus status, Instant scheduledFor, Instant registeredAt,
                         Instant startedAt, Instant endedAt, Instant lastUpdate, boolean scramRequested,
                         List<String> files) {
    }

    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ObjectMapper mapper;
    /** Lazily: the execution lists are menus themselves, so the menu service is built after this. */
    private final ObjectProvider<MenuService> menus;
    private final BackyardItems items;
    private final ExecutionStore store;
    private final WorkArea workArea;
    private final Sandbox sandbox;
    private final ExecutionProperties properties;
    /** Lazily too: drivers read menus. */
    private final ObjectProvider<ExecutionDriver> drivers;
    private final ObjectProvider<MenuCatalog> catalog;

    Executions(MaintenanceGate gate, JsonBody json, ObjectMapper mapper, ObjectProvider<MenuService> menus, BackyardItems items,
               ExecutionStore store, WorkArea workArea, Sandbox sandbox, ExecutionProperties properties,
               ObjectProvider<ExecutionDriver> drivers, ObjectProvider<MenuCatalog> catalog) {
        this.drivers = drivers;
        this.catalog = catalog;
        this.gate = gate;
        this.json = json;
        this.mapper = mapper;
        this.menus = menus;
        this.items = items;
        this.store = store;
        this.workArea = workArea;
        this.sandbox = sandbox;
        this.properties = properties;
    }

    /** Every driver, e.g. for the web UI. */
    public List<ExecutionDriver> drivers() {
        return drivers.orderedStream().toList();
    }

    /** The driver whose pages are under {@code pagePath}; 404 where there is none. */
    public ExecutionDriver driverOfPage(String pagePath) {
        return drivers.orderedStream().filter(d -> d.pagePath().equals(pagePath)).findFirst()
                .orElseThrow(() -> ApiException.notFound("execution.no_driver", pagePath));
    }

    /** 404 as for an unknown menu where the organization was created without the driver (its movements are hidden). */
    public void requireInstalled(ExecutionDriver driver, String organizationId) {
        if (catalog.getObject().find(organizationId, driver.movementMenu()).isEmpty()) {
            throw ApiException.notFound("menu.not_found", driver.movementMenu());
        }
    }

    /** "operation name\nmovement name", as registered → the driver's execution of them that started last. */
    public Map<String, String> newestStarted(ExecutionDriver driver, String organizationId, String workspaceId) {
        Map<String, String> newest = new HashMap<>();
        started(list(driver, organizationId, workspaceId)).forEach(l -> newest.put(
                l.execution().operationName() + "\n" + l.execution().movementName(), l.execution().id()));
        return newest;
    }

    /** Operation id → when its newest execution of any driver started. */
    Map<String, Instant> lastRuns(String organizationId, String workspaceId) {
        Map<String, Instant> lastRuns = new HashMap<>();
        for (ExecutionDriver driver : drivers()) {
            started(list(driver, organizationId, workspaceId)).forEach(l ->
                    lastRuns.merge(l.execution().operationId(), l.startedAt(), (a, b) -> a.isAfter(b) ? a : b));
        }
        return lastRuns;
    }

    private static List<Listed> started(List<Listed> listed) {
        return listed.stream().filter(l -> l.startedAt() != null && l.execution().operationId() != null)
                .sorted(Comparator.comparing(Listed::startedAt).thenComparing(l -> l.execution().id())).toList();
    }

    /** The job handler that runs the driver's executions on a node that runs its backyard. */
    public JobHandler jobHandler(ExecutionDriver driver) {
        return new ExecutionJob(driver, store, workArea, sandbox, properties);
    }

    /**
     * Registers an execution of {@code {"movement_name", "operation_name", "schedule_date"}} (or of the
     * fields the driver's mode takes instead); returns its id.
     */
    public String register(ExecutionDriver driver, String organizationId, String workspaceId, String user, String raw,
                           RunMode mode) {
        return register(driver, organizationId, workspaceId, user, raw, mode, null, null);
    }

    private String register(ExecutionDriver driver, String organizationId, String workspaceId, String user, String raw,
                            RunMode mode, String conductorInstanceId, String conductorName) {
        if (!driver.modes().contains(mode)) {
            throw new IllegalArgumentException(driver.name() + " has no run mode " + mode);
        }
        return gate.write(mode.refusal(), () -> {
            JsonNode body = json.object(raw);
            Map<String, List<String>> reasons = new TreeMap<>();
            boolean withMovement = mode != RunMode.DESTROY;
            Optional<MenuService.Record> movement = Optional.empty();
            Optional<MenuService.Record> operation = Optional.empty();
            String movementName = null;
            String operationName = null;
            if (withMovement) {
                movementName = requiredText(body, "movement_name", reasons);
                operationName = requiredText(body, "operation_name", reasons);
                movement = active(organizationId, workspaceId, driver.movementMenu(), "movement_name", movementName,
                        reasons);
                operation = active(organizationId, workspaceId, BasicMenus.OPERATIONS, "operation_name", operationName, reasons);
            }
            Instant notBefore = schedule(body, reasons);
            ExecutionDriver.Target target = reasons.containsKey("movement_name") ? null
                    : driver.target(organizationId, workspaceId, mode, body, movement.orElse(null), reasons);
            if (!reasons.isEmpty()) {
                throw new ApiException(driver.codes().invalid(), "execution.invalid", mapper.writeValueAsString(reasons))
                        .withData(Map.of("errors", reasons));
            }
            String id = items.register(driver.backyard(), organizationId, workspaceId, user, notBefore,
                    target.exclusiveKey(), movement.map(m -> "movement:" + m.id() + ":" + mode).orElse(null));
            store.insert(new Execution(id, driver.name(), organizationId, workspaceId, mode,
                    movement.map(MenuService.Record::id).orElse(null), movementName,
                    operation.map(MenuService.Record::id).orElse(null), operationName, target.id(), target.name(),
                    user, conductorInstanceId, conductorName));
            return id;
        });
    }

    /** The driver whose movements are in {@code movementMenu}, where the application has it. */
    public Optional<ExecutionDriver> driverOfMovements(String movementMenu) {
        return drivers.orderedStream().filter(d -> d.movementMenu().equals(movementMenu)).findFirst();
    }

    /**
     * Registers a run of a movement on an operation, both given by id, for a conductor instance (inside the
     * caller's transaction, through the gate): the same checks as {@link #register}, by the records' names.
     */
    public String registerRun(ExecutionDriver driver, String organizationId, String workspaceId, String user,
                              String movementId, String operationId, String conductorInstanceId,
                              String conductorName) {
        Map<String, String> body = new HashMap<>();
        body.put("movement_name", nameOf(organizationId, workspaceId, driver.movementMenu(), movementId, "movement_name"));
        body.put("operation_name", nameOf(organizationId, workspaceId, BasicMenus.OPERATIONS, operationId, "operation_name"));
        return register(driver, organizationId, workspaceId, user, mapper.writeValueAsString(body), RunMode.RUN,
                conductorInstanceId, conductorName);
    }

    private String nameOf(String organizationId, String workspaceId, String menu, String id, String column) {
        return menus.getObject().records(organizationId, workspaceId, menu, false).stream()
                .filter(r -> !r.discarded() && r.id().equals(id)).findFirst()
                .map(r -> String.valueOf(r.parameter().get(column))).orElse(null);
    }

    /** The status of any driver's execution. */
    public Optional<ExecutionStatus> status(String executionId) {
        return items.find(executionId).map(Executions::status);
    }

    /**
     * Stops an execution of any driver without asking the gate (the caller did): a running one through its
     * node, as an emergency stop; one still waiting to be taken ends in Emergency stop at once.
     */
    public void stop(String executionId, String why) {
        if (!items.endWaiting(executionId, ExecutionStatus.EMERGENCY_STOP.id(), why)
                && items.find(executionId).map(BackyardItems.Item::running).orElse(false)) {
            store.requestScram(executionId);
        }
    }

    /** An execution of any driver, as registered. */
    public Optional<Execution> find(String executionId) {
        return store.find(executionId);
    }

    /** One file an execution of any driver kept, read alone. */
    public Optional<byte[]> keptFile(String executionId, String fileName) {
        return store.file(executionId, fileName);
    }

    /** An execution's logs by name and its kept files by name, whatever its driver. */
    public record Outputs(Execution execution, Map<String, String> logs, Map<String, byte[]> files) {
    }

    public Optional<Outputs> outputs(String executionId) {
        return store.find(executionId).map(execution -> {
            Map<String, byte[]> files = new TreeMap<>();
            store.fileNames(executionId).forEach(name -> store.file(executionId, name).ifPresent(c -> files.put(name, c)));
            return new Outputs(execution, store.logs(executionId), files);
        });
    }

    /** Asks the node that runs the execution to stop it; only a running execution can be stopped. */
    public void scram(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        gate.run(Refusal.EMERGENCY_STOP, () -> {
            existing(driver, organizationId, workspaceId, id);
            if (!items.find(id).map(BackyardItems.Item::running).orElse(false)) {
                throw new ApiException(driver.codes().notRunning(), "execution.not_running", id);
            }
            store.requestScram(id);
        });
    }

    public void cancel(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        gate.run(Refusal.CANCEL_RESERVATION, () -> {
            existing(driver, organizationId, workspaceId, id);
            if (!items.cancelScheduled(id)) {
                throw new ApiException(driver.codes().notScheduled(), "execution.not_scheduled", id);
            }
        });
    }

    /** The execution, when it is the driver's and belongs to this workspace; 404 otherwise, so ids of others reveal nothing. */
    public Execution existing(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        return store.find(id)
                .filter(e -> e.driver().equals(driver.name()) && e.organizationId().equals(organizationId)
                        && e.workspaceId().equals(workspaceId))
                .orElseThrow(() -> ApiException.notFound("execution.not_found", id));
    }

    public View view(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        Execution execution = existing(driver, organizationId, workspaceId, id);
        BackyardItems.Item item = items.find(id).orElseThrow(() -> ApiException.notFound("execution.not_found", id));
        return new View(listed(execution, item, store.scramRequested(id), store.fileNames(id)), item.note(),
                store.logs(id));
    }

    /** The variable values the execution was given when it started (sensitive ones masked). */
    public List<ExecutionValue> values(ExecutionDriver driver, String organizationId, String workspaceId, String id) {
        existing(driver, organizationId, workspaceId, id);
        return store.values(id);
    }

    public Optional<byte[]> file(ExecutionDriver driver, String organizationId, String workspaceId, String id,
                                 String fileName) {
        existing(driver, organizationId, workspaceId, id);
        return store.file(id, fileName);
    }

    /** The driver's executions in a workspace, oldest first. */
    public List<Listed> list(ExecutionDriver driver, String organizationId, String workspaceId) {
        Map<Execution, Boolean> executions = store.list(driver.name(), organizationId, workspaceId);
        Map<String, BackyardItems.Item> byId = new TreeMap<>();
        items.list(driver.backyard(), organizationId, workspaceId).forEach(item -> byId.put(item.itemId(), item));
        List<Listed> listed = new ArrayList<>();
        Map<String, List<String>> files = store.fileNames(driver.name(), organizationId, workspaceId);
        executions.forEach((execution, scram) -> {
            BackyardItems.Item item = byId.get(execution.id());
            if (item != null) {
                listed.add(listed(execution, item, scram, files.getOrDefault(execution.id(), List.of())));
            }
        });
        listed.sort((a, b) -> a.registeredAt().equals(b.registeredAt())
                ? a.execution().id().compareTo(b.execution().id()) : a.registeredAt().compareTo(b.registeredAt()));
        return listed;
    }

    private static Listed listed(Execution execution, BackyardItems.Item item, boolean scram, List<String> files) {
        return new Listed(execution, status(item), item.notBefore(), item.registeredAt(), item.startedAt(),
                item.endedAt(), item.lastUpdateTimestamp(), scram, files);
    }

    private static ExecutionStatus status(BackyardItems.Item item) {
        return ExecutionStatus.of(item.statusId())
                .orElseThrow(() -> new IllegalStateException("Unknown execution status " + item.statusId()));
    }

    /** A required string field of a registration's body, or null with the reason why not. */
    public static String requiredText(JsonNode body, String field, Map<String, List<String>> reasons) {
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
    public static Instant schedule(JsonNode body, Map<String, List<String>> reasons) {
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
        Optional<MenuService.Record> record = menus.getObject().records(organizationId, workspaceId, menu, false).stream()
                .filter(r -> !r.discarded() && value.equals(r.parameter().get(column))).findFirst();
        if (record.isEmpty()) {
            reason(reasons, column, "no " + column + " \"" + value + "\" in " + menu);
        }
        return record;
    }

    /** Adds a reason why a registration is refused, for {@link ExecutionDriver#target}. */
    public static void reason(Map<String, List<String>> reasons, String field, String reason) {
        reasons.computeIfAbsent(field, k -> new ArrayList<>()).add(reason);
    }
}
