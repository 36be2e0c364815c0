package dev.jita.web;

import dev.jita.conductor.ConductorClasses;
import dev.jita.conductor.ConductorInstances;
import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * Conductor classes in the web UI: the workspace's classes, each drawn as a diagram (conductor-diagram.js), and
 * the editor, which posts the class JSON here. The saves call {@link ConductorClasses} as the API does and answer
 * in the API's envelope, so the editor shows the 499 reasons by node and load mode's 498 as they are.
 */
@Controller
class ConductorPages {

    private static final String LIST = "/ui/ws/{org}/{ws}/conductor";
    private static final String CLASS = LIST + "/{id}";
    private static final List<String> TYPES = List.of("start", "end", "movement", "call", "parallel-branch", "merge",
            "pause", "conditional-branch", "status-file-branch");
    /** The words conductor-editor.js shows, in the page's language (ui.conductor.js.*). */
    private static final List<String> EDITOR_WORDS = List.of("drag_to_connect", "added", "connected", "deleted",
            "refused_same", "refused_direction", "refused_out", "refused_in", "refused_twice", "none", "orchestra",
            "movement", "operation", "skip", "call", "end_type", "conditions", "otherwise", "case", "case_value", "else",
            "note", "connect", "connect_to", "edges", "delete", "delete_node", "saving", "save_failed", "invalid");

    private final ConductorClasses classes;
    private final ConductorInstances instances;
    private final WorkspaceAccess access;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final Messages messages;
    private final ReaderZones readers;

    ConductorPages(ConductorClasses classes, ConductorInstances instances, WorkspaceAccess access, MaintenanceGate gate,
                   ObjectMapper json, Messages messages, ReaderZones readers) {
        this.readers = readers;
        this.classes = classes;
        this.instances = instances;
        this.access = access;
        this.gate = gate;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping(LIST)
    String list(@PathVariable String org, @PathVariable String ws, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        common(model, org, ws, role);
        model.addAttribute("classes", classes.all(org, ws).stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                "lastUpdate", readers.current().format(c.lastUpdate()))).toList());
        return "conductors";
    }

    @GetMapping(LIST + "/new")
    String create(@PathVariable String org, @PathVariable String ws, Model model) {
        access.requireWrite(org, ws);
        return editor(model, org, ws, null, null);
    }

    @GetMapping(CLASS)
    String diagram(@PathVariable String org, @PathVariable String ws, @PathVariable String id, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        common(model, org, ws, role);
        model.addAttribute("id", id);
        model.addAttribute("classJson", json.writeValueAsString(classes.setting(org, ws, id)));
        model.addAttribute("operations", classes.info(org, ws).get("operation"));
        return "conductor";
    }

    /**
     * Executes the class on an operation, now or at a scheduled time, as the execute API does; opens the
     * instance's page, or shows the refusal on the class's page.
     */
    @PostMapping(CLASS + "/execute")
    String execute(@PathVariable String org, @PathVariable String ws, @PathVariable String id,
                   @RequestParam(required = false) String operation, @RequestParam(required = false) String schedule,
                   Model model) {
        access.requireWrite(org, ws);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conductor_class_id", id);
        body.put("operation_id", operation);
        if (schedule != null && !schedule.isBlank()) {
            // Typed in the reader's zone (the form names it); the API takes UTC.
            body.put("schedule_date", readers.current().utc(schedule.trim()));
        }
        try {
            String instance = instances.execute(org, ws, CurrentUser.name(), json.writeValueAsString(body));
            return "redirect:/ui/ws/" + org + "/" + ws + "/conductor-instances/" + instance;
        } catch (ApiException e) {
            model.addAttribute("error", e.result() + " " + messages.get(LocaleContextHolder.getLocale(), e.messageKey(), e.args()));
            return diagram(org, ws, id, model);
        }
    }

    @GetMapping(CLASS + "/edit")
    String edit(@PathVariable String org, @PathVariable String ws, @PathVariable String id, Model model) {
        access.requireWrite(org, ws);
        return editor(model, org, ws, id, json.writeValueAsString(classes.setting(org, ws, id)));
    }

    /** Registers the posted class JSON: {"conductor_class_id"}, or the API's refusal in its envelope. */
    @PostMapping(LIST)
    @ResponseBody
    ApiResponse register(@PathVariable String org, @PathVariable String ws, @RequestBody(required = false) String raw) {
        access.requireWrite(org, ws);
        return ApiResponse.ok(Map.of("conductor_class_id", classes.register(org, ws, CurrentUser.name(), raw)));
    }

    /** Updates the class with the posted class JSON, which carries the conductor.last_update_date_time it was read with. */
    @PostMapping(CLASS)
    @ResponseBody
    ApiResponse update(@PathVariable String org, @PathVariable String ws, @PathVariable String id,
                       @RequestBody(required = false) String raw) {
        access.requireWrite(org, ws);
        return ApiResponse.ok(Map.of("conductor_class_id", classes.update(org, ws, id, CurrentUser.name(), raw)));
    }

    private String editor(Model model, String org, String ws, String id, String classJson) {
        common(model, org, ws, WorkspaceRole.MEMBER);
        model.addAttribute("id", id);
        model.addAttribute("classJson", classJson);
        model.addAttribute("infoJson", json.writeValueAsString(classes.info(org, ws)));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> words = new LinkedHashMap<>();
        EDITOR_WORDS.forEach(word -> words.put(word, messages.get(locale, "ui.conductor.js." + word)));
        TYPES.forEach(type -> words.put("type." + type, messages.get(locale, "ui.conductor.type." + type)));
        words.put("select", messages.get(locale, "ui.conductor.select"));
        model.addAttribute("labelsJson", json.writeValueAsString(words));
        return "conductor-editor";
    }

    private void common(Model model, String org, String ws, WorkspaceRole role) {
        boolean loadMode = gate.current().dataUpdateStop();
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("loadMode", loadMode);
        model.addAttribute("canWrite", role == WorkspaceRole.MEMBER && !loadMode);
    }
}
