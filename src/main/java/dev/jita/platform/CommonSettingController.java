package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Exastro's common settings (table common_setting): a fixed set of keys, each with a text value and a
 * description. System administrators list and change them; any user of an organization reads one.
 * jita keeps and serves them; none of them changes what jita does (see docs/decisions.md).
 */
@RestController
class CommonSettingController {

    private static final int VALUE_LENGTH = 4000;
    private static final int DESCRIPTION_LENGTH = 255;

    private final JdbcClient jdbc;
    private final MaintenanceGate gate;
    private final JsonBody json;

    CommonSettingController(JdbcClient jdbc, MaintenanceGate gate, JsonBody json) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.json = json;
    }

    @GetMapping("/api/platform/settings/common")
    ApiResponse list() {
        return ApiResponse.ok(jdbc.sql("SELECT config_key, config_value, description FROM common_setting "
                + "ORDER BY config_key").query((rs, n) -> view(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    @GetMapping("/api/{organizationId}/platform/settings/common/{configKey}")
    ApiResponse one(@PathVariable String organizationId, @PathVariable String configKey) {
        return ApiResponse.ok(find(configKey).orElseThrow(() -> notFound(configKey)));
    }

    @PutMapping("/api/platform/settings/common/{configKey}")
    ApiResponse update(@PathVariable String configKey, @RequestBody(required = false) String raw) {
        String user = CurrentUser.name();
        gate.run(Refusal.SYSTEM_API, () -> {
            JsonNode body = json.object(raw);
            String value = text(body, "value", VALUE_LENGTH);
            if (value == null || value.isEmpty()) {
                throw new ApiException("400-00011", "error.field_required", "value");
            }
            String description = text(body, "description", DESCRIPTION_LENGTH);
            int changed = jdbc.sql("UPDATE common_setting SET config_value = ?, description = ?, last_update_user = ?, "
                            + "last_update_timestamp = ? WHERE config_key = ?")
                    .params(value, description, user, Times.toDb(Times.now()), configKey).update();
            if (changed == 0) {
                throw notFound(configKey);
            }
        }, "PUT", "/api/platform/settings/common/" + configKey);
        return ApiResponse.ok(null);
    }

    /** A string, or a number kept as its text (Exastro's own values were given as numbers). */
    private static String text(JsonNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            throw ApiException.badRequest("error.field_not_string", field);
        }
        String text = node.isString() ? node.stringValue() : node.asString();
        if (text.length() > maxLength) {
            throw new ApiException("400-00012", "error.field_too_long", field, maxLength);
        }
        return text;
    }

    private Optional<Map<String, Object>> find(String configKey) {
        return jdbc.sql("SELECT config_key, config_value, description FROM common_setting WHERE config_key = ?")
                .param(configKey)
                .query((rs, n) -> view(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    private static ApiException notFound(String configKey) {
        return new ApiException("404-20001", "platform.setting_not_found", configKey);
    }

    private static Map<String, Object> view(String key, String value, String description) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", key);
        view.put("value", value);
        view.put("description", description);
        return view;
    }
}
