package dev.jita.platform;

import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.JitaUser;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A preference column every user has, on {@code system_admin} for system administrators and on {@code org_user}
 * for organization users: the language, the time zone.
 */
@Component
class UserPreferences {

    /** The columns there are; a column name is never taken from a request. */
    enum Column {
        LANGUAGE("preferred_language"), TIME_ZONE("preferred_time_zone");

        private final String name;

        Column(String name) {
            this.name = name;
        }
    }

    private final JdbcClient jdbc;
    private final MaintenanceGate gate;

    UserPreferences(JdbcClient jdbc, MaintenanceGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /** The user's value, or empty when they have not chosen one. */
    Optional<String> read(JitaUser user, Column column) {
        JdbcClient.StatementSpec query = user.systemAdmin()
                ? jdbc.sql("SELECT " + column.name + " FROM system_admin WHERE username = ?").param(user.username())
                : jdbc.sql("SELECT " + column.name + " FROM org_user WHERE organization_id = ? AND username = ?")
                        .params(user.organizationId(), user.username());
        return query.query(String.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /** Stores {@code value} (null forgets it); a user change, so refused in load mode. */
    void write(JitaUser user, Column column, String value) {
        gate.run(Refusal.USER_MANAGEMENT, () -> {
            if (user.systemAdmin()) {
                jdbc.sql("UPDATE system_admin SET " + column.name + " = ? WHERE username = ?")
                        .params(value, user.username()).update();
            } else {
                jdbc.sql("UPDATE org_user SET " + column.name + " = ? WHERE organization_id = ? AND username = ?")
                        .params(value, user.organizationId(), user.username()).update();
            }
        });
    }
}
