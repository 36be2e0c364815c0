package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usages (what each organization uses of its limited items) and an organization's limits now, with
 * Exastro's paths and shapes. {@code id} and {@code limit_id} filter by prefix, as in Exastro.
 */
@RestController
class UsageController {

    private final Usages usages;
    private final Plans plans;
    private final Organizations organizations;

    UsageController(Usages usages, Plans plans, Organizations organizations) {
        this.usages = usages;
        this.plans = plans;
        this.organizations = organizations;
    }

    /** System administrators: every organization, or the one named by {@code organization_id}. */
    @GetMapping("/api/platform/usages")
    ApiResponse all(@RequestParam(name = "organization_id", required = false) String organizationId,
                    @RequestParam(name = "id", required = false) String id) {
        List<String> ids;
        if (organizationId == null || organizationId.isEmpty()) {
            ids = organizations.all().stream().map(Organizations.Organization::id).toList();
        } else {
            if (organizations.find(organizationId).isEmpty()) {
                throw ApiException.notFound("error.organization_not_found", organizationId);
            }
            ids = List.of(organizationId);
        }
        return ApiResponse.ok(ids.stream().map(org -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("organization_id", org);
            view.put("usages", usageList(org, id));
            return view;
        }).toList());
    }

    /** The organization's managers. */
    @GetMapping("/api/{organizationId}/platform/usages")
    ApiResponse ofOrganization(@PathVariable String organizationId,
                               @RequestParam(name = "id", required = false) String id) {
        return ApiResponse.ok(usageList(organizationId, id));
    }

    /** Any user of the organization: the limits in force now. */
    @GetMapping("/api/{organizationId}/platform/limits")
    ApiResponse limits(@PathVariable String organizationId,
                       @RequestParam(name = "limit_id", required = false) String limitId) {
        Map<String, Long> limits = new LinkedHashMap<>();
        plans.limits(organizationId).forEach((key, value) -> {
            if (limitId == null || key.startsWith(limitId)) {
                limits.put(key, value);
            }
        });
        return ApiResponse.ok(limits);
    }

    private List<Map<String, Object>> usageList(String organizationId, String prefix) {
        return usages.of(organizationId).entrySet().stream()
                .filter(entry -> prefix == null || entry.getKey().startsWith(prefix))
                .map(entry -> {
                    Map<String, Object> usage = new LinkedHashMap<>();
                    usage.put("id", entry.getKey());
                    usage.put("current_value", entry.getValue());
                    return usage;
                }).toList();
    }
}
