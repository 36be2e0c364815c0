package dev.jita.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads request bodies as JSON objects and checks their fields, so that every bad body gets the same clear
 * 400 answer: 400-00002 when the body is not a JSON object at all or holds text no field may hold (a control
 * character other than tab, LF and CR, or an unpaired surrogate), 400-00001 when a field is wrong.
 */
@Component
public class JsonBody {

    /** Bodies of the platform's own endpoints are small; anything larger is refused unread. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final ObjectReader reader;

    JsonBody(ObjectMapper json) {
        this.reader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public JsonNode object(String raw) {
        return object(raw, DEFAULT_MAX_BYTES);
    }

    public JsonNode object(String raw, int maxBytes) {
        JsonNode node = parse(raw, maxBytes);
        if (!node.isObject()) {
            throw ApiException.badBody("error.body_not_object");
        }
        return node;
    }

    private JsonNode parse(String raw, int maxBytes) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badBody("error.body_empty");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ApiException.badBody("error.body_too_large");
        }
        JsonNode node;
        try {
            node = reader.readTree(raw);
        } catch (JacksonException e) {
            throw ApiException.badBody("error.body_not_json");
        }
        if (node == null) {
            throw ApiException.badBody("error.body_empty");
        }
        checkText(node, "");
        return node;
    }

    /** Every key and string value, however deep: they reach the database, logs and playbooks as they are. */
    private static void checkText(JsonNode node, String path) {
        if (node.isString()) {
            checkText(node.stringValue(), path.isEmpty() ? "(body)" : path);
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode item : node.values()) {
                checkText(item, path + "[" + index++ + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                checkText(entry.getKey(), field);
                checkText(entry.getValue(), field);
            }
        }
    }

    private static void checkText(String text, String field) {
        int refused = UntrustedText.refusedCharacter(text, true);
        if (refused >= 0) {
            throw ApiException.badBody("error.control_character", UntrustedText.forLog(field),
                    UntrustedText.codePoint(refused));
        }
        if (UntrustedText.hasUnpairedSurrogate(text)) {
            throw ApiException.badBody("error.unpaired_surrogate", UntrustedText.forLog(field));
        }
    }

    /** A body that must be a JSON array. */
    public JsonNode array(String raw, int maxBytes) {
        JsonNode node = parse(raw, maxBytes);
        if (!node.isArray()) {
            throw ApiException.badBody("error.body_not_array");
        }
        return node;
    }

    public static String requiredString(JsonNode body, String field, int maxLength) {
        String value = optionalString(body, field, maxLength);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("error.field_required", field);
        }
        return value;
    }

    public static String optionalString(JsonNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest("error.field_not_string", field);
        }
        String value = node.stringValue();
        if (value.length() > maxLength) {
            throw ApiException.badRequest("error.field_too_long", field, maxLength);
        }
        return value;
    }

    public static String requiredMatching(JsonNode body, String field, Pattern pattern) {
        String value = requiredString(body, field, 255);
        if (!pattern.matcher(value).matches()) {
            throw ApiException.badRequest("error.field_format", field);
        }
        return value;
    }

    public static Boolean optionalBoolean(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("error.field_not_boolean", field);
        }
        return node.booleanValue();
    }

    public static JsonNode optionalObject(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("error.field_not_object", field);
        }
        return node;
    }

    public static JsonNode optionalArray(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("error.field_not_array", field);
        }
        return node;
    }

    /** Lower-cased key, for the endpoints whose keys Exastro matches case-insensitively. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
