package dev.jita.drivers.ansible;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.platform.OrganizationDirectory;
import dev.jita.security.CurrentUser;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Exastro's initial settings of Ansible per organization (the body of {@code initial-settings-ansible.sh}):
 * checked as Exastro checks it, kept as given (table ansible_initial_setting) and served back. jita runs
 * Ansible-Core only and has no Ansible Automation Controller menus, so nothing in it changes an execution
 * (see docs/decisions.md). System administrators only (the /api/ita/** realm).
 */
@RestController
class AnsibleInitialSettingController {

    private static final String PATH = "/api/ita/{organizationId}/initial-settings/ansible";
    private static final Set<String> EXECUTION_ENGINES =
            Set.of("Ansible-Core", "Ansible Automation Controller", "Ansible Execution Agent");

    private final JdbcClient jdbc;
    private final OrganizationDirectory organizations;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ObjectMapper mapper;

    AnsibleInitialSettingController(JdbcClient jdbc, OrganizationDirectory organizations, MaintenanceGate gate,
                                    JsonBody json, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.gate = gate;
        this.json = json;
        this.mapper = mapper;
    }

    /** Every organization, each with its settings or null. */
    @GetMapping({"/api/ita/initial-settings/ansible/", "/api/ita/initial-settings/ansible"})
    ApiResponse all() {
        Map<String, JsonNode> stored = new HashMap<>();
        jdbc.sql("SELECT organization_id, setting_json FROM ansible_initial_setting")
                .query(rs -> {
                    stored.put(rs.getString(1), mapper.readTree(rs.getString(2)));
                });
        Map<String, Object> data = new LinkedHashMap<>();
        organizations.ids().forEach(id -> data.put(id, stored.get(id)));
        return ApiResponse.ok(data);
    }

    @GetMapping({PATH + "/", PATH})
    ApiResponse one(@PathVariable String organizationId) {
        requireOrganization(organizationId);
        return ApiResponse.ok(jdbc.sql("SELECT setting_json FROM ansible_initial_setting WHERE organization_id = ?")
                .param(organizationId).query(String.class).optional().map(mapper::readTree).orElse(null));
    }

    @PostMapping({PATH + "/", PATH})
    ApiResponse store(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        String user = CurrentUser.name();
        gate.run(Refusal.SYSTEM_API, () -> {
            requireOrganization(organizationId);
            JsonNode body = json.object(raw);
            check(body);
            String setting = mapper.writeValueAsString(body);
            var now = Times.toDb(Times.now());
            int updated = jdbc.sql("UPDATE ansible_initial_setting SET setting_json = ?, last_update_user = ?, "
                            + "last_update_timestamp = ? WHERE organization_id = ?")
                    .params(setting, user, now, organizationId).update();
            if (updated == 0) {
                try {
                    jdbc.sql("INSERT INTO ansible_initial_setting (organization_id, setting_json, last_update_user, "
                                    + "last_update_timestamp) VALUES (?, ?, ?, ?)")
                            .params(organizationId, setting, user, now).update();
                } catch (DuplicateKeyException e) {
                    throw new ApiException("409-00001", "ansible.initial_setting_concurrent", organizationId);
                }
            }
        }, "POST", "/api/ita/" + organizationId + "/initial-settings/ansible/");
        return ApiResponse.ok(null);
    }

    private void requireOrganization(String organizationId) {
        if (!organizations.exists(organizationId)) {
            throw new ApiException("490-02001", "ansible.initial_setting_no_organization", organizationId);
        }
    }

    /** Exastro's checks, with its codes. */
    private static void check(JsonNode body) {
        JsonNode inputLimit = body.get("input_limit_setting");
        if (inputLimit != null && !inputLimit.isBoolean()) {
            throw new ApiException("490-02002", "ansible.initial_setting_bad_value", "input_limit_setting");
        }
        JsonNode engines = body.get("execution_engine_list");
        if (engines != null) {
            if (!engines.isArray() || engines.isEmpty()) {
                throw new ApiException("490-02003", "ansible.initial_setting_bad_engines", "execution_engine_list");
            }
            for (JsonNode engine : engines.values()) {
                if (!engine.isString() || !EXECUTION_ENGINES.contains(engine.stringValue())) {
                    throw new ApiException("490-02003", "ansible.initial_setting_bad_engines", "execution_engine_list");
                }
            }
        }
        JsonNode initialData = body.get("initial_data");
        if (initialData == null || initialData.isNull()) {
            return;
        }
        if (!initialData.isObject()) {
            throw ApiException.badRequest("error.field_not_object", "initial_data");
        }
        JsonNode hosts = initialData.get("ansible_automation_controller_host_list");
        if (hosts == null || hosts.isNull()) {
            return;
        }
        if (!hosts.isArray()) {
            throw ApiException.badRequest("error.field_not_array",
                    "initial_data.ansible_automation_controller_host_list");
        }
        for (JsonNode host : hosts.values()) {
            JsonNode parameter = host.isObject() ? host.get("parameter") : null;
            if (parameter == null || !parameter.isObject()) {
                throw new ApiException("490-02004", "ansible.initial_setting_missing",
                        "initial_data.ansible_automation_controller_host_list", "parameter");
            }
            if (!parameter.has("host")) {
                throw new ApiException("490-02004", "ansible.initial_setting_missing",
                        "initial_data.ansible_automation_controller_host_list.parameter", "host");
            }
        }
    }
}
