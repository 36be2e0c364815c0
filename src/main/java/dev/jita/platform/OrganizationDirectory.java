package dev.jita.platform;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What other modules may ask about organizations, without reading the platform's tables. */
@Component
public class OrganizationDirectory {

    private final Organizations organizations;

    OrganizationDirectory(Organizations organizations) {
        this.organizations = organizations;
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
}
