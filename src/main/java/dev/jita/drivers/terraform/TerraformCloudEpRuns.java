package dev.jita.drivers.terraform;

import dev.jita.core.Times;
import dev.jita.menu.SecretBox;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Terraform Cloud run of each Cloud/EP execution, and the state it produced (encrypted). */
@Repository
class TerraformCloudEpRuns {

    record Run(String workspaceId, String runId) {
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    TerraformCloudEpRuns(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Kept in its own transaction as soon as the run exists: a node that dies after this leaves a run to follow. */
    void started(String executionId, String workspaceId, String runId) {
        jdbc.sql("INSERT INTO terraform_cloud_ep_run (execution_id, tfc_workspace_id, run_id, created_at) "
                        + "VALUES (?, ?, ?, ?)")
                .params(executionId, workspaceId, runId, Times.toDb(Times.now())).update();
    }

    Optional<Run> find(String executionId) {
        return jdbc.sql("SELECT tfc_workspace_id, run_id FROM terraform_cloud_ep_run WHERE execution_id = ?")
                .param(executionId).query((rs, n) -> new Run(rs.getString(1), rs.getString(2))).optional();
    }

    void state(String executionId, String stateVersionId, byte[] state) {
        jdbc.sql("UPDATE terraform_cloud_ep_run SET state_version_id = ?, state = ? WHERE execution_id = ?")
                .params(stateVersionId, secrets.seal(state), executionId).update();
    }

    Optional<byte[]> state(String executionId) {
        return jdbc.sql("SELECT state FROM terraform_cloud_ep_run WHERE execution_id = ? AND state IS NOT NULL")
                .param(executionId).query((rs, n) -> secrets.open(rs.getBytes(1))).optional();
    }
}
