package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/platform/maintenance-windows}: schedule (POST), list (GET: upcoming, running, past), read, change
 * (PATCH) and cancel (DELETE) maintenance windows; changes only before the window starts (else 409-34001).
 */
@RestController
class MaintenanceWindowController {

    private static final String BASE = "/api/platform/maintenance-windows";
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final MaintenanceWindows windows;
    private final JsonBody json;

    MaintenanceWindowController(MaintenanceWindows windows, JsonBody json) {
        this.windows = windows;
        this.json = json;
    }

    @PostMapping(BASE)
    ApiResponse schedule(@RequestBody(required = false) String raw) {
        return ApiResponse.ok(view(windows.schedule(json.object(raw, MAX_BODY_BYTES), CurrentUser.name())));
    }

    @GetMapping(BASE)
    ApiResponse list(@RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        MaintenanceWindows.Listing listing = windows.list(limit);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("upcoming", listing.upcoming().stream().map(MaintenanceWindowController::view).toList());
        data.put("running", listing.running().stream().map(MaintenanceWindowController::view).toList());
        data.put("past", listing.past().stream().map(MaintenanceWindowController::view).toList());
        return ApiResponse.ok(data);
    }

    /** Every window's audit trail, newest first (the one of a window: GET .../{id}/audit). */
    @GetMapping(BASE + "/audit")
    ApiResponse audit(@RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        return ApiResponse.ok(auditView(windows.audit(null, limit)));
    }

    @GetMapping(BASE + "/{windowId}")
    ApiResponse get(@PathVariable String windowId) {
        return ApiResponse.ok(view(windows.find(windowId)
                .orElseThrow(() -> ApiException.notFound("window.not_found", windowId))));
    }

    @GetMapping(BASE + "/{windowId}/audit")
    ApiResponse windowAudit(@PathVariable String windowId, @RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        windows.find(windowId).orElseThrow(() -> ApiException.notFound("window.not_found", windowId));
        return ApiResponse.ok(auditView(windows.audit(windowId, limit)));
    }

    @PatchMapping(BASE + "/{windowId}")
    ApiResponse change(@PathVariable String windowId, @RequestBody(required = false) String raw) {
        return ApiResponse.ok(view(windows.change(windowId, json.object(raw, MAX_BODY_BYTES), CurrentUser.name())));
    }

    @DeleteMapping(BASE + "/{windowId}")
    ApiResponse cancel(@PathVariable String windowId) {
        return ApiResponse.ok(view(windows.cancel(windowId, CurrentUser.name())));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 10000) {
            throw ApiException.badRequest("error.bad_parameter");
        }
    }

    static Map<String, Object> view(MaintenanceWindows.Window window) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", window.id());
        view.put("start", MaintenanceWindows.shown(window.start()));
        view.put("end", MaintenanceWindows.shown(window.end()));
        view.put("modes", window.modes().stream().map(MaintenanceMode::key).toList());
        view.put("reason", window.reason());
        view.put("drain_timeout", window.drainTimeout().toString());
        view.put("state", window.shownState());
        view.put("status", window.status().name().toLowerCase(Locale.ROOT));
        view.put("drain_id", window.drainId());
        view.put("modes_turned_on", window.modesOn().stream().map(MaintenanceMode::key).toList());
        view.put("started_at", Times.micros(window.startedAt()));
        view.put("started_late", window.startedLate());
        view.put("ended_at", Times.micros(window.endedAt()));
        view.put("ended_late", window.endedLate());
        view.put("created_by", window.createdBy());
        view.put("created_at", Times.micros(window.createdAt()));
        view.put("last_update_user", window.lastUpdateUser());
        view.put("last_update_timestamp", Times.micros(window.lastUpdateTimestamp()));
        return view;
    }

    private static List<Map<String, Object>> auditView(List<MaintenanceWindows.AuditEntry> entries) {
        return entries.stream().map(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entry.id());
            item.put("window_id", entry.windowId());
            item.put("action", entry.action());
            item.put("detail", entry.detail());
            item.put("late", entry.late());
            item.put("changed_by", entry.changedBy());
            item.put("changed_at", Times.micros(entry.changedAt()));
            return item;
        }).toList();
    }
}
