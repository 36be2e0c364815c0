package dev.jita.conductor;

import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.core.Times;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionStatus;
import dev.jita.execution.Executions;
import dev.jita.maintenance.MaintenanceGate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One synchronisation step of a conductor instance (ita-by-conductor-synchronize): in one short transaction
 * that holds the maintenance modes, it advances every node it can by the node rules of conductor.md, then
 * either ends the instance or hands it back to wait for its next step. While a mode is ON (or being
 * switched) a step changes nothing.
 */
@Component
class ConductorSteps {

    /** The file a movement writes into its output directory; its first line is the node's status file. */
    static final String STATUS_FILE = "MOVEMENT_STATUS_FILE";
    private static final Logger log = LoggerFactory.getLogger(ConductorSteps.class);
    private static final int STATUS_FILE_LENGTH = 255;

    /** The step must not change anything now (load mode is being switched ON): all of it rolls back. */
    private static final class GiveWay extends RuntimeException {
        GiveWay() {
            super(null, null, false, false);
        }
    }

    private final ConductorInstanceStore store;
    private final ConductorInstances instances;
    private final ConductorClasses classes;
    private final BackyardItems items;
    private final Executions executions;
    private final MaintenanceGate gate;
    private final ConductorProperties properties;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;

    ConductorSteps(ConductorInstanceStore store, ConductorInstances instances, ConductorClasses classes,
                   BackyardItems items, Executions executions, MaintenanceGate gate,
                   ConductorProperties properties, ObjectMapper json, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.instances = instances;
        this.classes = classes;
        this.items = items;
        this.executions = executions;
        this.gate = gate;
        this.properties = properties;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        // A registration a driver refuses rolls back to here, not the whole step.
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    JobHandler.Step step(ClaimedItem item, ItemProgress progress) {
        try {
            return transactions.execute(status -> {
                if (!gate.holdForJobs()) {
                    return later();
                }
                ConductorInstance instance = store.lock(item.itemId()).orElseThrow(() ->
                        new IllegalStateException("No conductor instance is registered as " + item.itemId()));
                int current = items.find(item.itemId()).map(BackyardItems.Item::statusId).orElseThrow();
                return new Run(instance).advance(current, progress);
            });
        } catch (GiveWay e) {
            return later();
        } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
            // A lock conflict or a lost connection: the instance is as the last committed step left it.
            log.warn("Conductor instance {}: step given up, tried again later: {}", item.itemId(), e.getMessage());
            return later();
        }
    }

    private JobHandler.Step later() {
        return JobHandler.Step.later(Times.now().plus(properties.monitoringCycle()));
    }

    /** One step of one instance, on its nodes as read under its lock. */
    private final class Run {
        private final ConductorInstance instance;
        private final ClassGraph graph;
        private final Map<String, NodeInstance> nodes = new LinkedHashMap<>();
        private final Set<String> changed = new LinkedHashSet<>();
        private final Instant now = Times.now();

        Run(ConductorInstance instance) {
            this.instance = instance;
            this.graph = ClassGraph.of((ObjectNode) json.readTree(instance.classSettings()));
            store.nodes(instance.id()).forEach(node -> nodes.put(node.nodeName(), node));
        }

        JobHandler.Step advance(int current, ItemProgress progress) {
            if (instance.abort()) {
                return abort(current);
            }
            boolean first = nodes.values().stream()
                    .anyMatch(n -> "start".equals(n.nodeType()) && n.statusId() == NodeStatus.UNEXECUTED);
            if (first) {
                instances.statusChanged(instance, current);
                nodes.values().stream().filter(n -> "start".equals(n.nodeType())).toList().forEach(start -> {
                    set(start, NodeStatus.NORMAL_END);
                    activateOuts(start);
                });
            }
            boolean moved = true;
            for (int round = 0; moved && round <= nodes.size() * 4; round++) {
                moved = false;
                for (String name : List.copyOf(nodes.keySet())) {
                    NodeInstance node = nodes.get(name);
                    if (NodeStatus.isActive(node.statusId())) {
                        moved |= process(node);
                    }
                }
            }
            Integer end = endStatus();
            changed.forEach(name -> store.update(nodes.get(name)));
            if (end != null) {
                instances.statusChanged(instance, end);
                return JobHandler.Step.end(end);
            }
            int running = nodes.values().stream().anyMatch(n -> n.statusId() == NodeStatus.ON_HOLD) ? 5
                    : nodes.values().stream().anyMatch(n -> n.statusId() == NodeStatus.DELAYED) ? 4 : 3;
            if (running != current) {
                progress.setStatus(running);
                instances.statusChanged(instance, running);
            }
            return later();
        }

        /** An emergency stop asked for: running movements are stopped in their drivers, called instances too. */
        private JobHandler.Step abort(int current) {
            for (NodeInstance node : List.copyOf(nodes.values())) {
                if (!NodeStatus.isActive(node.statusId())) {
                    continue;
                }
                if (node.executionId() != null && "movement".equals(node.nodeType())) {
                    executions.stop(node.executionId(), "Emergency stop of conductor instance " + instance.id());
                } else if (node.executionId() != null && "call".equals(node.nodeType())) {
                    instances.abortTree(node.executionId());
                }
                set(node, NodeStatus.EMERGENCY_STOP);
            }
            changed.forEach(name -> store.update(nodes.get(name)));
            instances.statusChanged(instance, 9);
            return JobHandler.Step.end(9);
        }

        private boolean process(NodeInstance node) {
            ClassGraph.Node shape = graph.node(node.nodeName());
            boolean runnable = "movement".equals(node.nodeType()) || "call".equals(node.nodeType());
            if (runnable && node.skip() && node.executionId() == null) {
                set(node, NodeStatus.SKIPPED);
                activateOuts(node);
                return true;
            }
            return switch (node.nodeType()) {
                case "movement" -> movement(node, shape);
                case "call" -> call(node, shape);
                case "merge" -> merge(node, shape);
                case "conditional-branch" -> branch(node, shape, false);
                case "status-file-branch" -> branch(node, shape, true);
                case "pause" -> pause(node);
                default -> {
                    // start, parallel-branch and end pass straight on.
                    set(node, NodeStatus.NORMAL_END);
                    activateOuts(node);
                    yield true;
                }
            };
        }

        private boolean movement(NodeInstance node, ClassGraph.Node shape) {
            if (node.executionId() == null) {
                String orchestra = shape.field("orchestra_id");
                Optional<ExecutionDriver> driver = ClassValidation.ORCHESTRAS.stream()
                        .filter(o -> o.id().equals(orchestra) && o.movementMenu() != null).findFirst()
                        .flatMap(o -> executions.driverOfMovements(o.movementMenu()));
                if (driver.isEmpty()) {
                    fail(node, NodeStatus.PREPARATION_ERROR, "jita has no driver for orchestra " + orchestra);
                    return true;
                }
                String operation = operationOf(shape);
                try {
                    String execution = savepoint.execute(status -> executions.registerRun(driver.get(),
                            instance.organizationId(), instance.workspaceId(), instance.executionUser(),
                            shape.field("movement_id"), operation, instance.id(), instance.conductorName()));
                    put(node.withExecution(execution));
                    set(nodes.get(node.nodeName()), NodeStatus.EXECUTING);
                } catch (ApiException refused) {
                    if (refused.result().startsWith("498")) {
                        throw new GiveWay();
                    }
                    fail(node, NodeStatus.PREPARATION_ERROR, "The movement could not be registered: "
                            + (refused.data() == null ? refused.result() : json.writeValueAsString(refused.data())));
                }
                return true;
            }
            ExecutionStatus status = executions.status(node.executionId()).orElse(ExecutionStatus.UNEXPECTED_ERROR);
            int target = switch (status) {
                case UNEXECUTED, PREPARING, EXECUTING, SCHEDULED -> NodeStatus.EXECUTING;
                case DELAYED -> NodeStatus.DELAYED;
                case COMPLETED -> NodeStatus.NORMAL_END;
                case FAILED -> NodeStatus.ABEND;
                case UNEXPECTED_ERROR -> NodeStatus.UNEXPECTED_ERROR;
                case EMERGENCY_STOP, SCHEDULE_CANCELLED -> NodeStatus.EMERGENCY_STOP;
            };
            return follow(node, target, status == ExecutionStatus.COMPLETED ? statusFile(node.executionId()) : null);
        }

        private String statusFile(String executionId) {
            return executions.keptFile(executionId, STATUS_FILE).map(content -> {
                String text = new String(content, StandardCharsets.UTF_8);
                String line = text.lines().findFirst().orElse("").strip();
                return line.length() > STATUS_FILE_LENGTH ? line.substring(0, STATUS_FILE_LENGTH) : line;
            }).orElse(null);
        }

        private boolean call(NodeInstance node, ClassGraph.Node shape) {
            if (node.executionId() == null) {
                if (depth() >= properties.maxCallDepth()) {
                    fail(node, NodeStatus.PREPARATION_ERROR, "Calls nest deeper than " + properties.maxCallDepth());
                    return true;
                }
                Optional<ConductorClass> called = classes.find(instance.organizationId(), instance.workspaceId(),
                        shape.field("call_conductor_id"));
                if (called.isEmpty()) {
                    fail(node, NodeStatus.PREPARATION_ERROR, "The called conductor class no longer exists");
                    return true;
                }
                String operation = operationOf(shape);
                put(node.withExecution(instances.startChild(instance, called.get(), operation)));
                set(nodes.get(node.nodeName()), NodeStatus.EXECUTING);
                return true;
            }
            int child = items.find(node.executionId()).map(BackyardItems.Item::statusId).orElse(11);
            int target = switch (child) {
                case 4 -> NodeStatus.DELAYED;
                case 6 -> NodeStatus.NORMAL_END;
                case 7 -> NodeStatus.ABEND;
                case 8 -> NodeStatus.WARNING_END;
                case 9, 10 -> NodeStatus.EMERGENCY_STOP;
                case 11 -> NodeStatus.UNEXPECTED_ERROR;
                default -> NodeStatus.EXECUTING;
            };
            return follow(node, target, null);
        }

        /** The node's own operation, else the instance's. */
        private String operationOf(ClassGraph.Node shape) {
            String own = shape.field("operation_id");
            return own == null || own.isBlank() ? instance.operationId() : own;
        }

        private int depth() {
            int depth = 0;
            String parent = instance.parentId();
            while (parent != null && depth <= properties.maxCallDepth()) {
                depth++;
                parent = store.find(parent).map(ConductorInstance::parentId).orElse(null);
            }
            return depth;
        }

        /** A movement or call node takes its execution's status; at an end the flow goes on (or stops). */
        private boolean follow(NodeInstance node, int target, String statusFile) {
            if (target == node.statusId()) {
                return false;
            }
            if (statusFile != null) {
                put(node.withStatusFile(statusFile));
            }
            set(nodes.get(node.nodeName()), target);
            if (NodeStatus.isEnd(target)) {
                afterEnd(nodes.get(node.nodeName()));
            }
            return true;
        }

        private void fail(NodeInstance node, int status, String note) {
            put(node.withNote(note));
            set(nodes.get(node.nodeName()), status);
            afterEnd(nodes.get(node.nodeName()));
        }

        /** An error end stops its path, unless what follows is a conditional branch, which decides. */
        private void afterEnd(NodeInstance node) {
            if (NodeStatus.isOk(node.statusId())) {
                activateOuts(node);
                return;
            }
            for (ClassGraph.Out out : graph.node(node.nodeName()).outs()) {
                if ("conditional-branch".equals(nodes.get(out.target()).nodeType())) {
                    activate(out.target());
                }
            }
        }

        private boolean merge(NodeInstance node, ClassGraph.Node shape) {
            if (!shape.ins().stream().allMatch(in -> NodeStatus.isOk(nodes.get(in).statusId()))) {
                return false;
            }
            set(node, NodeStatus.NORMAL_END);
            activateOuts(node);
            return true;
        }

        /**
         * A conditional branch takes the out whose condition holds its in-node's status, a status-file branch
         * the case whose value is its in-node's status file; else the "otherwise" out. Untaken paths end skipped.
         */
        private boolean branch(NodeInstance node, ClassGraph.Node shape, boolean byFile) {
            NodeInstance in = nodes.get(shape.ins().get(0));
            String value = byFile ? in.statusFile() : String.valueOf(in.statusId());
            ClassGraph.Out chosen = shape.outs().stream()
                    .filter(o -> value != null && !"else".equals(o.caseName())
                            && (byFile ? !o.condition().isEmpty() && value.equals(o.condition().get(0))
                            : o.condition().contains(value)))
                    .findFirst()
                    .or(() -> shape.outs().stream().filter(o -> byFile ? "else".equals(o.caseName())
                            : o.condition().contains("9999") || o.condition().contains("__else__")).findFirst())
                    .orElse(null);
            if (chosen == null) {
                fail(node, NodeStatus.ABEND, "No out of the branch holds " + (byFile ? "status file " : "status ") + value);
            } else {
                set(node, NodeStatus.NORMAL_END);
            }
            for (ClassGraph.Out out : shape.outs()) {
                if (out == chosen) {
                    activate(out.target());
                } else {
                    skipPath(out.target());
                }
            }
            return true;
        }

        private boolean pause(NodeInstance node) {
            if (node.released()) {
                set(node, NodeStatus.NORMAL_END);
                activateOuts(node);
                return true;
            }
            if (node.statusId() == NodeStatus.EXECUTING) {
                set(node, NodeStatus.ON_HOLD);
                return true;
            }
            return false;
        }

        private void activateOuts(NodeInstance node) {
            graph.node(node.nodeName()).outs().forEach(out -> activate(out.target()));
        }

        private void activate(String name) {
            NodeInstance node = nodes.get(name);
            if (node != null && node.statusId() == NodeStatus.UNEXECUTED) {
                set(node, NodeStatus.EXECUTING);
            }
        }

        /** A path a branch did not take ends skipped up to the merge that joins it with others (which then waits). */
        private void skipPath(String name) {
            NodeInstance node = nodes.get(name);
            if (node == null || node.statusId() != NodeStatus.UNEXECUTED) {
                return;
            }
            if ("merge".equals(node.nodeType())) {
                set(node, NodeStatus.EXECUTING);
                return;
            }
            set(node, NodeStatus.SKIPPED);
            graph.node(name).outs().forEach(out -> skipPath(out.target()));
        }

        /**
         * The instance's end status once no node runs (merges that can no longer be joined end in Abend, as in
         * Exastro): an emergency stop, else the worst node end (Abend or Preparation error → Abend, Emergency
         * stop → Emergency stop, Unexpected error → Unexpected error), else Normal end; the end types of the
         * end nodes reached then decide, the most severe first (Abend, Warning end, Normal end).
         */
        private Integer endStatus() {
            if (nodes.values().stream().anyMatch(n -> NodeStatus.isActive(n.statusId()) && !"merge".equals(n.nodeType()))) {
                return null;
            }
            List<NodeInstance> waiting = new ArrayList<>(nodes.values().stream()
                    .filter(n -> NodeStatus.isActive(n.statusId())).toList());
            waiting.forEach(merge -> put(merge.withNote("Not every path into this merge ended normally")
                    .withStatus(NodeStatus.ABEND, now)));
            Set<Integer> statuses = new HashSet<>();
            nodes.values().forEach(n -> statuses.add(n.statusId()));
            int status = 6;
            if (statuses.contains(NodeStatus.ABEND) || statuses.contains(NodeStatus.PREPARATION_ERROR)) {
                status = 7;
            } else if (statuses.contains(NodeStatus.EMERGENCY_STOP)) {
                status = 9;
            } else if (statuses.contains(NodeStatus.UNEXPECTED_ERROR)) {
                status = 11;
            }
            Set<String> endTypes = new HashSet<>();
            nodes.values().stream().filter(n -> "end".equals(n.nodeType()) && n.statusId() == NodeStatus.NORMAL_END)
                    .forEach(n -> endTypes.add(n.endType() == null ? "6" : n.endType()));
            for (String endType : List.of("9", "7", "8", "6")) {
                if (endTypes.contains(endType)) {
                    return Integer.parseInt(endType);
                }
            }
            return status;
        }

        private void set(NodeInstance node, int status) {
            put(node.withStatus(status, now));
        }

        private void put(NodeInstance node) {
            nodes.put(node.nodeName(), node);
            changed.add(node.nodeName());
        }
    }
}
