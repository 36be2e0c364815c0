package dev.jita.web;

import dev.jita.core.Messages;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceMode;
import dev.jita.maintenance.MaintenanceSettingService;
import dev.jita.maintenance.MaintenanceWindows;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the banner says: load mode's text wins when both modes are ON; with the reason given when the mode
 * was set, and when. Who set it is shown to logged-in users only: the login page is public and must not name
 * an administrator. Nothing when both are OFF.
 */
@Component
class Banner {

    private final MaintenanceSettingService settings;
    private final MaintenanceWindows windows;
    private final Messages messages;
    private final ReaderZones readers;

    Banner(MaintenanceSettingService settings, MaintenanceWindows windows, Messages messages, ReaderZones readers) {
        this.readers = readers;
        this.settings = settings;
        this.windows = windows;
        this.messages = messages;
    }

    /**
     * The advance notice of a maintenance window (start, end, reason; times in UTC, which the page shows in the
     * reader's zone), or null when none starts within jita.maintenance.notice-lead or is under way.
     */
    Map<String, Object> notice() {
        return windows.notice().map(window -> {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("start", MaintenanceWindows.shown(window.start()));
            notice.put("end", MaintenanceWindows.shown(window.end()));
            notice.put("reason", window.reason());
            return notice;
        }).orElse(null);
    }

    /**
     * mode, text, reason, set_by, set_at and who (set_by and set_at as a sentence, the time in the reader's zone);
     * all null when no mode is ON.
     * Without {@code loggedIn}, set_by is null and who gives the time alone.
     */
    Map<String, Object> now(Locale locale, boolean loggedIn) {
        Map<MaintenanceMode, MaintenanceSettingService.ModeState> states = settings.states();
        MaintenanceMode shown = null;
        for (MaintenanceMode mode : new MaintenanceMode[] {MaintenanceMode.DATA_UPDATE_STOP, MaintenanceMode.BACKYARD_EXECUTE_STOP}) {
            MaintenanceSettingService.ModeState state = states.get(mode);
            if (shown == null && state != null && "1".equals(state.value())) {
                shown = mode;
            }
        }
        Map<String, Object> banner = new LinkedHashMap<>();
        banner.put("mode", shown == null ? null : shown.key());
        banner.put("text", shown == null ? null : messages.get(locale, "maintenance.banner." + shown.key()));
        MaintenanceSettingService.ModeState state = shown == null ? null : states.get(shown);
        banner.put("reason", state == null ? null : state.reason());
        String setAt = state == null ? null : Times.micros(state.lastUpdateTimestamp());
        banner.put("set_by", state == null || !loggedIn ? null : state.lastUpdateUser());
        banner.put("set_at", setAt);
        String shownAt = state == null ? null : readers.current().format(state.lastUpdateTimestamp());
        banner.put("who", state == null ? null : loggedIn
                ? messages.get(locale, "ui.banner.set_by", state.lastUpdateUser(), shownAt)
                : messages.get(locale, "ui.banner.set_at", shownAt));
        return banner;
    }
}
