package dev.jita.conductor;

import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conductor_class table. */
@Repository
class ConductorClassStore {

    private static final String COLUMNS = "conductor_class_id, conductor_name, setting, last_update_time, last_updated_user";

    private final JdbcClient jdbc;

    ConductorClassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ConductorClass> all(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conductor_class WHERE organization_id = ? AND workspace_id = ? "
                        + "ORDER BY conductor_name, conductor_class_id")
                .params(organizationId, workspaceId).query(this::map).list();
    }

    Optional<ConductorClass> find(String organizationId, String workspaceId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conductor_class WHERE organization_id = ? AND workspace_id = ? "
                        + "AND conductor_class_id = ?")
                .params(organizationId, workspaceId, id).query(this::map).optional();
    }

    void insert(String organizationId, String workspaceId, ConductorClass conductorClass) {
        jdbc.sql("INSERT INTO conductor_class (conductor_class_id, organization_id, workspace_id, conductor_name, "
                        + "setting, last_update_time, last_updated_user) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(conductorClass.id(), organizationId, workspaceId, conductorClass.name(), conductorClass.setting(),
                        Times.toDb(conductorClass.lastUpdate()), conductorClass.lastUpdatedUser())
                .update();
    }

    /** Optimistic: false when the class changed since {@code expectedLastUpdate}. */
    boolean update(String organizationId, String workspaceId, ConductorClass conductorClass, Instant expectedLastUpdate) {
        return jdbc.sql("UPDATE conductor_class SET conductor_name = ?, setting = ?, last_update_time = ?, "
                        + "last_updated_user = ? WHERE organization_id = ? AND workspace_id = ? "
                        + "AND conductor_class_id = ? AND last_update_time = ?")
                .params(conductorClass.name(), conductorClass.setting(), Times.toDb(conductorClass.lastUpdate()),
                        conductorClass.lastUpdatedUser(), organizationId, workspaceId, conductorClass.id(),
                        Times.toDb(expectedLastUpdate))
                .update() == 1;
    }

    private ConductorClass map(ResultSet rs, int row) throws SQLException {
        return new ConductorClass(rs.getString(1), rs.getString(2), rs.getString(3),
                Times.fromDb(rs.getObject(4, LocalDateTime.class)), rs.getString(5));
    }
}
