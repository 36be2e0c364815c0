package dev.jita.core;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Messages in English or Japanese, chosen by the Exastro {@code Language} header (English by default). */
@Component
public class Messages {

    public static final String LANGUAGE_HEADER = "Language";

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public static Locale locale(HttpServletRequest request) {
        return locale(request == null ? null : request.getHeader(LANGUAGE_HEADER));
    }

    public static Locale locale(String language) {
        if (language != null && language.trim().toLowerCase(Locale.ROOT).startsWith("ja")) {
            return Locale.JAPANESE;
        }
        return Locale.ENGLISH;
    }

    public String get(Locale locale, String key, Object... args) {
        try {
            return source.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    public String get(HttpServletRequest request, String key, Object... args) {
        return get(locale(request), key, args);
    }
}
