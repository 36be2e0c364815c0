package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.CurrentUser;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Plans (named sets of limits), the items they limit, and the plans of each organization, with Exastro's
 * paths and shapes. System administrators only (the security configuration guards /api/platform/**).
 */
@RestController
class PlanController {

    /** Exastro's bound on limit values (its database's). */
    private static final long LARGEST_LIMIT = 99_999_999_999_999L;

    private final Plans plans;
    private final Organizations organizations;
    private final MaintenanceGate gate;
    private final JsonBody json;

    PlanController(Plans plans, Organizations organizations, MaintenanceGate gate, JsonBody json) {
        this.plans = plans;
        this.organizations = organizations;
        this.gate = gate;
        this.json = json;
    }

    @GetMapping("/api/platform/plan_items")
    ApiResponse items() {
        return ApiResponse.ok(plans.items().stream().map(item -> {
            Map<String, Object> informations = new LinkedHashMap<>();
            informations.put("description", item.description());
            informations.put("max", item.max());
            informations.put("default", item.defaultValue());
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", item.limitId());
            view.put("informations", informations);
            return view;
        }).toList());
    }

    @GetMapping("/api/platform/plans")
    ApiResponse list() {
        return ApiResponse.ok(plans.all().stream().map(plan -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", plan.id());
            view.put("name", plan.name());
            view.put("informations", Map.of("description", plan.description() == null ? "" : plan.description()));
            view.put("create_timestamp", Times.micros(plan.createTimestamp()));
            view.put("create_user", plan.createUser());
            view.put("last_update_timestamp", Times.micros(plan.lastUpdateTimestamp()));
            view.put("last_update_user", plan.lastUpdateUser());
            view.put("limits", plan.limits());
            return view;
        }).toList());
    }

    @PostMapping("/api/platform/plans")
    ApiResponse create(@RequestBody(required = false) String raw) {
        String user = CurrentUser.name();
        gate.run(Refusal.SYSTEM_API, () -> {
            JsonNode body = json.object(raw);
            String id = Validation.planId(body);
            String name = text(body, "name", Validation.NAME_LENGTH);
            if (name == null || name.isEmpty()) {
                throw new ApiException("400-00011", "error.field_required", "name");
            }
            JsonNode informations = JsonBody.optionalObject(body, "informations");
            String description = informations == null ? null
                    : text(informations, "description", Validation.DESCRIPTION_LENGTH);
            plans.insert(id, name, description == null ? "" : description, limits(body), user);
        }, "POST", "/api/platform/plans");
        return ApiResponse.ok(null);
    }

    @GetMapping("/api/platform/{organizationId}/plans")
    ApiResponse organizationPlans(@PathVariable String organizationId) {
        requireOrganization(organizationId);
        return ApiResponse.ok(plans.ofOrganization(organizationId).stream().map(plan -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", plan.planId());
            view.put("start_datetime", Plans.formatStart(plan.start()));
            view.put("create_timestamp", Times.micros(plan.createTimestamp()));
            view.put("create_user", plan.createUser());
            view.put("last_update_timestamp", Times.micros(plan.lastUpdateTimestamp()));
            view.put("last_update_user", plan.lastUpdateUser());
            return view;
        }).toList());
    }

    @PostMapping("/api/platform/{organizationId}/plans")
    ApiResponse assign(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        String user = CurrentUser.name();
        gate.run(Refusal.SYSTEM_API, () -> {
            JsonNode body = json.object(raw);
            requireOrganization(organizationId);
            String planId = Validation.planId(body);
            LocalDateTime start = start(JsonBody.optionalString(body, "start_datetime", 64));
            if (!plans.exists(planId)) {
                throw new ApiException("404-29001", "platform.plan_not_found", planId);
            }
            plans.assign(organizationId, start, planId, user);
        }, "POST", "/api/platform/" + organizationId + "/plans");
        return ApiResponse.ok(null);
    }

    @DeleteMapping("/api/platform/{organizationId}/plans/{startDatetime}")
    ApiResponse unassign(@PathVariable String organizationId, @PathVariable String startDatetime) {
        gate.run(Refusal.SYSTEM_API, () -> {
            requireOrganization(organizationId);
            LocalDateTime start = start(startDatetime);
            if (plans.unassign(organizationId, start) == 0) {
                throw new ApiException("404-27002", "platform.organization_plan_not_found", organizationId,
                        Plans.formatStart(start));
            }
        }, "DELETE", "/api/platform/" + organizationId + "/plans/" + startDatetime);
        return ApiResponse.ok(null);
    }

    private void requireOrganization(String organizationId) {
        if (organizations.find(organizationId).isEmpty()) {
            throw ApiException.notFound("error.organization_not_found", organizationId);
        }
    }

    /** A string field; longer than {@code maxLength} is Exastro's 400-00012. */
    private static String text(JsonNode body, String field, int maxLength) {
        String value = JsonBody.optionalString(body, field, Integer.MAX_VALUE);
        if (value != null && value.length() > maxLength) {
            throw new ApiException("400-00012", "error.field_too_long", field, maxLength);
        }
        return value;
    }

    private static LocalDateTime start(String text) {
        if (text == null || text.isEmpty()) {
            throw new ApiException("400-00011", "error.field_required", "start_datetime");
        }
        return Plans.parseStart(text)
                .orElseThrow(() -> new ApiException("400-00020", "platform.not_datetime", "start_datetime"));
    }

    /** Every plan item needs a value, an integer from 0 to the item's maximum. */
    private Map<String, Long> limits(JsonNode body) {
        JsonNode node = JsonBody.optionalObject(body, "limits");
        if (node == null || node.isEmpty()) {
            throw new ApiException("400-00011", "error.field_required", "limits");
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new ApiException("400-00034", "platform.not_integer", "limits." + entry.getKey());
            }
            if (value.longValue() > LARGEST_LIMIT || value.longValue() < -LARGEST_LIMIT) {
                throw new ApiException("400-00035", "platform.out_of_range", "limits." + entry.getKey(),
                        -LARGEST_LIMIT, LARGEST_LIMIT);
            }
            values.put(entry.getKey(), value.longValue());
        }
        Map<String, Plans.PlanItem> items = new LinkedHashMap<>();
        plans.items().forEach(item -> items.put(item.limitId(), item));
        for (Map.Entry<String, Long> value : values.entrySet()) {
            Plans.PlanItem item = items.get(value.getKey());
            if (item == null) {
                throw new ApiException("400-27001", "platform.unknown_limit", value.getKey());
            }
            if (value.getValue() < 0 || (item.max() != null && value.getValue() > item.max())) {
                throw new ApiException("400-27002", "platform.limit_out_of_range", value.getKey(),
                        item.max() == null ? LARGEST_LIMIT : item.max());
            }
        }
        Set<String> missing = new TreeSet<>(items.keySet());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new ApiException("400-27003", "platform.limit_missing", String.join(", ", missing));
        }
        return values;
    }
}
