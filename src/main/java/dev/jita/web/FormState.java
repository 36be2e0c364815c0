package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * A form the service refused, shown again: what was typed (never a password), the reason next to the field it
 * names and, above the form, the refusal with its result code and a link to that field. The answer's status is
 * the refusal's (400, 403, 498, ...).
 */
final class FormState {

    /** Refusals whose first argument is the name of the field at fault. */
    private static final Set<String> FIELD_KEYS = Set.of("error.control_character", "error.unpaired_surrogate",
            "platform.password_too_long", "platform.password_too_short", "platform.password_classes",
            "platform.password_needs_letter", "platform.password_needs_lower", "platform.password_needs_upper",
            "platform.password_needs_digit", "platform.password_needs_symbol", "platform.id_characters",
            "platform.id_first_character");
    /** Refusals about a value the form typed, whose field the key alone tells. */
    private static final Map<String, String> VALUE_KEYS = Map.of("platform.user_exists", "username",
            "platform.workspace_exists", "id", "platform.organization_exists", "id",
            "platform.organization_id_reserved", "id");

    private FormState() {
    }

    /**
     * @param entered what was typed, passwords left out (empty: the page shows what is stored)
     * @param fields  the API's field name → the form's field name, for every field of the form
     */
    static void refused(ApiException error, Map<String, String> entered, Map<String, String> fields,
                        Messages messages, Model model, HttpServletResponse response) {
        String message = messages.get(LocaleContextHolder.getLocale(), error.messageKey(), error.args());
        String apiField = null;
        if (error.messageKey().startsWith("error.field_") || FIELD_KEYS.contains(error.messageKey())) {
            apiField = error.args().length > 0 && error.args()[0] instanceof String name ? name : null;
        } else if (VALUE_KEYS.containsKey(error.messageKey())) {
            apiField = VALUE_KEYS.get(error.messageKey());
        }
        String field = apiField == null ? null : fields.get(apiField);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (field != null) {
            fieldErrors.put(field, message);
        }
        if (!entered.isEmpty()) {
            model.addAttribute("entered", new LinkedHashMap<>(entered));
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("error", error.result() + " " + message);
        model.addAttribute("errorField", field);
        response.setStatus(error.status());
    }
}
