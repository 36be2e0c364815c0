package dev.jita.conductor;

import dev.jita.core.Dialect;
import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conductor_instance and conductor_node_instance tables. */
@Repository
class ConductorInstanceStore {

    private static final String INSTANCE = "SELECT conductor_instance_id, organization_id, workspace_id, "
            + "conductor_class_id, conductor_name, class_settings, operation_id, operation_name, execution_user, "
            + "parent_instance_id, top_instance_id, abort_execute_flag, time_book FROM conductor_instance ";
    private static final String NODE = "SELECT node_instance_id, conductor_instance_id, node_name, node_type, "
            + "orchestra_id, execution_id, status_id, status_file, released_flag, skip, end_type, note, time_start, "
            + "time_end FROM conductor_node_instance ";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    ConductorInstanceStore(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(ConductorInstance instance, List<NodeInstance> nodes) {
        jdbc.sql("INSERT INTO conductor_instance (conductor_instance_id, organization_id, workspace_id, "
                        + "conductor_class_id, conductor_name, class_settings, operation_id, operation_name, "
                        + "execution_user, parent_instance_id, top_instance_id, abort_execute_flag, time_book) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(instance.id(), instance.organizationId(), instance.workspaceId(), instance.classId(),
                        instance.conductorName(), instance.classSettings(), instance.operationId(),
                        instance.operationName(), instance.executionUser(), instance.parentId(), instance.topId(),
                        instance.abort(), Times.toDb(instance.timeBook()))
                .update();
        for (NodeInstance node : nodes) {
            jdbc.sql("INSERT INTO conductor_node_instance (node_instance_id, conductor_instance_id, node_name, "
                            + "node_type, orchestra_id, execution_id, status_id, status_file, released_flag, skip, "
                            + "end_type, note, time_start, time_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(node.id(), node.instanceId(), node.nodeName(), node.nodeType(), node.orchestraId(),
                            node.executionId(), node.statusId(), node.statusFile(), node.released(), node.skip(),
                            node.endType(), node.note(), Times.toDb(node.timeStart()), Times.toDb(node.timeEnd()))
                    .update();
        }
    }

    Optional<ConductorInstance> find(String id) {
        return jdbc.sql(INSTANCE + "WHERE conductor_instance_id = ?").param(id).query(this::instance).optional();
    }

    /**
     * The instance's row, locked until the caller's transaction ends: a step and the endpoints that change an
     * instance (release, emergency stop) take it in turn.
     */
    Optional<ConductorInstance> lock(String id) {
        return jdbc.sql(INSTANCE + "WHERE conductor_instance_id = ? " + dialect.exclusiveLock()).param(id)
                .query(this::instance).optional();
    }

    List<ConductorInstance> list(String organizationId, String workspaceId) {
        return jdbc.sql(INSTANCE + "WHERE organization_id = ? AND workspace_id = ?")
                .params(organizationId, workspaceId).query(this::instance).list();
    }

    List<ConductorInstance> children(String parentId) {
        return jdbc.sql(INSTANCE + "WHERE parent_instance_id = ?").param(parentId).query(this::instance).list();
    }

    void abort(String id) {
        jdbc.sql("UPDATE conductor_instance SET abort_execute_flag = ? WHERE conductor_instance_id = ?")
                .params(true, id).update();
    }

    /** The nodes of an instance in their class's order (node-1, node-2, …, node-10). */
    List<NodeInstance> nodes(String instanceId) {
        return jdbc.sql(NODE + "WHERE conductor_instance_id = ?").param(instanceId).query(this::node).list().stream()
                .sorted(ClassGraph.NODE_ORDER).toList();
    }

    List<NodeInstance> nodesOf(String organizationId, String workspaceId) {
        return jdbc.sql(NODE + "WHERE conductor_instance_id IN (SELECT conductor_instance_id FROM conductor_instance "
                        + "WHERE organization_id = ? AND workspace_id = ?)")
                .params(organizationId, workspaceId).query(this::node).list();
    }

    void update(NodeInstance node) {
        jdbc.sql("UPDATE conductor_node_instance SET execution_id = ?, status_id = ?, status_file = ?, "
                        + "released_flag = ?, note = ?, time_start = ?, time_end = ? WHERE node_instance_id = ?")
                .params(node.executionId(), node.statusId(), node.statusFile(), node.released(), node.note(),
                        Times.toDb(node.timeStart()), Times.toDb(node.timeEnd()), node.id())
                .update();
    }

    private ConductorInstance instance(ResultSet rs, int row) throws SQLException {
        return new ConductorInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getBoolean(12), time(rs, 13));
    }

    private NodeInstance node(ResultSet rs, int row) throws SQLException {
        return new NodeInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getString(11),
                rs.getString(12), time(rs, 13), time(rs, 14));
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        return Times.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
