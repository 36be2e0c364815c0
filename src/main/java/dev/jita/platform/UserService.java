package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * An organization's users and their roles per workspace, managed by the organization's managers: the rules of the
 * API and of the web UI's user pages, which both call this.
 * Body: {"username", "password", "email", "firstName", "lastName", "enabled", "organization_manager",
 * "workspaces": [{"id": "ws1", "role": "member"|"viewer"}]}.
 */
@Service
public class UserService {

    private final OrgUsers users;
    private final Workspaces workspaces;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final Usages usages;
    private final PasswordPolicy passwords;

    UserService(OrgUsers users, Workspaces workspaces, MaintenanceGate gate, JsonBody json, Usages usages,
                PasswordPolicy passwords) {
        this.passwords = passwords;
        this.usages = usages;
        this.users = users;
        this.workspaces = workspaces;
        this.gate = gate;
        this.json = json;
    }

    /** Creates a user from the API's body (JSON text, parsed once load mode allows the write). */
    public Map<String, Object> create(String organizationId, String raw) {
        return gate.write(Refusal.USER_MANAGEMENT, () -> {
            JsonNode body = json.object(raw);
            String username = JsonBody.requiredMatching(body, "username", Validation.USERNAME);
            String password = passwords.check("password", JsonBody.optionalString(body, "password", 1000));
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
    }

    public List<Map<String, Object>> list(String organizationId) {
        return users.all(organizationId).stream().map(user -> view(organizationId, user)).toList();
    }

    public Map<String, Object> get(String organizationId, String username) {
        return view(organizationId, find(organizationId, username));
    }

    /** Changes the fields present in the body; {@code workspaces}, when present, replaces all roles. */
    public Map<String, Object> update(String organizationId, String username, String raw, String caller) {
        return gate.write(Refusal.USER_MANAGEMENT, () -> {
            OrgUsers.OrgUser current = find(organizationId, username);
            JsonNode body = json.object(raw);
            String password = body.has("password")
                    ? passwords.check("password", JsonBody.optionalString(body, "password", 1000)) : null;
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
    }

    public void delete(String organizationId, String username, String caller) {
        gate.run(Refusal.USER_MANAGEMENT, () -> {
            if (username.equals(caller)) {
                throw ApiException.badRequest("platform.cannot_delete_self");
            }
            if (users.delete(organizationId, username) == 0) {
                throw ApiException.notFound("platform.user_not_found", username);
            }
        });
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
