package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import dev.jita.core.JsonBody;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
 * An organization's workspaces. Organization managers create, change and delete them and see all;
 * other users see the workspaces they have a role in. The web UI's home page lists them through {@link #list}.
 */
@RestController
@RequestMapping("/api/{organizationId}/platform/workspaces")
public class WorkspaceController {

    private final Workspaces workspaces;
    private final OrgUsers users;
    private final MaintenanceGate gate;
    private final JsonBody json;
    private final ApplicationEventPublisher events;
    private final Usages usages;

    WorkspaceController(Workspaces workspaces, OrgUsers users, MaintenanceGate gate, JsonBody json,
                        ApplicationEventPublisher events, Usages usages) {
        this.usages = usages;
        this.workspaces = workspaces;
        this.users = users;
        this.gate = gate;
        this.json = json;
        this.events = events;
    }

    @PostMapping
    ApiResponse create(@PathVariable String organizationId, @RequestBody(required = false) String raw) {
        JitaUser user = CurrentUser.get();
        Map<String, Object> created = gate.write(Refusal.WORKSPACE_CREATE, () -> {
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
        return ApiResponse.ok(created);
    }

    @GetMapping
    public ApiResponse list(@PathVariable String organizationId) {
        JitaUser user = CurrentUser.get();
        Map<String, String> roles = users.roles(organizationId, user.username());
        List<Workspaces.Workspace> visible = user.organizationManager()
                ? workspaces.all(organizationId)
                : workspaces.visibleTo(organizationId, user.username());
        return ApiResponse.ok(visible.stream()
                .map(ws -> view(ws, Optional.ofNullable(roles.get(ws.id())))).toList());
    }

    @GetMapping("/{workspaceId}")
    ApiResponse get(@PathVariable String organizationId, @PathVariable String workspaceId) {
        JitaUser user = CurrentUser.get();
        Workspaces.Workspace workspace = find(organizationId, workspaceId);
        Optional<String> role = users.role(organizationId, workspaceId, user.username());
        if (role.isEmpty() && !user.organizationManager()) {
            throw ApiException.forbidden();
        }
        return ApiResponse.ok(view(workspace, role));
    }

    @PutMapping("/{workspaceId}")
    ApiResponse update(@PathVariable String organizationId, @PathVariable String workspaceId,
                       @RequestBody(required = false) String raw) {
        JitaUser user = CurrentUser.get();
        Map<String, Object> updated = gate.write(Refusal.WORKSPACE_UPDATE, () -> {
            find(organizationId, workspaceId);
            JsonNode body = json.object(raw);
            String name = JsonBody.requiredString(body, "name", Validation.NAME_LENGTH);
            workspaces.update(organizationId, workspaceId, name, description(body), user.username());
            return view(find(organizationId, workspaceId), users.role(organizationId, workspaceId, user.username()));
        });
        return ApiResponse.ok(updated);
    }

    @DeleteMapping("/{workspaceId}")
    ApiResponse delete(@PathVariable String organizationId, @PathVariable String workspaceId) {
        gate.run(Refusal.WORKSPACE_DELETE, () -> {
            if (workspaces.delete(organizationId, workspaceId) == 0) {
                throw ApiException.notFound("platform.workspace_not_found", workspaceId);
            }
        });
        return ApiResponse.ok(null);
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
