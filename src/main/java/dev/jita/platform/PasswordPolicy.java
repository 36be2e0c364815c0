package dev.jita.platform;

import dev.jita.core.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The rules every password of an organization user meets, wherever it is set (organization creation's managers,
 * user creation, a password change, the web UI's forms): the one place they are checked. A refusal is a 400 that
 * names the rule; nothing of the request is written.
 */
@Component
@EnableConfigurationProperties(PasswordPolicy.Settings.class)
public class PasswordPolicy {

    /** bcrypt reads 72 bytes; a longer password would be cut silently, so it is refused. */
    static final int MAX_BYTES = 72;

    /** The kinds of character a password may be asked to contain. */
    public enum CharacterClass {
        LETTER, LOWER, UPPER, DIGIT, SYMBOL;

        boolean in(String password) {
            return password.codePoints().anyMatch(this::matches);
        }

        private boolean matches(int c) {
            return switch (this) {
                case LETTER -> Character.isLetter(c);
                case LOWER -> Character.isLowerCase(c);
                case UPPER -> Character.isUpperCase(c);
                case DIGIT -> Character.isDigit(c);
                case SYMBOL -> !Character.isLetterOrDigit(c);
            };
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code jita.security.password.*}.
     *
     * @param minLength       the fewest characters
     * @param minClasses      how many of letters, digits and other characters a password mixes at least
     * @param requiredClasses classes every password contains (letter, lower, upper, digit, symbol)
     */
    @ConfigurationProperties("jita.security.password")
    public record Settings(@DefaultValue("8") int minLength, @DefaultValue("2") int minClasses,
                           @DefaultValue List<CharacterClass> requiredClasses) {
    }

    private static final List<CharacterClass> MIXED = List.of(CharacterClass.LETTER, CharacterClass.DIGIT,
            CharacterClass.SYMBOL);

    private final Settings settings;
    private final Set<CharacterClass> required;

    PasswordPolicy(Settings settings) {
        if (settings.minLength() < 1 || settings.minClasses() < 0 || settings.minClasses() > MIXED.size()) {
            throw new IllegalStateException("jita.security.password: min-length must be at least 1 and min-classes "
                    + "between 0 and 3");
        }
        this.settings = settings;
        this.required = settings.requiredClasses().isEmpty() ? EnumSet.noneOf(CharacterClass.class)
                : EnumSet.copyOf(settings.requiredClasses());
    }

    public Settings settings() {
        return settings;
    }

    /** The password when it meets every rule; else a 400 naming {@code field} and the first rule it breaks. */
    public String check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("error.field_required", field);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest("platform.password_too_long", field, MAX_BYTES);
        }
        if (password.codePointCount(0, password.length()) < settings.minLength()) {
            throw ApiException.badRequest("platform.password_too_short", field, settings.minLength());
        }
        long mixed = MIXED.stream().filter(c -> c.in(password)).count();
        if (mixed < settings.minClasses()) {
            throw ApiException.badRequest("platform.password_classes", field, settings.minClasses());
        }
        for (CharacterClass needed : required) {
            if (!needed.in(password)) {
                throw ApiException.badRequest("platform.password_needs_" + needed.key(), field);
            }
        }
        return password;
    }
}
