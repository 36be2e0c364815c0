package dev.jita.core;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Messages in English or Japanese. An API answer follows the Exastro {@code Language} header; without one, the
 * caller's stored language, else {@code jita.default-language} (see {@link Languages}).
 */
@Component
public class Messages {

    public static final String LANGUAGE_HEADER = "Language";
    /** The request's {@code Supplier<Locale>}, set by {@link RequestLanguage} before any other filter. */
    static final String LANGUAGE_ATTRIBUTE = Messages.class.getName() + ".language";

    private final MessageSource source;
    private final Languages languages;

    Messages(MessageSource source, Languages languages) {
        this.source = source;
        this.languages = languages;
    }

    /** The language of the answer to {@code request} (seen by the filters; else the header, else Exastro's default). */
    public static Locale locale(HttpServletRequest request) {
        return chosen(request).orElseGet(() -> explicit(header(request)).orElse(Locale.JAPANESE));
    }

    /**
     * The language a {@code Language} header names: Japanese for {@code ja…}, English for any other value, none
     * when the header is absent or blank (Exastro then uses its default).
     */
    static Optional<Locale> explicit(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(header.trim().toLowerCase(Locale.ROOT).startsWith("ja") ? Locale.JAPANESE : Locale.ENGLISH);
    }

    public String get(Locale locale, String key, Object... args) {
        try {
            return source.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** In the request's language; a request that passed no filter (refused by Tomcat itself) gets the default. */
    public String get(HttpServletRequest request, String key, Object... args) {
        Locale locale = chosen(request).orElseGet(() -> explicit(header(request)).orElse(languages.defaultLocale()));
        return get(locale, key, args);
    }

    private static Optional<Locale> chosen(HttpServletRequest request) {
        return request != null && request.getAttribute(LANGUAGE_ATTRIBUTE) instanceof Supplier<?> chosen
                && chosen.get() instanceof Locale locale ? Optional.of(locale) : Optional.empty();
    }

    private static String header(HttpServletRequest request) {
        return request == null ? null : request.getHeader(LANGUAGE_HEADER);
    }
}
