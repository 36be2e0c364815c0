package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.maintenance.MaintenanceWindows;
import dev.jita.security.CurrentUser;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's maintenance windows: schedule, change and cancel, exactly as the API's POST, PATCH and DELETE
 * do, with the API's message when the service refuses.
 */
@Controller
class WindowPages {

    private static final String CONSOLE = "redirect:/admin/maintenance#windows-title";
    private static final Pattern MINUTES = Pattern.compile("\\d{1,6}");

    private final MaintenanceWindows windows;
    private final Messages messages;
    private final ObjectMapper json;
    private final ReaderZones readers;

    WindowPages(MaintenanceWindows windows, Messages messages, ObjectMapper json, ReaderZones readers) {
        this.readers = readers;
        this.windows = windows;
        this.messages = messages;
        this.json = json;
    }

    @PostMapping("/admin/maintenance/windows")
    String schedule(@RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String end,
                    @RequestParam(required = false) List<String> mode, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(name = "drain_timeout", defaultValue = "") String drainTimeout,
                    RedirectAttributes redirect) {
        return answer(redirect, "ui.windows.scheduled",
                () -> windows.schedule(body(start, end, mode, reason, drainTimeout), CurrentUser.name()));
    }

    @PostMapping("/admin/maintenance/windows/{windowId}")
    String change(@PathVariable String windowId, @RequestParam(defaultValue = "") String start,
                  @RequestParam(defaultValue = "") String end, @RequestParam(required = false) List<String> mode,
                  @RequestParam(defaultValue = "") String reason,
                  @RequestParam(name = "drain_timeout", defaultValue = "") String drainTimeout,
                  RedirectAttributes redirect) {
        return answer(redirect, "ui.windows.changed",
                () -> windows.change(windowId, body(start, end, mode, reason, drainTimeout), CurrentUser.name()));
    }

    @PostMapping("/admin/maintenance/windows/{windowId}/cancel")
    String cancel(@PathVariable String windowId, RedirectAttributes redirect) {
        return answer(redirect, "ui.windows.cancelled", () -> windows.cancel(windowId, CurrentUser.name()));
    }

    private String answer(RedirectAttributes redirect, String done, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("windowDone", messages.get(LocaleContextHolder.getLocale(), done));
        } catch (ApiException refused) {
            redirect.addFlashAttribute("windowError",
                    messages.get(LocaleContextHolder.getLocale(), refused.messageKey(), refused.args()));
        }
        return CONSOLE;
    }

    /** The form as the API's body: an empty field is absent (start, modes) or none (end, reason). */
    private ObjectNode body(String start, String end, List<String> modes, String reason, String drainTimeout) {
        ObjectNode body = json.createObjectNode();
        if (!start.isBlank()) {
            body.put("start", utc(start.trim()));
        }
        if (end.isBlank()) {
            body.putNull("end");
        } else {
            body.put("end", utc(end.trim()));
        }
        ArrayNode list = body.putArray("modes");
        if (modes != null) {
            modes.forEach(list::add);
        }
        body.put("reason", reason);
        if (!drainTimeout.isBlank()) {
            String minutes = drainTimeout.trim();
            body.put("drain_timeout", MINUTES.matcher(minutes).matches() ? "PT" + minutes + "M" : minutes);
        }
        return body;
    }

    /** A datetime-local value is the reader's local time (the form names the zone); anything else goes as typed. */
    private String utc(String value) {
        return readers.current().iso(value);
    }
}
