package dev.jita.system;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/ita/loglevel-settings/}: {"<service>": "DEBUG"|"INFO"|"WARNING"|"ERROR"|"CRITICAL"}. */
@RestController
class LogLevelController {

    private static final String PATH = "/api/ita/loglevel-settings/";

    private final LogLevelService service;
    private final MaintenanceGate gate;
    private final JsonBody json;

    LogLevelController(LogLevelService service, MaintenanceGate gate, JsonBody json) {
        this.service = service;
        this.gate = gate;
        this.json = json;
    }

    @GetMapping({PATH, "/api/ita/loglevel-settings"})
    ApiResponse get() {
        return ApiResponse.ok(service.levels());
    }

    @PatchMapping({PATH, "/api/ita/loglevel-settings"})
    ApiResponse patch(@RequestBody(required = false) String raw, HttpServletRequest request) {
        String user = CurrentUser.name();
        gate.run(Refusal.SYSTEM_API, () -> service.store(validate(raw), user),
                request.getMethod(), request.getRequestURI());
        service.apply();
        return ApiResponse.ok(null);
    }

    private Map<String, String> validate(String raw) {
        JsonNode body = json.object(raw);
        if (body.isEmpty()) {
            throw ApiException.badBody("error.body_empty");
        }
        Map<String, String> levels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!ServiceLoggers.SERVICES.containsKey(entry.getKey())) {
                throw ApiException.badRequest("system.unknown_service", entry.getKey());
            }
            JsonNode value = entry.getValue();
            String level = value.isString() ? LogLevelService.level(value.stringValue()).orElse(null) : null;
            if (level == null) {
                throw ApiException.badRequest("system.bad_level", entry.getKey(), String.valueOf(value));
            }
            levels.put(entry.getKey(), level);
        }
        return levels;
    }
}
