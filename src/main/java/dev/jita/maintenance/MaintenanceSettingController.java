package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.security.CurrentUser;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class MaintenanceSettingController {

    static final String REASON_KEY = "reason";
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_REASON_LENGTH = 1000;

    private final MaintenanceGate gate;
    private final MaintenanceSettingService settings;
    private final JsonBody json;

    MaintenanceSettingController(MaintenanceGate gate, MaintenanceSettingService settings, JsonBody json) {
        this.gate = gate;
        this.settings = settings;
        this.json = json;
    }

    @GetMapping("/api/platform/maintenance-mode-setting")
    ApiResponse get() {
        return ApiResponse.ok(gate.current().asApi());
    }

    /** Any user of the organization may read the modes, so that every user's screen can show the banner. */
    @GetMapping("/api/{organizationId}/platform/maintenance-mode-setting")
    ApiResponse getForOrganization() {
        return ApiResponse.ok(gate.current().asApi());
    }

    /**
     * Validates as Exastro does: the body's entries in their order, each key (400-00026) then its value
     * (400-00027), the first bad entry deciding. jita's {@code reason} is left out of that pass and checked
     * after it, so a body gets Exastro's answer for the same body without {@code reason}.
     */
    @PatchMapping("/api/platform/maintenance-mode-setting")
    ApiResponse patch(@RequestBody(required = false) String raw) {
        JsonNode body = json.object(raw, MAX_BODY_BYTES);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!seen.add(JsonBody.key(entry.getKey()))) {
                throw ApiException.badBody("maintenance.duplicate_key", entry.getKey());
            }
        }
        Map<MaintenanceMode, String> values = new EnumMap<>(MaintenanceMode.class);
        JsonNode reason = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (JsonBody.key(entry.getKey()).equals(REASON_KEY)) {
                reason = entry.getValue();
                continue;
            }
            MaintenanceMode mode = MaintenanceMode.ofKey(entry.getKey())
                    .orElseThrow(() -> new ApiException("400-00026", "maintenance.unknown_key", entry.getKey()));
            String value = modeValue(entry.getValue());
            if (!(value.equals("0") || value.equals("1"))) {
                throw new ApiException("400-00027", "maintenance.bad_value", entry.getKey(), String.valueOf(entry.getValue()));
            }
            values.put(mode, value);
        }
        if (values.isEmpty()) {
            throw ApiException.badBody("maintenance.no_mode");
        }
        settings.update(values, reason == null ? null : reason(reason), CurrentUser.name());
        return ApiResponse.ok(null);
    }

    /** Who set each mode, when, and why. */
    @GetMapping("/api/platform/maintenance-mode-setting/detail")
    ApiResponse detail() {
        Map<String, Object> data = new LinkedHashMap<>();
        settings.states().forEach((mode, state) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", state.value());
            item.put("reason", state.reason());
            item.put("last_update_user", state.lastUpdateUser());
            item.put("last_update_timestamp", Times.micros(state.lastUpdateTimestamp()));
            data.put(mode.key(), item);
        });
        return ApiResponse.ok(data);
    }

    /** The audit trail, newest first. */
    @GetMapping("/api/platform/maintenance-mode-setting/audit")
    ApiResponse audit(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10000) {
            throw ApiException.badRequest("error.bad_parameter");
        }
        List<Map<String, Object>> entries = settings.audit(limit).stream().map(entry -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entry.id());
            item.put("mode", MaintenanceMode.valueOf(entry.modeName()).key());
            item.put("old_value", entry.oldValue());
            item.put("new_value", entry.newValue());
            item.put("reason", entry.reason());
            item.put("changed_by", entry.changedBy());
            item.put("changed_at", Times.micros(entry.changedAt()));
            return item;
        }).toList();
        return ApiResponse.ok(entries);
    }

    /**
     * The value as Exastro compares it (Python's {@code str()} of the parsed JSON): a string as it is, an integer
     * in decimal, so that 0 and 1 pass; anything else can never be "0" or "1".
     */
    private static String modeValue(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        return value.isIntegralNumber() ? value.bigIntegerValue().toString() : "";
    }

    private static String reason(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().length() > MAX_REASON_LENGTH) {
            throw ApiException.badBody("maintenance.bad_reason", MAX_REASON_LENGTH);
        }
        return value.stringValue().isBlank() ? null : value.stringValue();
    }
}
