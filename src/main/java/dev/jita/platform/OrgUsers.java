package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** An organization's users and their roles per workspace. */
@Repository
class OrgUsers {

    record OrgUser(String username, String email, String firstName, String lastName, boolean enabled,
                   boolean organizationManager, Instant createdAt, Instant lastUpdateTimestamp) {
    }

    record NewUser(String username, String password, String email, String firstName, String lastName,
                   boolean enabled, boolean organizationManager) {
    }

    private static final String COLUMNS = "username, email, first_name, last_name, enabled, organization_manager, "
            + "created_at, last_update_timestamp";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    OrgUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    void insert(String organizationId, NewUser user) {
        LocalDateTime now = Times.toDb(Times.now());
        try {
            jdbc.sql("INSERT INTO org_user (organization_id, username, password_hash, email, first_name, last_name, "
                            + "enabled, organization_manager, created_at, last_update_timestamp) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(organizationId, user.username(), passwords.encode(user.password()), user.email(),
                            user.firstName(), user.lastName(), user.enabled(), user.organizationManager(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("platform.user_exists", user.username());
        }
    }

    List<OrgUser> all(String organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_user WHERE organization_id = ? ORDER BY username")
                .param(organizationId).query(OrgUsers::map).list();
    }

    Optional<OrgUser> find(String organizationId, String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_user WHERE organization_id = ? AND username = ?")
                .params(organizationId, username).query(OrgUsers::map).optional();
    }

    void update(String organizationId, OrgUser user, String newPassword) {
        jdbc.sql("UPDATE org_user SET email = ?, first_name = ?, last_name = ?, enabled = ?, organization_manager = ?, "
                        + "last_update_timestamp = ? WHERE organization_id = ? AND username = ?")
                .params(user.email(), user.firstName(), user.lastName(), user.enabled(), user.organizationManager(),
                        Times.toDb(Times.now()), organizationId, user.username())
                .update();
        if (newPassword != null) {
            jdbc.sql("UPDATE org_user SET password_hash = ? WHERE organization_id = ? AND username = ?")
                    .params(passwords.encode(newPassword), organizationId, user.username()).update();
        }
    }

    int delete(String organizationId, String username) {
        return jdbc.sql("DELETE FROM org_user WHERE organization_id = ? AND username = ?")
                .params(organizationId, username).update();
    }

    int countManagers(String organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_user WHERE organization_id = ? AND organization_manager = ? AND enabled = ?")
                .params(organizationId, true, true).query(Integer.class).single();
    }

    /** workspace id → role, for one user. */
    Map<String, String> roles(String organizationId, String username) {
        Map<String, String> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT workspace_id, role_name FROM workspace_role WHERE organization_id = ? AND username = ? "
                        + "ORDER BY workspace_id")
                .params(organizationId, username)
                .query((rs, n) -> roles.put(rs.getString(1), rs.getString(2))).list();
        return roles;
    }

    Optional<String> role(String organizationId, String workspaceId, String username) {
        return jdbc.sql("SELECT role_name FROM workspace_role WHERE organization_id = ? AND workspace_id = ? AND username = ?")
                .params(organizationId, workspaceId, username).query(String.class).optional();
    }

    void replaceRoles(String organizationId, String username, Map<String, WorkspaceRole> roles) {
        jdbc.sql("DELETE FROM workspace_role WHERE organization_id = ? AND username = ?")
                .params(organizationId, username).update();
        roles.forEach((workspaceId, role) -> grant(organizationId, workspaceId, username, role));
    }

    void grant(String organizationId, String workspaceId, String username, WorkspaceRole role) {
        jdbc.sql("INSERT INTO workspace_role (organization_id, workspace_id, username, role_name) VALUES (?, ?, ?, ?)")
                .params(organizationId, workspaceId, username, role.apiName()).update();
    }

    private static OrgUser map(ResultSet rs, int row) throws SQLException {
        return new OrgUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), Times.fromDb(rs.getObject(7, LocalDateTime.class)),
                Times.fromDb(rs.getObject(8, LocalDateTime.class)));
    }
}
