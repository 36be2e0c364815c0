package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.JitaUser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The time zone each user chose for the web UI (system administrators and organization users alike). */
@Component
public class UserTimeZones {

    /** The region names of the zone database (UTC among them): no bare offsets, nothing longer than the column. */
    private static final Set<String> NAMES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private final JdbcClient jdbc;
    private final MaintenanceGate gate;

    UserTimeZones(JdbcClient jdbc, MaintenanceGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /** The zone {@code text} names, when it is a known region name (or UTC); empty for anything else. */
    public static Optional<ZoneId> zone(String text) {
        if (text == null || text.length() > 64 || !NAMES.contains(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /** The user's zone, or empty when they have not chosen one (or the stored name is no longer known). */
    public Optional<ZoneId> of(JitaUser user) {
        JdbcClient.StatementSpec query = user.systemAdmin()
                ? jdbc.sql("SELECT preferred_time_zone FROM system_admin WHERE username = ?").param(user.username())
                : jdbc.sql("SELECT preferred_time_zone FROM org_user WHERE organization_id = ? AND username = ?")
                        .params(user.organizationId(), user.username());
        return query.query(String.class).list().stream().filter(Objects::nonNull).findFirst()
                .flatMap(UserTimeZones::zone);
    }

    /**
     * Stores {@code zone} as the user's, or forgets it when null (the browser's zone is used again); a user
     * change, so refused in load mode. An unknown name is a 400 and stores nothing.
     */
    public void set(JitaUser user, String zone) {
        String stored = zone == null ? null : zone(zone)
                .orElseThrow(() -> ApiException.badRequest("platform.bad_time_zone", zone)).getId();
        gate.run(Refusal.USER_MANAGEMENT, () -> {
            if (user.systemAdmin()) {
                jdbc.sql("UPDATE system_admin SET preferred_time_zone = ? WHERE username = ?")
                        .params(stored, user.username()).update();
            } else {
                jdbc.sql("UPDATE org_user SET preferred_time_zone = ? WHERE organization_id = ? AND username = ?")
                        .params(stored, user.organizationId(), user.username()).update();
            }
        });
    }
}
