package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.security.ApiPaths;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The platform's rules for ids and names (passwords: {@link PasswordPolicy}). */
final class Validation {

    static final Pattern ORGANIZATION_ID = Pattern.compile("[a-z][a-z0-9_-]{0,35}");
    static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,35}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int NAME_LENGTH = 255;
    static final int DESCRIPTION_LENGTH = 4000;
    private static final Pattern PLAN_ID_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int PLAN_ID_LENGTH = 36;

    private Validation() {
    }

    static String organizationId(JsonNode body) {
        String id = JsonBody.requiredMatching(body, "id", ORGANIZATION_ID);
        if (ApiPaths.RESERVED.contains(id)) {
            throw ApiException.badRequest("platform.organization_id_reserved", id);
        }
        return id;
    }


    /** Exastro's plan id rules and codes: required, at most 36 characters, letters, digits, - and _. */
    static String planId(JsonNode body) {
        JsonNode node = body.get("id");
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isEmpty())) {
            throw new ApiException("400-00011", "error.field_required", "id");
        }
        if (!node.isString()) {
            throw ApiException.badRequest("error.field_not_string", "id");
        }
        String id = node.stringValue();
        if (id.length() > PLAN_ID_LENGTH) {
            throw new ApiException("400-00012", "error.field_too_long", "id", PLAN_ID_LENGTH);
        }
        if (!PLAN_ID_CHARACTERS.matcher(id).matches()) {
            throw new ApiException("400-00013", "platform.id_characters", "id");
        }
        if (!Character.isLetter(id.charAt(0))) {
            throw new ApiException("400-00014", "platform.id_first_character", "id");
        }
        return id;
    }
}
