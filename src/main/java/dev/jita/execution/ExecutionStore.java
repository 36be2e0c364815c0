package dev.jita.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The execution, execution_log, execution_file and execution_value rows. */
@Repository
class ExecutionStore {

    private static final String SELECT = "SELECT execution_id, driver, organization_id, workspace_id, run_mode, "
            + "movement_id, movement_name, operation_id, operation_name, target_id, target_name, registered_by, "
            + "scram_requested, conductor_instance_id, conductor_name FROM execution ";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ExecutionStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    void insert(Execution execution) {
        jdbc.sql("INSERT INTO execution (execution_id, driver, organization_id, workspace_id, run_mode, movement_id, "
                        + "movement_name, operation_id, operation_name, target_id, target_name, scram_requested, "
                        + "registered_by, conductor_instance_id, conductor_name) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(execution.id(), execution.driver(), execution.organizationId(), execution.workspaceId(),
                        execution.runMode().stored(), execution.movementId(), execution.movementName(),
                        execution.operationId(), execution.operationName(), execution.target(),
                        execution.targetName(), false, execution.registeredBy(), execution.conductorInstanceId(),
                        execution.conductorName())
                .update();
    }

    Optional<Execution> find(String id) {
        return jdbc.sql(SELECT + "WHERE execution_id = ?").param(id).query(ExecutionStore::execution).optional();
    }

    /** A driver's executions in one workspace, with whether an emergency stop was asked for. */
    Map<Execution, Boolean> list(String driver, String organizationId, String workspaceId) {
        Map<Execution, Boolean> executions = new LinkedHashMap<>();
        jdbc.sql(SELECT + "WHERE organization_id = ? AND workspace_id = ? AND driver = ?")
                .params(organizationId, workspaceId, driver)
                .query(rs -> {
                    executions.put(execution(rs, 0), rs.getBoolean(13));
                });
        return executions;
    }

    /** Saves the given logs (name → whole text), inserting those not stored yet. */
    void saveLogs(String id, Map<String, String> logs) {
        logs.forEach((name, text) -> {
            if (jdbc.sql("UPDATE execution_log SET content = ? WHERE execution_id = ? AND log_name = ?")
                    .params(text, id, name).update() == 0) {
                jdbc.sql("INSERT INTO execution_log (execution_id, log_name, content) VALUES (?, ?, ?)")
                        .params(id, name, text).update();
            }
        });
    }

    Map<String, String> logs(String id) {
        Map<String, String> logs = new LinkedHashMap<>();
        jdbc.sql("SELECT log_name, content FROM execution_log WHERE execution_id = ? ORDER BY log_name").param(id)
                .query(rs -> {
                    logs.put(rs.getString(1), rs.getString(2));
                });
        return logs;
    }

    void saveExitCode(String id, int exitCode) {
        jdbc.sql("UPDATE execution SET exit_code = ? WHERE execution_id = ?").params(exitCode, id).update();
    }

    boolean scramRequested(String id) {
        return jdbc.sql("SELECT scram_requested FROM execution WHERE execution_id = ?")
                .param(id).query(Boolean.class).optional().orElse(false);
    }

    void requestScram(String id) {
        jdbc.sql("UPDATE execution SET scram_requested = ? WHERE execution_id = ?").params(true, id).update();
    }

    /** Stores a file, replacing one of the same name. */
    void saveFile(String id, String fileName, byte[] content) {
        jdbc.sql("DELETE FROM execution_file WHERE execution_id = ? AND file_name = ?").params(id, fileName).update();
        jdbc.sql("INSERT INTO execution_file (execution_id, file_name, content) VALUES (?, ?, ?)")
                .params(id, fileName, content).update();
    }

    /** Replaces the values recorded with an execution, all or none. */
    void saveValues(String id, List<ExecutionValue> values) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM execution_value WHERE execution_id = ?").param(id).update();
            int seq = 0;
            for (ExecutionValue value : values) {
                jdbc.sql("INSERT INTO execution_value (execution_id, seq, host_name, variable_name, member_variable, "
                                + "substitution_order, value_text, sensitive_value, source, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(id, seq++, value.host(), value.variable(), value.member(), value.order(), value.value(),
                                value.sensitive(), value.source(), value.note())
                        .update();
            }
        });
    }

    List<ExecutionValue> values(String id) {
        return jdbc.sql("SELECT host_name, variable_name, member_variable, substitution_order, value_text, "
                        + "sensitive_value, source, note FROM execution_value WHERE execution_id = ? ORDER BY seq")
                .param(id)
                .query((rs, n) -> new ExecutionValue(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    List<String> fileNames(String id) {
        return jdbc.sql("SELECT file_name FROM execution_file WHERE execution_id = ? ORDER BY file_name")
                .param(id).query(String.class).list();
    }

    /** Execution id → its file names, for a driver's executions in one workspace. */
    Map<String, List<String>> fileNames(String driver, String organizationId, String workspaceId) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        jdbc.sql("SELECT f.execution_id, f.file_name FROM execution_file f JOIN execution e "
                        + "ON e.execution_id = f.execution_id WHERE e.organization_id = ? AND e.workspace_id = ? "
                        + "AND e.driver = ? ORDER BY f.execution_id, f.file_name")
                .params(organizationId, workspaceId, driver)
                .query(rs -> {
                    names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return names;
    }

    Optional<byte[]> file(String id, String fileName) {
        return jdbc.sql("SELECT content FROM execution_file WHERE execution_id = ? AND file_name = ?")
                .params(id, fileName).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static Execution execution(ResultSet rs, int row) throws SQLException {
        return new Execution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                RunMode.ofStored(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(14), rs.getString(15));
    }
}
