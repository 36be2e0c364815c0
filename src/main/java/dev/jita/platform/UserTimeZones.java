package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.security.JitaUser;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The time zone each user chose for the web UI (system administrators and organization users alike). */
@Component
public class UserTimeZones {

    /** The region names of the zone database (UTC among them): no bare offsets, nothing longer than the column. */
    private static final Set<String> NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final UserPreferences preferences;

    UserTimeZones(UserPreferences preferences) {
        this.preferences = preferences;
    }

    /** The zone {@code text} names, when it is a known region name (or UTC); empty for anything else. */
    public static Optional<ZoneId> zone(String text) {
        if (text == null || text.length() > 64 || !NAMES.contains(text)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(text));
    }

    /** The user's zone, or empty when they have not chosen one (or the stored name is no longer known). */
    public Optional<ZoneId> of(JitaUser user) {
        return preferences.read(user, UserPreferences.Column.TIME_ZONE).flatMap(UserTimeZones::zone);
    }

    /**
     * Stores {@code zone} as the user's, or forgets it when null (the browser's zone is used again); a user
     * change, so refused in load mode. An unknown name is a 400 and stores nothing.
     */
    public void set(JitaUser user, String zone) {
        String stored = zone == null ? null : zone(zone)
                .orElseThrow(() -> ApiException.badRequest("platform.bad_time_zone", zone)).getId();
        preferences.write(user, UserPreferences.Column.TIME_ZONE, stored);
    }
}
