package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.security.CurrentUser;
import dev.jita.security.JitaUser;
import org.springframework.stereotype.Component;

/** Who may read and write a workspace's data: its members read and write, its viewers read. */
@Component
public class WorkspaceAccess {

    private final Workspaces workspaces;
    private final OrgUsers users;

    WorkspaceAccess(Workspaces workspaces, OrgUsers users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    /**
     * The caller's role; 403 when the caller has no role in the workspace, and equally when it does not exist:
     * Exastro's gateway answers both alike, so a workspace's name tells nothing to those outside it.
     */
    public WorkspaceRole requireRead(String organizationId, String workspaceId) {
        JitaUser user = CurrentUser.get();
        if (!organizationId.equals(user.organizationId())) {
            throw ApiException.forbidden();
        }
        if (workspaces.find(organizationId, workspaceId).isEmpty()) {
            throw ApiException.forbidden();
        }
        return users.role(organizationId, workspaceId, user.username()).flatMap(WorkspaceRole::of)
                .orElseThrow(ApiException::forbidden);
    }

    /** As {@link #requireRead}, and 403 unless the caller is a member. */
    public void requireWrite(String organizationId, String workspaceId) {
        if (requireRead(organizationId, workspaceId) != WorkspaceRole.MEMBER) {
            throw ApiException.forbidden();
        }
    }
}
