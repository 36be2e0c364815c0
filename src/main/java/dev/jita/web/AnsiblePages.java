package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.core.Times;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.security.CurrentUser;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.menu.MenuService;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/** Ansible executions in the web UI: choose a movement and an operation, run it, watch it, stop it. */
@Controller
class AnsiblePages {

    private static final String MOVEMENTS = "movement_list_ansible_legacy";
    private static final String OPERATIONS = "operation_list";
    private static final String EXECUTIONS = "execution_list_ansible_legacy";

    private final Executions executions;
    private final MenuService menus;
    private final WorkspaceAccess access;
    private final MaintenanceGate gate;
    private final Messages messages;
    private final ObjectMapper json;

    AnsiblePages(Executions executions, MenuService menus, WorkspaceAccess access, MaintenanceGate gate,
                 Messages messages, ObjectMapper json) {
        this.executions = executions;
        this.menus = menus;
        this.access = access;
        this.gate = gate;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/ui/ws/{org}/{ws}/ansible")
    String executions(@PathVariable String org, @PathVariable String ws, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("movements", names(org, ws, MOVEMENTS, "movement_name"));
        model.addAttribute("operations", names(org, ws, OPERATIONS, "operation_name"));
        List<MenuService.Record> newestFirst = new ArrayList<>(menus.records(org, ws, EXECUTIONS, false));
        Collections.reverse(newestFirst);
        model.addAttribute("executions", newestFirst);
        boolean loadMode = gate.current().dataUpdateStop();
        model.addAttribute("loadMode", loadMode);
        model.addAttribute("canExecute", role == WorkspaceRole.MEMBER && !loadMode);
        return "ansible";
    }

    @PostMapping("/ui/ws/{org}/{ws}/ansible")
    String execute(@PathVariable String org, @PathVariable String ws, @RequestParam String movement,
                   @RequestParam String operation, @RequestParam(required = false) String schedule,
                   @RequestParam(defaultValue = "run") String mode, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("movement_name", movement);
        body.put("operation_name", operation);
        if (schedule != null && !schedule.isBlank()) {
            body.put("schedule_date", schedule.trim());
        }
        try {
            String raw = json.writeValueAsString(body);
            access.requireWrite(org, ws);
            String id = executions.register(driver(), org, ws, CurrentUser.name(), raw,
                    mode.equals("dry_run") ? RunMode.DRY_RUN : RunMode.RUN);
            return "redirect:/ui/ws/" + org + "/" + ws + "/ansible/" + id;
        } catch (ApiException e) {
            model.addAttribute("error", e.result() + " " + messages.get(LocaleContextHolder.getLocale(), e.messageKey(), e.args()));
            return executions(org, ws, model);
        }
    }

    @GetMapping("/ui/ws/{org}/{ws}/ansible/{execution}")
    String execution(@PathVariable String org, @PathVariable String ws, @PathVariable String execution,
                     HttpServletRequest request, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        model.addAttribute("execution", status(org, ws, execution, request));
        model.addAttribute("canStop", role == WorkspaceRole.MEMBER && !gate.current().dataUpdateStop());
        return "ansible-execution";
    }

    /** The execution as the status API shows it, its status name in the page's language (polled by execution.js). */
    @GetMapping("/ui/ws/{org}/{ws}/ansible/{execution}/status")
    @ResponseBody
    Map<String, Object> status(@PathVariable String org, @PathVariable String ws, @PathVariable String execution,
                               HttpServletRequest request) {
        access.requireRead(org, ws);
        Executions.View view = executions.view(driver(), org, ws, execution);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_no", execution);
        data.put("status_id", String.valueOf(view.status().id()));
        data.put("status_name", view.status().displayName(LocaleContextHolder.getLocale().getLanguage().equals("ja")));
        data.put("run_mode", view.execution().runMode().stored());
        data.put("movement_name", view.execution().movementName());
        data.put("operation_name", view.execution().operationName());
        data.put("time_start", Times.micros(view.startedAt()));
        data.put("time_end", Times.micros(view.endedAt()));
        data.put("note", view.note());
        data.put("execution_log", Map.of("console", view.logs().getOrDefault("console", ""),
                "error", view.logs().getOrDefault("error", "")));
        data.put("files", view.files());
        return data;
    }

    @PostMapping("/ui/ws/{org}/{ws}/ansible/{execution}/scram")
    String scram(@PathVariable String org, @PathVariable String ws, @PathVariable String execution) {
        try {
            access.requireWrite(org, ws);
            executions.scram(driver(), org, ws, execution);
        } catch (ApiException e) {
            return "redirect:/ui/ws/" + org + "/" + ws + "/ansible/" + execution + "?refused";
        }
        return "redirect:/ui/ws/" + org + "/" + ws + "/ansible/" + execution;
    }

    private ExecutionDriver driver() {
        return executions.driverOfPage("ansible");
    }

    private List<String> names(String org, String ws, String menu, String column) {
        return menus.records(org, ws, menu, false).stream().filter(r -> !r.discarded())
                .map(r -> String.valueOf(r.parameter().get(column))).toList();
    }
}
