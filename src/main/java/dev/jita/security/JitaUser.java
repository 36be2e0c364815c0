package dev.jita.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who made the request. A system administrator has no organization; an organization user belongs to
 * exactly the organization named in the path it authenticated on.
 */
public record JitaUser(String username, String organizationId, boolean systemAdmin, boolean organizationManager) {

    public static final String ROLE_SYSTEM_ADMIN = "SYSTEM_ADMIN";
    public static final String ROLE_ORG_USER = "ORG_USER";
    public static final String ROLE_ORG_MANAGER = "ORG_MANAGER";

    public static JitaUser systemAdmin(String username) {
        return new JitaUser(username, null, true, false);
    }

    public static JitaUser organizationUser(String organizationId, String username, boolean manager) {
        return new JitaUser(username, organizationId, false, manager);
    }

    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (systemAdmin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE_SYSTEM_ADMIN));
        }
        if (organizationId != null) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE_ORG_USER));
        }
        if (organizationManager) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE_ORG_MANAGER));
        }
        return authorities;
    }
}
