package dev.jita.core;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which language an answer is in when the request names none: the caller's stored language, else
 * {@code jita.default-language} ({@code ja} unless set, as Exastro's default).
 */
@Component
public class Languages {

    private static final Logger log = LoggerFactory.getLogger(Languages.class);

    private final Locale defaultLocale;
    private final ObjectProvider<StoredLanguage> stored;

    Languages(@Value("${jita.default-language:ja}") String configured, ObjectProvider<StoredLanguage> stored) {
        this.defaultLocale = supported(configured).orElseThrow(() -> new IllegalStateException(
                "jita.default-language must be ja or en, not '" + configured + "'"));
        this.stored = stored;
    }

    /** {@code ja} or {@code en} (any case, surrounding spaces ignored) as a locale; anything else is empty. */
    public static Optional<Locale> supported(String language) {
        String name = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "ja" -> Optional.of(Locale.JAPANESE);
            case "en" -> Optional.of(Locale.ENGLISH);
            default -> Optional.empty();
        };
    }

    public Locale defaultLocale() {
        return defaultLocale;
    }

    /** The stored language of the request's authenticated caller, else the default. */
    public Locale forCaller() {
        StoredLanguage lookup = stored.getIfAvailable();
        if (lookup != null) {
            try {
                Optional<Locale> chosen = lookup.ofCaller();
                if (chosen.isPresent()) {
                    return chosen.get();
                }
            } catch (RuntimeException e) {
                // An answer (perhaps the error about that very failure) is still given, in the default language.
                log.debug("The caller's language could not be read: {}", e.toString());
            }
        }
        return defaultLocale;
    }
}
