package dev.jita.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jita.core.ApiException;
import dev.jita.test.DatabaseIndependent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy's rules as configured, without a server. */
@DatabaseIndependent
class PasswordPolicyTest {

    private static PasswordPolicy policy(int minLength, int minClasses, PasswordPolicy.CharacterClass... required) {
        return new PasswordPolicy(new PasswordPolicy.Settings(minLength, minClasses, List.of(required)));
    }

    private static String refusal(PasswordPolicy policy, String password) {
        try {
            policy.check("password", password);
            return null;
        } catch (ApiException e) {
            assertThat(e.result()).isEqualTo("400-00001");
            return e.messageKey();
        }
    }

    @Test
    void theDefaultsRefuseShortAndOneKindPasswords() {
        PasswordPolicy defaults = policy(8, 2);
        assertThat(refusal(defaults, "x")).isEqualTo("platform.password_too_short");
        assertThat(refusal(defaults, "abc-123")).isEqualTo("platform.password_too_short");
        assertThat(refusal(defaults, "password")).isEqualTo("platform.password_classes");
        assertThat(refusal(defaults, "12345678")).isEqualTo("platform.password_classes");
        assertThat(refusal(defaults, "")).isEqualTo("error.field_required");
        assertThat(refusal(defaults, null)).isEqualTo("error.field_required");
        assertThat(refusal(defaults, "a1".repeat(37))).isEqualTo("platform.password_too_long");
        assertThat(refusal(defaults, "owner-pass")).isNull();
        assertThat(refusal(defaults, "admin-Passw0rd")).isNull();
        assertThat(refusal(defaults, "passw0rd")).isNull();
        assertThat(refusal(defaults, "パスワード-です")).isNull();
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(refusal(policy(8, 0), "パスワード")).isEqualTo("platform.password_too_short");
        assertThat(refusal(policy(5, 0), "パスワード")).isNull();
    }

    @Test
    void requiredClassesAreEachChecked() {
        PasswordPolicy strict = policy(10, 3, PasswordPolicy.CharacterClass.UPPER, PasswordPolicy.CharacterClass.LOWER);
        assertThat(refusal(strict, "owner-pass")).isEqualTo("platform.password_classes");
        assertThat(refusal(strict, "owner-pass-1")).isEqualTo("platform.password_needs_upper");
        assertThat(refusal(strict, "OWNER-PASS-1")).isEqualTo("platform.password_needs_lower");
        assertThat(refusal(strict, "Owner-pass-1")).isNull();
        assertThat(refusal(policy(1, 0, PasswordPolicy.CharacterClass.DIGIT), "x")).isEqualTo("platform.password_needs_digit");
        assertThat(refusal(policy(1, 0, PasswordPolicy.CharacterClass.SYMBOL), "x1")).isEqualTo("platform.password_needs_symbol");
        assertThat(refusal(policy(1, 0, PasswordPolicy.CharacterClass.LETTER), "11")).isEqualTo("platform.password_needs_letter");
    }

    @Test
    void nonsenseSettingsStopTheStart() {
        assertThatThrownBy(() -> policy(0, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> policy(8, 4)).isInstanceOf(IllegalStateException.class);
    }
}
