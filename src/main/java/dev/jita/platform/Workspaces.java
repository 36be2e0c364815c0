package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace table. */
@Repository
class Workspaces {

    record Workspace(String organizationId, String id, String name, String description, String createdBy,
                     Instant createdAt, String lastUpdateUser, Instant lastUpdateTimestamp) {
    }

    private static final String COLUMNS = "organization_id, workspace_id, workspace_name, description, created_by, "
            + "created_at, last_update_user, last_update_timestamp";

    private final JdbcClient jdbc;

    Workspaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Workspace> all(String organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE organization_id = ? ORDER BY workspace_id")
                .param(organizationId).query(Workspaces::map).list();
    }

    /** Every workspace's id by organization id, in id order. */
    Map<String, List<String>> idsByOrganization() {
        Map<String, List<String>> ids = new HashMap<>();
        jdbc.sql("SELECT organization_id, workspace_id FROM workspace ORDER BY organization_id, workspace_id")
                .query((rs, n) -> ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return ids;
    }

    List<Workspace> visibleTo(String organizationId, String username) {
        return jdbc.sql("SELECT " + prefixed("w") + " FROM workspace w JOIN workspace_role r "
                        + "ON r.organization_id = w.organization_id AND r.workspace_id = w.workspace_id "
                        + "WHERE w.organization_id = ? AND r.username = ? ORDER BY w.workspace_id")
                .params(organizationId, username).query(Workspaces::map).list();
    }

    Optional<Workspace> find(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE organization_id = ? AND workspace_id = ?")
                .params(organizationId, workspaceId).query(Workspaces::map).optional();
    }

    void insert(String organizationId, String workspaceId, String name, String description, String user) {
        LocalDateTime now = Times.toDb(Times.now());
        try {
            jdbc.sql("INSERT INTO workspace (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(organizationId, workspaceId, name, description, user, now, user, now).update();
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("platform.workspace_exists", workspaceId);
        }
    }

    int update(String organizationId, String workspaceId, String name, String description, String user) {
        return jdbc.sql("UPDATE workspace SET workspace_name = ?, description = ?, last_update_user = ?, "
                        + "last_update_timestamp = ? WHERE organization_id = ? AND workspace_id = ?")
                .params(name, description, user, Times.toDb(Times.now()), organizationId, workspaceId).update();
    }

    int delete(String organizationId, String workspaceId) {
        return jdbc.sql("DELETE FROM workspace WHERE organization_id = ? AND workspace_id = ?")
                .params(organizationId, workspaceId).update();
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Times.fromDb(rs.getObject(6, LocalDateTime.class)), rs.getString(7),
                Times.fromDb(rs.getObject(8, LocalDateTime.class)));
    }
}
