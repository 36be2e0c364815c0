package dev.jita.web;

import dev.jita.conductor.ConductorInstances;
import dev.jita.conductor.NodeInstance;
import dev.jita.core.ApiException;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.Executions;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * Conductor instances in the web UI: the workspace's instances, and each instance drawn as its class's diagram
 * with every node coloured by its status, following the run live (conductor-instance.js), with the emergency
 * stop, the cancel of a reservation and the release of pauses.
 */
@Controller
class ConductorInstancePages {

    private static final String LIST = "/ui/ws/{org}/{ws}/conductor-instances";
    private static final String INSTANCE = LIST + "/{id}";
    private static final Set<Integer> RUNNING = Set.of(3, 4, 5);
    private static final Set<Integer> ENDED = Set.of(6, 7, 8, 9, 10, 11);

    /** One node of the instance as the page's table shows it. */
    record NodeRow(String name, String nodeInstanceId, String type, String statusId, String status, String start,
                   String end, String link, boolean releasable, String note) {
    }

    private final ConductorInstances instances;
    private final Executions executions;
    private final WorkspaceAccess access;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final ReaderZones readers;

    ConductorInstancePages(ConductorInstances instances, Executions executions, WorkspaceAccess access,
                           MaintenanceGate gate, ObjectMapper json, ReaderZones readers) {
        this.readers = readers;
        this.instances = instances;
        this.executions = executions;
        this.access = access;
        this.gate = gate;
        this.json = json;
    }

    @GetMapping(LIST)
    String list(@PathVariable String org, @PathVariable String ws, Model model) {
        access.requireRead(org, ws);
        boolean japanese = japanese();
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        List<ConductorInstances.Listed> newestFirst = new ArrayList<>(instances.list(org, ws));
        Collections.reverse(newestFirst);
        model.addAttribute("instances", newestFirst.stream().map(listed -> Map.of(
                "id", listed.instance().id(),
                "name", listed.instance().conductorName(),
                "status", ConductorInstances.statusName(listed.statusId(), japanese),
                "statusId", String.valueOf(listed.statusId()),
                "operation", String.valueOf(listed.instance().operationName()),
                "start", shown(listed.startedAt()),
                "end", shown(listed.endedAt()))).toList());
        return "conductor-instances";
    }

    @GetMapping(INSTANCE)
    String instance(@PathVariable String org, @PathVariable String ws, @PathVariable String id, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        Map<String, Object> state = state(org, ws, id);
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("id", id);
        model.addAttribute("state", state);
        model.addAttribute("stateJson", json.writeValueAsString(state));
        model.addAttribute("canWrite", role == WorkspaceRole.MEMBER && !gate.current().dataUpdateStop());
        return "conductor-instance";
    }

    /** The instance now, in the page's language (polled by conductor-instance.js until it has ended). */
    @GetMapping(INSTANCE + "/status")
    @ResponseBody
    Map<String, Object> status(@PathVariable String org, @PathVariable String ws, @PathVariable String id) {
        access.requireRead(org, ws);
        return state(org, ws, id);
    }

    @PostMapping(INSTANCE + "/scram")
    String scram(@PathVariable String org, @PathVariable String ws, @PathVariable String id) {
        access.requireWrite(org, ws);
        return act(org, ws, id, () -> instances.scram(org, ws, id));
    }

    @PostMapping(INSTANCE + "/cancel")
    String cancel(@PathVariable String org, @PathVariable String ws, @PathVariable String id) {
        access.requireWrite(org, ws);
        return act(org, ws, id, () -> instances.cancel(org, ws, id));
    }

    @PostMapping(INSTANCE + "/release")
    String release(@PathVariable String org, @PathVariable String ws, @PathVariable String id,
                   @RequestParam String node) {
        access.requireWrite(org, ws);
        return act(org, ws, id, () -> instances.release(org, ws, id, node));
    }

    /** Does it, back to the instance's page; a refusal is shown there with its code and reason. */
    private String act(String org, String ws, String id, Runnable action) {
        String page = "redirect:/ui/ws/" + org + "/" + ws + "/conductor-instances/" + id;
        try {
            action.run();
        } catch (ApiException e) {
            return page + "?refused=" + e.result();
        }
        return page;
    }

    private Map<String, Object> state(String org, String ws, String id) {
        boolean japanese = japanese();
        Map<String, Object> confirmation = instances.confirmation(org, ws, id, japanese);
        @SuppressWarnings("unchecked")
        Map<String, Object> conductor = new LinkedHashMap<>((Map<String, Object>) confirmation.get("conductor"));
        ReaderTime time = readers.current();
        for (String shownTime : List.of("time_book", "time_start", "time_end")) {
            if (conductor.get(shownTime) instanceof String written) {
                conductor.put(shownTime, time.text(written));
            }
        }
        int statusId = Integer.parseInt((String) conductor.get("status_id"));
        Map<String, String> statusByNode = new LinkedHashMap<>();
        List<NodeRow> rows = instances.nodes(org, ws, id).stream().map(node -> {
            statusByNode.put(node.nodeName(), String.valueOf(node.statusId()));
            return row(org, ws, node, japanese);
        }).toList();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("conductor_class", confirmation.get("conductor_class"));
        state.put("conductor", conductor);
        state.put("status_by_node", statusByNode);
        state.put("nodes", rows);
        state.put("running", RUNNING.contains(statusId) && !"1".equals(conductor.get("abort_execute_flag")));
        state.put("scheduled", statusId == 2);
        state.put("ended", ENDED.contains(statusId));
        Map<String, String> names = new LinkedHashMap<>();
        for (int node : List.of(1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14)) {
            names.put(String.valueOf(node), ConductorInstances.nodeStatusName(node, japanese));
        }
        state.put("status_names", names);
        state.put("notices", instances.notices(org, ws, id));
        return state;
    }

    private NodeRow row(String org, String ws, NodeInstance node, boolean japanese) {
        String link = null;
        if (node.executionId() != null && "call".equals(node.nodeType())) {
            link = "/ui/ws/" + org + "/" + ws + "/conductor-instances/" + node.executionId();
        } else if (node.executionId() != null) {
            link = executions.find(node.executionId())
                    .flatMap(e -> executions.drivers().stream().filter(d -> d.name().equals(e.driver())).findFirst())
                    .map(ExecutionDriver::pagePath)
                    .map(page -> "/ui/ws/" + org + "/" + ws + "/" + page + "/" + node.executionId()).orElse(null);
        }
        return new NodeRow(node.nodeName(), node.id(), node.nodeType(), String.valueOf(node.statusId()),
                ConductorInstances.nodeStatusName(node.statusId(), japanese), shown(node.timeStart()),
                shown(node.timeEnd()), link, "pause".equals(node.nodeType()) && node.statusId() == 11 && !node.released(),
                node.note() == null ? "" : node.note());
    }

    private static boolean japanese() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.JAPANESE.getLanguage());
    }

    private String shown(Instant instant) {
        return readers.current().format(instant);
    }
}
