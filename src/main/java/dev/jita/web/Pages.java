package dev.jita.web;

import dev.jita.backyard.DrainForecast;
import dev.jita.backyard.ExecuteCheck;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.MaintenanceMode;
import dev.jita.maintenance.MaintenanceSettingService;
import dev.jita.maintenance.MaintenanceWindows;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import dev.jita.core.ApiException;
import dev.jita.system.LogLevelService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The web UI's pages: login, and the system administrator's maintenance console. */
@Controller
class Pages {

    private static final int AUDIT_ROWS = 50;

    private static final String LEVEL_FIELD = "level:";

    private final Banner banner;
    private final MaintenanceSettingService settings;
    private final ExecuteCheck executeCheck;
    private final LogLevelService logLevels;
    private final DrainForecast forecast;
    private final MaintenanceGate gate;
    private final MaintenanceWindows windows;

    Pages(Banner banner, MaintenanceSettingService settings, ExecuteCheck executeCheck, LogLevelService logLevels,
          DrainForecast forecast, MaintenanceGate gate, MaintenanceWindows windows) {
        this.banner = banner;
        this.forecast = forecast;
        this.gate = gate;
        this.windows = windows;
        this.settings = settings;
        this.executeCheck = executeCheck;
        this.logLevels = logLevels;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return CurrentUser.get().systemAdmin() ? "redirect:/admin/maintenance" : "redirect:/ui/workspaces";
    }

    @GetMapping("/admin/maintenance")
    String console(Model model) {
        model.addAttribute("modes", settings.states());
        model.addAttribute("audit", settings.audit(AUDIT_ROWS));
        model.addAttribute("levels", logLevels.levels());
        model.addAttribute("levelNames", List.of("DEBUG", "INFO"));
        MaintenanceWindows.Listing listing = windows.list(1);
        List<MaintenanceWindows.Window> current = new ArrayList<>(listing.running());
        current.addAll(listing.upcoming());
        model.addAttribute("windows", current);
        return "maintenance";
    }

    /** Log levels of the console: what PATCH /api/ita/loglevel-settings/ does, refused in load mode too. */
    @PostMapping("/admin/loglevels")
    String changeLogLevels(@RequestParam Map<String, String> form) {
        Map<String, Object> requested = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(LEVEL_FIELD)) {
                requested.put(name.substring(LEVEL_FIELD.length()), value);
            }
        });
        try {
            logLevels.change(requested, CurrentUser.name(), "POST", "/admin/loglevels");
        } catch (ApiException e) {
            return "redirect:/admin/maintenance?" + (e.status() == 498 ? "refused" : "invalid");
        }
        return "redirect:/admin/maintenance?levels";
    }

    /** A switch of the console: exactly what PATCH /api/platform/maintenance-mode-setting does. */
    @PostMapping("/admin/maintenance")
    String switchMode(@RequestParam String mode, @RequestParam String value,
                      @RequestParam(required = false) String reason) {
        MaintenanceMode target = MaintenanceMode.ofKey(mode).orElse(null);
        if (target == null || !(value.equals("0") || value.equals("1"))
                || (reason != null && reason.length() > 1000)) {
            return "redirect:/admin/maintenance?invalid";
        }
        Map<MaintenanceMode, String> change = new EnumMap<>(MaintenanceMode.class);
        change.put(target, value);
        JitaUser user = CurrentUser.get();
        try {
            settings.update(change, reason == null || reason.isBlank() ? null : reason.trim(), user.username());
        } catch (ApiException notInTime) {
            return "redirect:/admin/maintenance?busy";
        }
        return "redirect:/admin/maintenance";
    }

    /** The banner, for pages that are already open (polled by banner.js); who set the mode only with a session. */
    @GetMapping("/ui/banner")
    @ResponseBody
    Map<String, Object> bannerNow() {
        Map<String, Object> now = banner.now(LocaleContextHolder.getLocale(), PageModel.loggedIn() != null);
        now.put("notice", banner.notice());
        return now;
    }

    /** What still runs, for the console's live table (polled by console.js). */
    @GetMapping("/ui/admin/running")
    @ResponseBody
    Map<String, Object> running() {
        return executeCheck.snapshot(LocaleContextHolder.getLocale().getLanguage().equals(Locale.JAPANESE.getLanguage()));
    }

    /**
     * The drain forecast, for the console (polled by forecast.js), which shows it while jobs are stopped (during
     * a drain, or the manual procedure) and something still runs.
     */
    @GetMapping("/ui/admin/forecast")
    @ResponseBody
    Map<String, Object> forecast() {
        Map<String, Object> data = new LinkedHashMap<>(DrainForecast.view(forecast.forecast()));
        data.put("jobs_stopped", gate.current().jobsStopped());
        return data;
    }
}
