package dev.jita.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads stored credentials; the platform module owns the tables and all writes to them. */
@Component
class AccountLookup {

    /** How many organizations' users of one name are tried when such a user calls a system endpoint. */
    static final int MAX_FOREIGN_CANDIDATES = 5;

    record OrgAccount(String organizationId, String passwordHash, boolean manager) {
    }

    private final JdbcClient jdbc;

    AccountLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> systemAdminHash(String username) {
        return jdbc.sql("SELECT password_hash FROM system_admin WHERE username = ?")
                .param(username).query(String.class).optional();
    }

    boolean organizationExists(String organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization WHERE organization_id = ?")
                .param(organizationId).query(Integer.class).single() > 0;
    }

    Optional<OrgAccount> orgUser(String organizationId, String username) {
        return jdbc.sql("SELECT organization_id, password_hash, organization_manager FROM org_user "
                        + "WHERE organization_id = ? AND username = ? AND enabled = ?")
                .params(organizationId, username, true)
                .query((rs, n) -> new OrgAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    List<OrgAccount> orgUsersNamed(String username) {
        return jdbc.sql("SELECT organization_id, password_hash, organization_manager FROM org_user "
                        + "WHERE username = ? AND enabled = ? ORDER BY organization_id")
                .params(username, true)
                .query((rs, n) -> new OrgAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list().stream().limit(MAX_FOREIGN_CANDIDATES).toList();
    }
}
