package dev.jita.maintenance;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.security.CurrentUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/platform/maintenance-drain} {"timeout_seconds": 3600, "load_mode": true} starts a drain;
 * {@code GET} shows the latest one (state draining, drained, timed_out or cancelled); {@code DELETE} cancels
 * a running one, leaving the modes as they are.
 */
@RestController
@RequestMapping({"/api/platform/maintenance-drain", "/api/platform/maintenance-drain/"})
class DrainController {

    private static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

    private final Drains drains;
    private final MaintenanceGate gate;
    private final JsonBody json;

    DrainController(Drains drains, MaintenanceGate gate, JsonBody json) {
        this.drains = drains;
        this.gate = gate;
        this.json = json;
    }

    @PostMapping
    ApiResponse start(@RequestBody(required = false) String raw) {
        JsonNode body = raw == null || raw.isBlank() ? json.object("{}") : json.object(raw);
        for (String key : body.propertyNames()) {
            if (!key.equals("timeout_seconds") && !key.equals("load_mode")) {
                throw ApiException.badRequest("drain.unknown_key", key);
            }
        }
        JsonNode timeout = body.get("timeout_seconds");
        long seconds = 3600;
        if (timeout != null) {
            if (!timeout.isIntegralNumber() || timeout.longValue() < 1 || timeout.longValue() > MAX_TIMEOUT_SECONDS) {
                throw ApiException.badRequest("drain.bad_timeout", MAX_TIMEOUT_SECONDS);
            }
            seconds = timeout.longValue();
        }
        Boolean loadMode = JsonBody.optionalBoolean(body, "load_mode");
        return ApiResponse.ok(view(drains.start(Duration.ofSeconds(seconds), loadMode == null || loadMode, CurrentUser.name())));
    }

    @GetMapping
    ApiResponse get() {
        return ApiResponse.ok(drains.current().map(this::view).orElse(null));
    }

    @DeleteMapping
    ApiResponse cancel() {
        return ApiResponse.ok(view(drains.cancel(CurrentUser.name())));
    }

    private Map<String, Object> view(Drains.Drain drain) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", drain.id());
        view.put("state", drain.state().name().toLowerCase(java.util.Locale.ROOT));
        view.put("load_mode", drain.loadMode());
        view.put("execute_count", drain.executeCount());
        view.put("started_by", drain.startedBy());
        view.put("started_at", Times.micros(drain.startedAt()));
        view.put("deadline", Times.micros(drain.deadline()));
        view.put("ended_at", Times.micros(drain.endedAt()));
        view.put("modes", gate.current().asApi());
        return view;
    }
}
