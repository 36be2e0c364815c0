package dev.jita.platform;

import dev.jita.security.AccountLookup;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The credentials of system administrators and organization users, as authentication reads them. */
@Repository
class StoredAccounts implements AccountLookup {

    private final JdbcClient jdbc;

    StoredAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> systemAdminHash(String username) {
        return jdbc.sql("SELECT password_hash FROM system_admin WHERE username = ?")
                .param(username).query(String.class).optional();
    }

    @Override
    public boolean organizationExists(String organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization WHERE organization_id = ?")
                .param(organizationId).query(Integer.class).single() > 0;
    }

    @Override
    public Optional<OrgAccount> orgUser(String organizationId, String username) {
        return jdbc.sql("SELECT organization_id, password_hash, organization_manager FROM org_user "
                        + "WHERE organization_id = ? AND username = ? AND enabled = ?")
                .params(organizationId, username, true)
                .query((rs, n) -> new OrgAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    @Override
    public List<OrgAccount> orgUsersNamed(String username) {
        return jdbc.sql("SELECT organization_id, password_hash, organization_manager FROM org_user "
                        + "WHERE username = ? AND enabled = ? ORDER BY organization_id")
                .params(username, true)
                .query((rs, n) -> new OrgAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list().stream().limit(MAX_FOREIGN_CANDIDATES).toList();
    }
}
