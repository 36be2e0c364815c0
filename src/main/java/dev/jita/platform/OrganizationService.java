package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Organizations, managed by system administrators, with Exastro's create-organization body: the rules of the
 * API and of the web UI's organization pages, which both call this.
 */
@Service
public class OrganizationService {

    private final Organizations organizations;
    private final OrgUsers users;
    private final Plans plans;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final PasswordPolicy passwords;
    private final Workspaces workspaces;
    private final UserService userViews;

    OrganizationService(Organizations organizations, OrgUsers users, Plans plans, MaintenanceGate gate,
                        JsonBody json, PasswordPolicy passwords, Workspaces workspaces, UserService userViews) {
        this.passwords = passwords;
        this.workspaces = workspaces;
        this.userViews = userViews;
        this.organizations = organizations;
        this.users = users;
        this.plans = plans;
        this.gate = gate;
        this.json = json;
    }

    /** Creates an organization from Exastro's body (JSON text, parsed once load mode allows the write). */
    public Map<String, Object> create(String raw, String user) {
        return gate.write(Refusal.ORGANIZATION_CREATE, () -> {
            JsonNode body = json.object(raw);
            String id = Validation.organizationId(body);
            String name = JsonBody.requiredString(body, "name", Validation.NAME_LENGTH);
            JsonNode plan = JsonBody.optionalObject(body, "plan");
            String planId = plan == null || !plan.has("id") ? null : Validation.planId(plan);
            Set<ItaDriver> notInstalled = notInstalledDrivers(body);
            List<OrgUsers.NewUser> managers = managers(body);
            if (planId != null && !plans.exists(planId)) {
                throw new ApiException("404-23001", "platform.plan_not_found", planId);
            }
            organizations.insert(id, name, planId, notInstalled, user);
            managers.forEach(manager -> users.insert(id, manager));
            if (planId != null) {
                plans.assign(id, Times.toDb(Times.now().truncatedTo(ChronoUnit.SECONDS)), planId, user);
            }
            return view(organizations.find(id).orElseThrow());
        });
    }

    public List<Map<String, Object>> list() {
        return organizations.all().stream().map(this::view).toList();
    }

    public Map<String, Object> get(String organizationId) {
        return view(find(organizationId));
    }

    /** One organization with its workspaces and its users (each with their roles), for the administrator's page. */
    public Map<String, Object> details(String organizationId) {
        Map<String, Object> details = new LinkedHashMap<>(get(organizationId));
        details.put("workspaces", workspaces.all(organizationId).stream().map(WorkspaceService::view).toList());
        details.put("users", userViews.list(organizationId));
        return details;
    }

    public Map<String, Object> update(String organizationId, String raw, String user) {
        return gate.write(Refusal.ORGANIZATION_UPDATE, () -> {
            find(organizationId);
            JsonNode body = json.object(raw);
            String name = JsonBody.requiredString(body, "name", Validation.NAME_LENGTH);
            JsonNode plan = JsonBody.optionalObject(body, "plan");
            String planId = plan == null ? null : JsonBody.optionalString(plan, "id", 64);
            organizations.update(organizationId, name, planId, user);
            return view(find(organizationId));
        });
    }

    public void delete(String organizationId) {
        gate.run(Refusal.ORGANIZATION_DELETE, () -> {
            if (organizations.delete(organizationId) == 0) {
                throw ApiException.notFound("error.organization_not_found", organizationId);
            }
        });
    }

    private Organizations.Organization find(String organizationId) {
        return organizations.find(organizationId)
                .orElseThrow(() -> ApiException.notFound("error.organization_not_found", organizationId));
    }

    /**
     * {@code optionsIta.drivers}: a driver given {@code false} is not installed for the organization (Exastro's
     * NO_INSTALL_DRIVER); absent or {@code true}, it is. Only Exastro's four driver keys are accepted.
     */
    private static Set<ItaDriver> notInstalledDrivers(JsonNode body) {
        JsonNode options = JsonBody.optionalObject(body, "optionsIta");
        JsonNode drivers = options == null ? null : JsonBody.optionalObject(options, "drivers");
        Set<ItaDriver> notInstalled = EnumSet.noneOf(ItaDriver.class);
        if (drivers == null) {
            return notInstalled;
        }
        for (Map.Entry<String, JsonNode> entry : drivers.properties()) {
            ItaDriver driver = ItaDriver.of(entry.getKey()).orElseThrow(() ->
                    ApiException.badRequest("platform.unknown_driver", "optionsIta.drivers." + entry.getKey()));
            if (!entry.getValue().isBoolean()) {
                throw ApiException.badRequest("error.field_not_boolean", "optionsIta.drivers." + entry.getKey());
            }
            if (!entry.getValue().booleanValue()) {
                notInstalled.add(driver);
            }
        }
        return notInstalled;
    }

    /** {@code organization_managers}: each becomes a user with the organization manager role. */
    private List<OrgUsers.NewUser> managers(JsonNode body) {
        JsonNode list = JsonBody.optionalArray(body, "organization_managers");
        if (list == null || list.isEmpty()) {
            throw ApiException.badRequest("error.field_required", "organization_managers");
        }
        List<OrgUsers.NewUser> managers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode manager : list.values()) {
            if (!manager.isObject()) {
                throw ApiException.badRequest("error.field_not_object", "organization_managers[]");
            }
            String username = JsonBody.requiredMatching(manager, "username", Validation.USERNAME);
            if (!names.add(username)) {
                throw ApiException.badRequest("platform.user_exists", username);
            }
            Boolean enabled = JsonBody.optionalBoolean(manager, "enabled");
            managers.add(new OrgUsers.NewUser(username, password(manager),
                    JsonBody.optionalString(manager, "email", 255),
                    JsonBody.optionalString(manager, "firstName", 255),
                    JsonBody.optionalString(manager, "lastName", 255),
                    enabled == null || enabled, true));
        }
        return managers;
    }

    /** The password is the first credential's value, as in Exastro's body. */
    private String password(JsonNode manager) {
        JsonNode credentials = JsonBody.optionalArray(manager, "credentials");
        if (credentials == null || credentials.isEmpty() || !credentials.get(0).isObject()) {
            throw ApiException.badRequest("error.field_required", "credentials");
        }
        return passwords.check("credentials[0].value",
                JsonBody.optionalString(credentials.get(0), "value", 1000));
    }

    private Map<String, Object> view(Organizations.Organization organization) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", organization.id());
        view.put("name", organization.name());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", organization.planId());
        view.put("plan", plan);
        view.putAll(plans(organization.id()));
        Map<String, Object> drivers = new LinkedHashMap<>();
        for (ItaDriver driver : ItaDriver.values()) {
            drivers.put(driver.key(), !organization.notInstalled().contains(driver));
        }
        view.put("optionsIta", Map.of("drivers", drivers));
        view.put("create_user", organization.createdBy());
        view.put("create_timestamp", Times.micros(organization.createdAt()));
        view.put("last_update_user", organization.lastUpdateUser());
        view.put("last_update_timestamp", Times.micros(organization.lastUpdateTimestamp()));
        return view;
    }

    /**
     * Exastro's {@code active_plan} (the plan in force now, the latest started; {@code {"id": null}} when none)
     * and {@code plans}.
     */
    private Map<String, Object> plans(String organizationId) {
        LocalDateTime now = Times.toDb(Times.now());
        Map<String, Object> active = new LinkedHashMap<>();
        active.put("id", null);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Plans.OrganizationPlan plan : plans.ofOrganization(organizationId)) {
            if (!plan.start().isAfter(now)) {
                active.put("id", plan.planId());
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", plan.planId());
            view.put("start_datetime", Plans.formatStart(plan.start()));
            all.add(view);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active_plan", active);
        view.put("plans", all);
        return view;
    }
}
