package dev.jita.execution;

import dev.jita.backyard.Backyard;
import dev.jita.menu.MenuService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A driver plugs into the execution framework with one bean of this type: the framework registers, cancels,
 * stops, shows and lists its executions, and runs them through {@link #run} on the nodes whose backyard has
 * the driver's job handler ({@link Executions#jobHandler}).
 */
public interface ExecutionDriver {

    /** Stored with each execution, e.g. {@code ansible_legacy}. */
    String name();

    Backyard backyard();

    /** Its name in the web UI, e.g. "Ansible Legacy". */
    String title();

    /** Its executions' pages in the web UI are under {@code /ui/ws/{org}/{ws}/{pagePath}}. */
    String pagePath();

    /** The names of its logs, in the order the web UI shows them. */
    List<String> logNames();

    /**
     * The field of the request body that names what a {@link RunMode#DESTROY} run deletes (e.g.
     * {@code tf_workspace_name}); null where the driver has no such mode.
     */
    default String targetField() {
        return null;
    }

    /** The names a {@link #targetField()} may take in a workspace, for the web UI's choice. */
    default List<String> targetNames(String organizationId, String workspaceId) {
        return List.of();
    }

    /** The read-only menu listing its executions, whose rows the web UI links to their execution pages. */
    default String listMenu() {
        return "execution_list_" + name();
    }

    /** The menu the movements of {@code movement_name} are taken from. */
    String movementMenu();

    /** The run modes users may register. */
    Set<RunMode> modes();

    /**
     * The driver's subject of a run being registered, checked in the registering transaction; where it
     * cannot run, a reason per field in {@code reasons} and null.
     *
     * @param movement the movement chosen, or null for a mode without one
     */
    default Target target(String organizationId, String workspaceId, RunMode mode, JsonNode body,
                          MenuService.Record movement, Map<String, List<String>> reasons) {
        return Target.NONE;
    }

    /**
     * Runs a taken execution to its end: prepares the work directory, calls {@link ExecutionRun#executing},
     * runs its tools. Throwing {@link ExecutionRun.Unrunnable} ends it in Completed (error) with the message
     * in its error log; any other exception in Unexpected error.
     */
    ExecutionStatus run(Execution execution, ExecutionRun run) throws Exception;

    /** The result codes of refusals, as Exastro answers them for this driver. */
    default Codes codes() {
        return Codes.DEFAULT;
    }

    /**
     * @param invalid      the body does not describe a run that can be registered
     * @param notRunning   an emergency stop of an execution that does not run
     * @param notScheduled a cancellation of an execution that does not wait for its scheduled time
     */
    record Codes(String invalid, String notRunning, String notScheduled) {
        public static final Codes DEFAULT = new Codes("499-00201", "499-00201", "499-00201");
    }

    /**
     * What a run is about beyond the movement and the operation.
     *
     * @param exclusiveKey runs with the same key never run at the same time (across nodes); null: no such rule
     */
    record Target(String id, String name, String exclusiveKey) {
        public static final Target NONE = new Target(null, null, null);
    }
}
