package dev.jita.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What other modules may ask about organizations, without reading the platform's tables. */
@Component
public class OrganizationDirectory {

    /** An organization, the drivers it was created without and its workspaces' ids in id order. */
    public record OrganizationWorkspaces(String organizationId, Set<ItaDriver> notInstalled,
                                         List<String> workspaceIds) {
    }

    private final Organizations organizations;
    private final Workspaces workspaces;

    OrganizationDirectory(Organizations organizations, Workspaces workspaces) {
        this.organizations = organizations;
        this.workspaces = workspaces;
    }

    public boolean exists(String organizationId) {
        return organizations.find(organizationId).isPresent();
    }

    /** The drivers the organization was created without (none for an unknown organization). */
    public Set<ItaDriver> notInstalled(String organizationId) {
        return organizations.find(organizationId).map(Organizations.Organization::notInstalled).orElse(Set.of());
    }

    /** Every organization's id, in id order. */
    public List<String> ids() {
        return organizations.all().stream().map(Organizations.Organization::id).toList();
    }

    /** Every organization in id order with its workspaces: two queries whatever their number. */
    public List<OrganizationWorkspaces> withWorkspaces() {
        List<Organizations.Organization> all = organizations.all();
        Map<String, List<String>> ids = workspaces.idsByOrganization();
        return all.stream().map(organization -> new OrganizationWorkspaces(organization.id(),
                organization.notInstalled(), ids.getOrDefault(organization.id(), List.of()))).toList();
    }
}
