package dev.jita.drivers.terraform;

import dev.jita.menu.MenuService;
import dev.jita.menu.RecordCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Cloud/EP workspaces by the name movements give them, {@code organization:workspace} (Exastro's
 * ORGANIZATION_WORKSPACE): a movement's {@code organization_workspace} must name an active row of
 * {@code workspace_list_terraform_cloud_ep} when it is written. The movement keeps the text, so a workspace
 * renamed or discarded later leaves it naming none, which its execution reports.
 */
@Component
class TerraformCloudEpWorkspaces implements RecordCheck {

    /** A row of the workspace list: its uuid, and its Terraform Cloud organization and workspace names. */
    record Workspace(String id, String organization, String workspace) {
        String name() {
            return organization + ":" + workspace;
        }
    }

    /** Lazily: the menu engine is built with every record check, this one among them. */
    private final ObjectProvider<MenuService> menus;

    TerraformCloudEpWorkspaces(ObjectProvider<MenuService> menus) {
        this.menus = menus;
    }

    /** The active rows of the workspace list, oldest first. */
    List<Workspace> active(String organizationId, String workspaceId) {
        return menus.getObject().records(organizationId, workspaceId, TerraformCloudEpMenus.WORKSPACES, false).stream()
                .filter(record -> !record.discarded())
                .map(record -> new Workspace(record.id(), (String) record.parameter().get("tf_organization_name"),
                        (String) record.parameter().get("tf_workspace_name")))
                .toList();
    }

    /** The active row named {@code organization:workspace}. */
    Optional<Workspace> find(String organizationId, String workspaceId, String organizationWorkspace) {
        return active(organizationId, workspaceId).stream().filter(w -> w.name().equals(organizationWorkspace))
                .findFirst();
    }

    @Override
    public String menu() {
        return TerraformCloudEpMenus.MOVEMENTS;
    }

    @Override
    public Map<String, String> reasons(String organizationId, String workspaceId, Map<String, Object> values) {
        Object name = values.get(TerraformCloudEpMenus.ORGANIZATION_WORKSPACE);
        if (name == null || find(organizationId, workspaceId, (String) name).isPresent()) {
            return Map.of();
        }
        return Map.of(TerraformCloudEpMenus.ORGANIZATION_WORKSPACE, "no workspace \"" + name + "\" in "
                + TerraformCloudEpMenus.WORKSPACES + ": give \"organization:workspace\" of one of its active rows");
    }
}
