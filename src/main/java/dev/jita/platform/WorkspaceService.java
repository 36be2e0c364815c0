package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.JitaUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * An organization's workspaces. Organization managers create, change and delete them and see all;
 * other users see the workspaces they have a role in. The API and the web UI's home page both call this.
 */
@Service
public class WorkspaceService {

    private final Workspaces workspaces;
    private final OrgUsers users;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ApplicationEventPublisher events;
    private final Usages usages;

    WorkspaceService(Workspaces workspaces, OrgUsers users, MaintenanceGate gate, JsonBody json,
                     ApplicationEventPublisher events, Usages usages) {
        this.usages = usages;
        this.workspaces = workspaces;
        this.users = users;
        this.gate = gate;
        this.json = json;
        this.events = events;
    }

    /** Creates a workspace from Exastro's body (JSON text); its creator becomes a member. */
    public Map<String, Object> create(String organizationId, String raw, JitaUser user) {
        return gate.write(Refusal.WORKSPACE_CREATE, () -> {
            JsonNode body = json.object(raw);
            String id = JsonBody.requiredMatching(body, "id", Validation.WORKSPACE_ID);
            String name = JsonBody.requiredString(body, "name", Validation.NAME_LENGTH);
            String description = description(body);
            usages.assertRoomForOne(organizationId, Usages.WORKSPACES);
            workspaces.insert(organizationId, id, name, description, user.username());
            users.grant(organizationId, id, user.username(), WorkspaceRole.MEMBER);
            events.publishEvent(new WorkspaceCreated(organizationId, id));
            return view(workspaces.find(organizationId, id).orElseThrow(), Optional.of(WorkspaceRole.MEMBER.apiName()));
        });
    }

    /** The workspaces the user sees: all for an organization manager, else those they have a role in. */
    public List<Map<String, Object>> list(String organizationId, JitaUser user) {
        Map<String, String> roles = users.roles(organizationId, user.username());
        List<Workspaces.Workspace> visible = user.organizationManager()
                ? workspaces.all(organizationId)
                : workspaces.visibleTo(organizationId, user.username());
        return visible.stream().map(ws -> view(ws, Optional.ofNullable(roles.get(ws.id())))).toList();
    }

    public Map<String, Object> get(String organizationId, String workspaceId, JitaUser user) {
        Workspaces.Workspace workspace = find(organizationId, workspaceId);
        Optional<String> role = users.role(organizationId, workspaceId, user.username());
        if (role.isEmpty() && !user.organizationManager()) {
            throw ApiException.forbidden();
        }
        return view(workspace, role);
    }

    public Map<String, Object> update(String organizationId, String workspaceId, String raw, JitaUser user) {
        return gate.write(Refusal.WORKSPACE_UPDATE, () -> {
            find(organizationId, workspaceId);
            JsonNode body = json.object(raw);
            String name = JsonBody.requiredString(body, "name", Validation.NAME_LENGTH);
            workspaces.update(organizationId, workspaceId, name, description(body), user.username());
            return view(find(organizationId, workspaceId), users.role(organizationId, workspaceId, user.username()));
        });
    }

    public void delete(String organizationId, String workspaceId) {
        gate.run(Refusal.WORKSPACE_DELETE, () -> {
            if (workspaces.delete(organizationId, workspaceId) == 0) {
                throw ApiException.notFound("platform.workspace_not_found", workspaceId);
            }
        });
    }

    private Workspaces.Workspace find(String organizationId, String workspaceId) {
        return workspaces.find(organizationId, workspaceId)
                .orElseThrow(() -> ApiException.notFound("platform.workspace_not_found", workspaceId));
    }

    private static String description(JsonNode body) {
        JsonNode informations = JsonBody.optionalObject(body, "informations");
        return informations == null ? null
                : JsonBody.optionalString(informations, "description", Validation.DESCRIPTION_LENGTH);
    }

    static Map<String, Object> view(Workspaces.Workspace workspace) {
        return view(workspace, Optional.empty());
    }

    private static Map<String, Object> view(Workspaces.Workspace workspace, Optional<String> role) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.id());
        view.put("name", workspace.name());
        Map<String, Object> informations = new LinkedHashMap<>();
        informations.put("description", workspace.description());
        view.put("informations", informations);
        view.put("role", role.orElse(null));
        view.put("create_user", workspace.createdBy());
        view.put("create_timestamp", Times.micros(workspace.createdAt()));
        view.put("last_update_user", workspace.lastUpdateUser());
        view.put("last_update_timestamp", Times.micros(workspace.lastUpdateTimestamp()));
        return view;
    }
}
