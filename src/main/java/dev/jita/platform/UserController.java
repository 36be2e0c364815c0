package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An organization's users and their roles per workspace, managed by the organization's managers.
 * Body: {"username", "password", "email", "firstName", "lastName", "enabled", "organization_manager",
 * "workspaces": [{"id": "ws1", "role": "member"|"viewer"}]}.
 */
@RestController
@RequestMapping("/api/{organizationId}/platform/users")
class UserController {

    private final OrgUsers users;
    private final Workspaces workspaces;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final Usages usages;

    UserController(OrgUsers users, Workspaces workspaces, MaintenanceGate gate, JsonBody json, Usages usages) {
        this.usages = usages;
        this.users = users;
        this.workspaces = workspaces;
        this.gate = gate;
        this.json = json;
    }

    @PostMapping
    ApiResponse create(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        Map<String, Object> created = gate.write(Refusal.USER_MANAGEMENT, () -> {
            JsonNode body = json.object(raw);
            String username = JsonBody.requiredMatching(body, "username", Validation.USERNAME);
            String password = Validation.password("password", JsonBody.optionalString(body, "password", 1000));
            Boolean enabled = JsonBody.optionalBoolean(body, "enabled");
            Boolean manager = JsonBody.optionalBoolean(body, "organization_manager");
            Map<String, WorkspaceRole> roles = roles(organizationId, body);
            usages.assertRoomForOne(organizationId, Usages.USERS);
            users.insert(organizationId, new OrgUsers.NewUser(username, password,
                    JsonBody.optionalString(body, "email", 255),
                    JsonBody.optionalString(body, "firstName", 255),
                    JsonBody.optionalString(body, "lastName", 255),
                    enabled == null || enabled, manager != null && manager));
            users.replaceRoles(organizationId, username, roles == null ? Map.of() : roles);
            return view(organizationId, find(organizationId, username));
        });
        return ApiResponse.ok(created);
    }

    @GetMapping
    ApiResponse list(@PathVariable String organizationId) {
        return ApiResponse.ok(users.all(organizationId).stream().map(user -> view(organizationId, user)).toList());
    }

    @GetMapping("/{username}")
    ApiResponse get(@PathVariable String organizationId, @PathVariable String username) {
        return ApiResponse.ok(view(organizationId, find(organizationId, username)));
    }

    /** Changes the fields present in the body; {@code workspaces}, when present, replaces all roles. */
    @PutMapping("/{username}")
    ApiResponse update(@PathVariable String organizationId, @PathVariable String username,
                       @RequestBody(required = false) String raw) {
        String caller = CurrentUser.name();
        Map<String, Object> updated = gate.write(Refusal.USER_MANAGEMENT, () -> {
            OrgUsers.OrgUser current = find(organizationId, username);
            JsonNode body = json.object(raw);
            String password = body.has("password")
                    ? Validation.password("password", JsonBody.optionalString(body, "password", 1000)) : null;
            Boolean enabled = JsonBody.optionalBoolean(body, "enabled");
            Boolean manager = JsonBody.optionalBoolean(body, "organization_manager");
            Map<String, WorkspaceRole> roles = roles(organizationId, body);
            OrgUsers.OrgUser changed = new OrgUsers.OrgUser(username,
                    body.has("email") ? JsonBody.optionalString(body, "email", 255) : current.email(),
                    body.has("firstName") ? JsonBody.optionalString(body, "firstName", 255) : current.firstName(),
                    body.has("lastName") ? JsonBody.optionalString(body, "lastName", 255) : current.lastName(),
                    enabled == null ? current.enabled() : enabled,
                    manager == null ? current.organizationManager() : manager,
                    current.createdAt(), current.lastUpdateTimestamp());
            if (username.equals(caller) && (!changed.enabled() || !changed.organizationManager())) {
                throw ApiException.badRequest("platform.cannot_demote_self");
            }
            users.update(organizationId, changed, password);
            if (roles != null) {
                users.replaceRoles(organizationId, username, roles);
            }
            return view(organizationId, find(organizationId, username));
        });
        return ApiResponse.ok(updated);
    }

    @DeleteMapping("/{username}")
    ApiResponse delete(@PathVariable String organizationId, @PathVariable String username) {
        String caller = CurrentUser.name();
        gate.run(Refusal.USER_MANAGEMENT, () -> {
            if (username.equals(caller)) {
                throw ApiException.badRequest("platform.cannot_delete_self");
            }
            if (users.delete(organizationId, username) == 0) {
                throw ApiException.notFound("platform.user_not_found", username);
            }
        });
        return ApiResponse.ok(null);
    }

    private OrgUsers.OrgUser find(String organizationId, String username) {
        return users.find(organizationId, username)
                .orElseThrow(() -> ApiException.notFound("platform.user_not_found", username));
    }

    /** The {@code workspaces} list, or null when the body has none; every workspace must exist. */
    private Map<String, WorkspaceRole> roles(String organizationId, JsonNode body) {
        JsonNode list = JsonBody.optionalArray(body, "workspaces");
        if (list == null) {
            return null;
        }
        Map<String, WorkspaceRole> roles = new LinkedHashMap<>();
        for (JsonNode item : list.values()) {
            if (!item.isObject()) {
                throw ApiException.badRequest("error.field_not_object", "workspaces[]");
            }
            String workspaceId = JsonBody.requiredString(item, "id", 36);
            String roleName = JsonBody.requiredString(item, "role", 16);
            WorkspaceRole role = WorkspaceRole.of(roleName)
                    .orElseThrow(() -> ApiException.badRequest("platform.bad_role", roleName));
            if (workspaces.find(organizationId, workspaceId).isEmpty()) {
                throw ApiException.badRequest("platform.workspace_not_found", workspaceId);
            }
            if (roles.put(workspaceId, role) != null) {
                throw ApiException.badRequest("platform.duplicate_workspace", workspaceId);
            }
        }
        return roles;
    }

    private Map<String, Object> view(String organizationId, OrgUsers.OrgUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("email", user.email());
        view.put("firstName", user.firstName());
        view.put("lastName", user.lastName());
        view.put("enabled", user.enabled());
        view.put("organization_manager", user.organizationManager());
        List<Map<String, String>> roles = new ArrayList<>();
        users.roles(organizationId, user.username()).forEach((workspace, role) -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("id", workspace);
            item.put("role", role);
            roles.add(item);
        });
        view.put("workspaces", roles);
        view.put("create_timestamp", Times.micros(user.createdAt()));
        view.put("last_update_timestamp", Times.micros(user.lastUpdateTimestamp()));
        return view;
    }
}
