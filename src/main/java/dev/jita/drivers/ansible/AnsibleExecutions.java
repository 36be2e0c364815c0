package dev.jita.drivers.ansible;

import dev.jita.backyard.StatusTable;
import dev.jita.core.Times;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ansible_execution rows and the files executions produced. */
@Repository
class AnsibleExecutions {

    static final String RUN = "run";
    static final String DRY_RUN = "dry_run";

    /** An execution as registered, with its logs so far. */
    record Execution(String id, String organizationId, String workspaceId, String runMode, String movementId,
                     String movementName, String operationId, String operationName, String consoleLog,
                     String errorLog) {

        boolean dryRun() {
            return DRY_RUN.equals(runMode);
        }
    }

    private final JdbcClient jdbc;

    AnsibleExecutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String organizationId, String workspaceId, String runMode, String movementId,
                String movementName, String operationId, String operationName, String user) {
        jdbc.sql("INSERT INTO ansible_execution (execution_id, organization_id, workspace_id, run_mode, movement_id, "
                        + "movement_name, operation_id, operation_name, scram_requested, registered_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, organizationId, workspaceId, runMode, movementId, movementName, operationId,
                        operationName, false, user)
                .update();
    }

    Optional<Execution> find(String id) {
        return jdbc.sql("SELECT execution_id, organization_id, workspace_id, run_mode, movement_id, movement_name, "
                        + "operation_id, operation_name, console_log, error_log FROM ansible_execution "
                        + "WHERE execution_id = ?")
                .param(id)
                .query((rs, n) -> new Execution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)))
                .optional();
    }

    void saveLogs(String id, String console, String error) {
        jdbc.sql("UPDATE ansible_execution SET console_log = ?, error_log = ? WHERE execution_id = ?")
                .params(console, error, id).update();
    }

    void saveExitCode(String id, int exitCode) {
        jdbc.sql("UPDATE ansible_execution SET exit_code = ? WHERE execution_id = ?").params(exitCode, id).update();
    }

    boolean scramRequested(String id) {
        return jdbc.sql("SELECT scram_requested FROM ansible_execution WHERE execution_id = ?")
                .param(id).query(Boolean.class).optional().orElse(false);
    }

    void requestScram(String id) {
        jdbc.sql("UPDATE ansible_execution SET scram_requested = ? WHERE execution_id = ?").params(true, id).update();
    }

    /** Unexecuted (schedule) → Schedule cancellation in one statement; false when it no longer waits for its time. */
    boolean cancelReservation(String id) {
        LocalDateTime now = Times.toDb(Times.now());
        return jdbc.sql("UPDATE backyard_item SET phase = 'E', status_id = ?, ended_at = ?, last_update_timestamp = ? "
                        + "WHERE item_id = ? AND phase = 'W' AND status_id = ?")
                .params(StatusTable.EXECUTION.scheduleCancelled(), now, now, id, StatusTable.EXECUTION.scheduled())
                .update() == 1;
    }

    void saveFile(String id, String fileName, byte[] content) {
        jdbc.sql("INSERT INTO ansible_execution_file (execution_id, file_name, content) VALUES (?, ?, ?)")
                .params(id, fileName, content).update();
    }

    List<String> fileNames(String id) {
        return jdbc.sql("SELECT file_name FROM ansible_execution_file WHERE execution_id = ? ORDER BY file_name")
                .param(id).query(String.class).list();
    }

    Optional<byte[]> file(String id, String fileName) {
        return jdbc.sql("SELECT content FROM ansible_execution_file WHERE execution_id = ? AND file_name = ?")
                .params(id, fileName).query((rs, n) -> rs.getBytes(1)).optional();
    }
}
