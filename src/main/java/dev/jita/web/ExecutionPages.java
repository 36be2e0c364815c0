package dev.jita.web;

import dev.jita.basic.BasicMenus;
import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionStatus;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuService;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.platform.WorkspaceRole;
import dev.jita.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * The executions of any driver in the web UI, under the driver's {@link ExecutionDriver#pagePath()}: start one
 * in any of the driver's modes (now or scheduled), list them, watch one with its logs live, download its files,
 * stop it in an emergency or cancel its reservation. Everything goes through {@link Executions}, so the API's
 * rules and load mode's refusals hold here too; in load mode the write controls are not offered.
 */
@Controller
class ExecutionPages {

    private static final String PAGE = "/ui/ws/{org}/{ws}/{driver}";
    private static final String EXECUTION = PAGE + "/{execution}";
    private static final String POPULATED_DATA = "InputData_";
    private static final String RESULT_DATA = "ResultData_";
    private static final Set<ExecutionStatus> ENDED = EnumSet.of(ExecutionStatus.COMPLETED, ExecutionStatus.FAILED,
            ExecutionStatus.UNEXPECTED_ERROR, ExecutionStatus.EMERGENCY_STOP, ExecutionStatus.SCHEDULE_CANCELLED);

    /** A button of the start form: the mode it registers, its element id and its label. */
    record ModeChoice(String value, String id, String label) {
    }

    /** A log of the execution page: its heading, the id of the element showing it, its text so far. */
    record LogView(String title, String id, String text) {

        /** Its number of lines; a last line without its line break counts too. */
        public int lines() {
            return lineCount(text);
        }
    }

    private final Executions executions;
    private final MenuService menus;
    private final MenuCatalog catalog;
    private final WorkspaceAccess access;
    private final MaintenanceGate gate;
    private final Messages messages;
    private final ObjectMapper json;
    private final ReaderZones readers;

    ExecutionPages(Executions executions, MenuService menus, MenuCatalog catalog, WorkspaceAccess access,
                   MaintenanceGate gate, Messages messages, ObjectMapper json, ReaderZones readers) {
        this.readers = readers;
        this.executions = executions;
        this.menus = menus;
        this.catalog = catalog;
        this.access = access;
        this.gate = gate;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping(PAGE)
    String executions(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                      Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        ExecutionDriver driver = driver(org, page);
        common(model, org, ws, driver);
        List<ModeChoice> withMovement = new ArrayList<>();
        ModeChoice destroy = null;
        for (RunMode mode : RunMode.values()) {
            if (!driver.modes().contains(mode)) {
                continue;
            }
            ModeChoice choice = new ModeChoice(mode.stored(),
                    mode == RunMode.RUN ? "execute" : mode.stored().replace('_', '-'), modeLabel(driver, mode));
            if (mode == RunMode.DESTROY) {
                destroy = choice;
            } else {
                withMovement.add(choice);
            }
        }
        model.addAttribute("modes", withMovement);
        model.addAttribute("destroy", destroy);
        model.addAttribute("movements", names(org, ws, driver.movementMenu(), "movement_name"));
        model.addAttribute("operations", names(org, ws, BasicMenus.OPERATIONS, "operation_name"));
        if (destroy != null) {
            model.addAttribute("targets", driver.targetNames(org, ws));
        }
        List<Executions.Listed> newestFirst = new ArrayList<>(executions.list(driver, org, ws));
        Collections.reverse(newestFirst);
        model.addAttribute("executions", newestFirst.stream().map(listed -> row(driver, listed)).toList());
        boolean loadMode = gate.current().dataUpdateStop();
        model.addAttribute("loadMode", loadMode);
        model.addAttribute("canExecute", role == WorkspaceRole.MEMBER && !loadMode);
        return "executions";
    }

    /**
     * Registers an execution as the driver API would with the same body. A mode the driver does not have is a
     * malformed request (400); what the body lacks or gets wrong is the driver's refusal, shown on the form.
     */
    @PostMapping(PAGE)
    String start(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                 @RequestParam(defaultValue = "run") String mode, @RequestParam(required = false) String movement,
                 @RequestParam(required = false) String operation, @RequestParam(required = false) String schedule,
                 @RequestParam(required = false) String target, Model model) {
        access.requireWrite(org, ws);
        ExecutionDriver driver = driver(org, page);
        RunMode runMode = Arrays.stream(RunMode.values())
                .filter(m -> m.stored().equals(mode) && driver.modes().contains(m)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("error.bad_parameter"));
        Map<String, Object> body = new LinkedHashMap<>();
        if (runMode == RunMode.DESTROY) {
            body.put(driver.targetField(), target);
        } else {
            body.put("movement_name", movement);
            body.put("operation_name", operation);
        }
        if (schedule != null && !schedule.isBlank()) {
            // Typed in the reader's zone (the form names it); the API takes UTC.
            body.put("schedule_date", readers.current().utc(schedule.trim()));
        }
        try {
            String id = executions.register(driver, org, ws, CurrentUser.name(), json.writeValueAsString(body), runMode);
            return "redirect:/ui/ws/" + org + "/" + ws + "/" + driver.pagePath() + "/" + id;
        } catch (ApiException e) {
            model.addAttribute("error", e.result() + " " + messages.get(LocaleContextHolder.getLocale(), e.messageKey(), e.args()));
            return executions(org, ws, page, model);
        }
    }

    @GetMapping(EXECUTION)
    String execution(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                     @PathVariable String execution, Model model) {
        WorkspaceRole role = access.requireRead(org, ws);
        ExecutionDriver driver = driver(org, page);
        Executions.View view = executions.view(driver, org, ws, execution);
        common(model, org, ws, driver);
        Execution e = view.execution();
        model.addAttribute("id", e.id());
        model.addAttribute("status", view.status());
        model.addAttribute("statusName", statusName(view.status()));
        model.addAttribute("mode", modeLabel(driver, e.runMode()));
        model.addAttribute("movement", e.movementName());
        model.addAttribute("operation", e.operationName());
        model.addAttribute("target", e.targetName());
        model.addAttribute("registeredBy", e.registeredBy());
        model.addAttribute("scheduledFor", shown(view.scheduledFor()));
        model.addAttribute("registeredAt", shown(view.listed().registeredAt()));
        model.addAttribute("startedAt", shown(view.startedAt()));
        model.addAttribute("endedAt", shown(view.endedAt()));
        model.addAttribute("elapsed", elapsed(view.startedAt(), view.endedAt()));
        model.addAttribute("statusKind", statusKind(view.status()));
        model.addAttribute("populatedData", file(view.files(), POPULATED_DATA));
        model.addAttribute("resultData", file(view.files(), RESULT_DATA));
        model.addAttribute("note", view.note());
        model.addAttribute("logs", driver.logNames().stream()
                .map(name -> new LogView(logTitle(name), logId(name), view.logs().getOrDefault(name, ""))).toList());
        model.addAttribute("files", view.files());
        model.addAttribute("values", executions.values(driver, org, ws, execution));
        model.addAttribute("canWrite", role == WorkspaceRole.MEMBER && !gate.current().dataUpdateStop());
        model.addAttribute("running", view.status().running());
        model.addAttribute("scheduled", view.status() == ExecutionStatus.SCHEDULED);
        return "execution";
    }

    /** The execution now, its status name in the page's language (polled by execution.js until it has ended). */
    @GetMapping(EXECUTION + "/status")
    @ResponseBody
    Map<String, Object> status(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                               @PathVariable String execution) {
        access.requireRead(org, ws);
        ExecutionDriver driver = driver(org, page);
        Executions.View view = executions.view(driver, org, ws, execution);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("execution_no", execution);
        data.put("status_id", String.valueOf(view.status().id()));
        data.put("status_name", statusName(view.status()));
        data.put("running", view.status().running());
        data.put("scheduled", view.status() == ExecutionStatus.SCHEDULED);
        data.put("ended", ENDED.contains(view.status()));
        data.put("time_start", shown(view.startedAt()));
        data.put("time_end", shown(view.endedAt()));
        data.put("elapsed", elapsed(view.startedAt(), view.endedAt()));
        data.put("status_kind", statusKind(view.status()));
        data.put("populated_data", file(view.files(), POPULATED_DATA));
        data.put("result_data", file(view.files(), RESULT_DATA));
        data.put("note", view.note());
        Map<String, String> logs = new LinkedHashMap<>();
        Map<String, String> lines = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        driver.logNames().forEach(name -> {
            String text = view.logs().getOrDefault(name, "");
            logs.put(logId(name), text);
            lines.put(logId(name), messages.get(locale, "ui.execution.log_lines", lineCount(text)));
        });
        data.put("logs", logs);
        data.put("log_lines", lines);
        data.put("files", view.files());
        return data;
    }

    @PostMapping(EXECUTION + "/scram")
    String scram(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                 @PathVariable String execution) {
        access.requireWrite(org, ws);
        ExecutionDriver driver = driver(org, page);
        try {
            executions.scram(driver, org, ws, execution);
        } catch (ApiException e) {
            return redirect(driver, org, ws, execution) + "?refused=scram";
        }
        return redirect(driver, org, ws, execution);
    }

    @PostMapping(EXECUTION + "/cancel")
    String cancel(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                  @PathVariable String execution) {
        access.requireWrite(org, ws);
        ExecutionDriver driver = driver(org, page);
        try {
            executions.cancel(driver, org, ws, execution);
        } catch (ApiException e) {
            return redirect(driver, org, ws, execution) + "?refused=cancel";
        }
        return redirect(driver, org, ws, execution);
    }

    /** A file the execution produced, as an attachment: it is the tenant's own output, never rendered here. */
    @GetMapping(EXECUTION + "/file")
    ResponseEntity<byte[]> file(@PathVariable String org, @PathVariable String ws, @PathVariable("driver") String page,
                                @PathVariable String execution, @RequestParam String name) {
        access.requireRead(org, ws);
        ExecutionDriver driver = driver(org, page);
        byte[] content = executions.file(driver, org, ws, execution, name)
                .orElseThrow(() -> ApiException.notFound("execution.file_not_found", execution, name));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    /** The driver of the page, 404 where there is none or where the organization was created without it. */
    private ExecutionDriver driver(String org, String page) {
        ExecutionDriver driver = executions.driverOfPage(page);
        if (catalog.find(org, driver.movementMenu()).isEmpty()) {
            throw ApiException.notFound("execution.no_driver", page);
        }
        return driver;
    }

    private void common(Model model, String org, String ws, ExecutionDriver driver) {
        model.addAttribute("org", org);
        model.addAttribute("ws", ws);
        // Plain values: the drivers are package-private classes of their modules.
        model.addAttribute("title", driver.title());
        model.addAttribute("pagePath", driver.pagePath());
        model.addAttribute("hasTarget", driver.targetField() != null);
        model.addAttribute("targetLabel", label("ui.execution.target." + driver.pagePath(), "ui.execution.target"));
    }

    private Map<String, String> row(ExecutionDriver driver, Executions.Listed listed) {
        Execution e = listed.execution();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("status", statusName(listed.status()));
        row.put("mode", modeLabel(driver, e.runMode()));
        row.put("movement", e.movementName());
        row.put("target", e.targetName());
        row.put("operation", e.operationName());
        row.put("scheduled", shown(listed.scheduledFor()));
        row.put("start", shown(listed.startedAt()));
        row.put("end", shown(listed.endedAt()));
        return row;
    }

    /** How long the run took, or has taken so far: {@code hh:mm:ss}; null before it started. */
    static String elapsed(Instant start, Instant end) {
        if (start == null) {
            return null;
        }
        long seconds = Math.max(0, Duration.between(start, end == null ? Instant.now() : end).getSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The colour a status is shown in: waiting, running, done, failed or stopped. */
    static String statusKind(ExecutionStatus status) {
        return switch (status) {
            case UNEXECUTED, PREPARING, SCHEDULED -> "waiting";
            case EXECUTING, DELAYED -> "running";
            case COMPLETED -> "done";
            case FAILED, UNEXPECTED_ERROR -> "failed";
            case EMERGENCY_STOP, SCHEDULE_CANCELLED -> "stopped";
        };
    }

    static int lineCount(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int breaks = (int) text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? breaks : breaks + 1;
    }

    /** The populated data ({@code InputData_<no>.zip}) or result data ({@code ResultData_<no>.zip}) among the files. */
    private static String file(List<String> files, String prefix) {
        return files.stream().filter(name -> name.startsWith(prefix)).findFirst().orElse(null);
    }

    /** A log's element id: {@code log-} and its name with dots as dashes ({@code init.log} → {@code log-init-log}). */
    static String logId(String logName) {
        return "log-" + logName.replace('.', '-');
    }

    /** The driver's own word for a mode where it has one (Terraform's dry run is a "Plan"), else the common one. */
    private String modeLabel(ExecutionDriver driver, RunMode mode) {
        return label("ui.execution.mode." + driver.pagePath() + "." + mode.stored(), "ui.execution.mode." + mode.stored());
    }

    /** "Console log" rather than "console" where there are words for it; a file-like name (init.log) as it is. */
    private String logTitle(String logName) {
        String key = "ui.execution.log." + logName;
        String text = messages.get(LocaleContextHolder.getLocale(), key);
        return text.equals(key) ? logName : text;
    }

    private String label(String key, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = messages.get(locale, key);
        return text.equals(key) ? messages.get(locale, fallback) : text;
    }

    private static String statusName(ExecutionStatus status) {
        return status.displayName(LocaleContextHolder.getLocale().getLanguage().equals(Locale.JAPANESE.getLanguage()));
    }

    private String shown(Instant instant) {
        return instant == null ? null : readers.current().format(instant);
    }

    private static String redirect(ExecutionDriver driver, String org, String ws, String execution) {
        return "redirect:/ui/ws/" + org + "/" + ws + "/" + driver.pagePath() + "/" + execution;
    }

    private List<String> names(String org, String ws, String menu, String column) {
        return menus.records(org, ws, menu, false).stream().filter(r -> !r.discarded())
                .map(r -> String.valueOf(r.parameter().get(column))).toList();
    }
}
