package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.platform.UserTimeZones;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's time zone for the web UI: a region name they choose, or none to follow the browser's zone.
 * Anyone logged in may set their own; nobody else's.
 */
@Controller
class TimeZonePage {

    /** The region names offered, UTC first. */
    private static final List<String> NAMES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(name -> UserTimeZones.zone(name).isPresent() && name.contains("/") && !name.startsWith("Etc/")
                    && !name.startsWith("SystemV/"))
            .sorted()).toList();

    private final UserTimeZones zones;
    private final ReaderZones readers;
    private final Messages messages;

    TimeZonePage(UserTimeZones zones, ReaderZones readers, Messages messages) {
        this.zones = zones;
        this.readers = readers;
        this.messages = messages;
    }

    @GetMapping("/ui/time-zone")
    String page(Model model) {
        String stored = readers.stored().map(ZoneId::getId).orElse("");
        return form(model, stored, stored);
    }

    /**
     * {@code browser} (or an empty zone): forget the stored zone; an unknown one shows the form again with the
     * reason, as a 400, and changes nothing.
     */
    @PostMapping("/ui/time-zone")
    String save(@RequestParam(defaultValue = "") String zone, @RequestParam(required = false) String browser,
                Model model, HttpServletResponse response) {
        try {
            zones.set(CurrentUser.get(), browser != null || zone.isBlank() ? null : zone.trim());
        } catch (ApiException refused) {
            FormState.refused(refused, Map.of(), Map.of(), messages, model, response);
            return form(model, readers.stored().map(ZoneId::getId).orElse(""), zone);
        }
        return "redirect:/ui/time-zone?saved";
    }

    private static String form(Model model, String stored, String entered) {
        model.addAttribute("zoneNames", NAMES);
        model.addAttribute("storedZone", stored);
        model.addAttribute("enteredZone", entered);
        return "time-zone";
    }
}
