package dev.jita.drivers.terraform;

import dev.jita.core.Times;
import dev.jita.menu.SecretBox;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The state of each Terraform workspace and the configuration last run with it, encrypted. Only the
 * execution that holds the Terraform workspace's exclusive key reads or writes its row.
 */
@Repository
class TerraformStates {

    /** The decrypted state and configuration (a zip of the work files), each null when there is none yet. */
    record Stored(byte[] state, byte[] configuration) {
        static final Stored NONE = new Stored(null, null);
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    TerraformStates(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Stored load(String organizationId, String workspaceId, String tfWorkspaceId) {
        Optional<Stored> stored = jdbc.sql("SELECT state, configuration FROM terraform_cli_state "
                        + "WHERE organization_id = ? AND workspace_id = ? AND tf_workspace_id = ?")
                .params(organizationId, workspaceId, tfWorkspaceId)
                .query((rs, n) -> new Stored(open(rs.getBytes(1)), open(rs.getBytes(2))))
                .optional();
        return stored.orElse(Stored.NONE);
    }

    void save(String organizationId, String workspaceId, String tfWorkspaceId, String tfWorkspaceName,
              String executionId, byte[] state, byte[] configuration) {
        byte[] sealedState = state == null ? null : secrets.seal(state);
        byte[] sealedConfiguration = configuration == null ? null : secrets.seal(configuration);
        var now = Times.toDb(Times.now());
        int updated = jdbc.sql("UPDATE terraform_cli_state SET tf_workspace_name = ?, state = ?, configuration = ?, "
                        + "execution_id = ?, updated_at = ? "
                        + "WHERE organization_id = ? AND workspace_id = ? AND tf_workspace_id = ?")
                .params(tfWorkspaceName, sealedState, sealedConfiguration, executionId, now, organizationId,
                        workspaceId, tfWorkspaceId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO terraform_cli_state (organization_id, workspace_id, tf_workspace_id, tf_workspace_name, "
                            + "state, configuration, execution_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(organizationId, workspaceId, tfWorkspaceId, tfWorkspaceName, sealedState,
                            sealedConfiguration, executionId, now)
                    .update();
        }
    }

    private byte[] open(byte[] sealed) {
        return sealed == null ? null : secrets.open(sealed);
    }
}
