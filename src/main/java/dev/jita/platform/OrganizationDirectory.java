package dev.jita.platform;

import java.util.List;
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

    /** Every organization's id, in id order. */
    public List<String> ids() {
        return organizations.all().stream().map(Organizations.Organization::id).toList();
    }
}
