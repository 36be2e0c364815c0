package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.Languages;
import dev.jita.core.StoredLanguage;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The language each user chose (system administrators and organization users alike), read at every use. */
@Component
public class UserLanguages implements StoredLanguage {

    private final UserPreferences preferences;

    UserLanguages(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Optional<Locale> ofCaller() {
        return CurrentUser.find().flatMap(this::of).flatMap(Languages::supported);
    }

    /** {@code ja} or {@code en}, or empty when the user has not chosen one. */
    public Optional<String> of(JitaUser user) {
        return preferences.read(user, UserPreferences.Column.LANGUAGE);
    }

    /** Stores {@code language} ({@code ja} or {@code en}) as the user's; a user change, so refused in load mode. */
    public void set(JitaUser user, String language) {
        Locale locale = Languages.supported(language)
                .orElseThrow(() -> ApiException.badRequest("platform.bad_language", String.valueOf(language)));
        preferences.write(user, UserPreferences.Column.LANGUAGE, locale.getLanguage());
    }
}
