package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.Languages;
import dev.jita.core.StoredLanguage;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The language each user chose (system administrators and organization users alike), read at every use. */
@Component
public class UserLanguages implements StoredLanguage {

    private final JdbcClient jdbc;
    private final MaintenanceGate gate;

    UserLanguages(JdbcClient jdbc, MaintenanceGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    @Override
    public Optional<Locale> ofCaller() {
        return CurrentUser.find().flatMap(this::of).flatMap(Languages::supported);
    }

    /** {@code ja} or {@code en}, or empty when the user has not chosen one. */
    public Optional<String> of(JitaUser user) {
        JdbcClient.StatementSpec query = user.systemAdmin()
                ? jdbc.sql("SELECT preferred_language FROM system_admin WHERE username = ?").param(user.username())
                : jdbc.sql("SELECT preferred_language FROM org_user WHERE organization_id = ? AND username = ?")
                        .params(user.organizationId(), user.username());
        return query.query(String.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /** Stores {@code language} ({@code ja} or {@code en}) as the user's; a user change, so refused in load mode. */
    public void set(JitaUser user, String language) {
        Locale locale = Languages.supported(language)
                .orElseThrow(() -> ApiException.badRequest("platform.bad_language", String.valueOf(language)));
        gate.run(Refusal.USER_MANAGEMENT, () -> {
            if (user.systemAdmin()) {
                jdbc.sql("UPDATE system_admin SET preferred_language = ? WHERE username = ?")
                        .params(locale.getLanguage(), user.username()).update();
            } else {
                jdbc.sql("UPDATE org_user SET preferred_language = ? WHERE organization_id = ? AND username = ?")
                        .params(locale.getLanguage(), user.organizationId(), user.username()).update();
            }
        });
    }
}
