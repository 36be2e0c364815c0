package dev.jita.system;

import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Messages;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/ita/loglevel-settings/}: {"<service>": "DEBUG"|"INFO"}. A change answers a message in
 * {@code data}, as Exastro's does.
 */
@RestController
class LogLevelController {

    private static final String PATH = "/api/ita/loglevel-settings/";

    private final LogLevelService service;
    private final JsonBody json;
    private final Messages messages;

    LogLevelController(LogLevelService service, JsonBody json, Messages messages) {
        this.service = service;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping({PATH, "/api/ita/loglevel-settings"})
    ApiResponse get() {
        return ApiResponse.ok(service.levels());
    }

    @PatchMapping({PATH, "/api/ita/loglevel-settings"})
    ApiResponse patch(@RequestBody(required = false) String raw, HttpServletRequest request) {
        Map<String, Object> requested = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.object(raw).properties()) {
            JsonNode value = entry.getValue();
            requested.put(entry.getKey(), value.isString() ? value.stringValue() : value);
        }
        service.change(requested, CurrentUser.name(), request.getMethod(), request.getRequestURI());
        return ApiResponse.ok(messages.get(request, "system.levels_set"));
    }
}
