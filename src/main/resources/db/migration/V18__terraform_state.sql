-- The state of each Terraform workspace of the Terraform CLI driver, kept here so that any node continues it:
-- the state file and the configuration last run with it (module files and both tfvars files, which a
-- resource deletion needs), both encrypted with jita's secret key.
CREATE TABLE terraform_cli_state (
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    tf_workspace_id       VARCHAR(36)   NOT NULL,
    tf_workspace_name     VARCHAR(255)  NOT NULL,
    state                 ${blob},
    configuration         ${blob},
    execution_id          VARCHAR(36)   NOT NULL,
    updated_at            ${timestamp}  NOT NULL,
    PRIMARY KEY (organization_id, workspace_id, tf_workspace_id),
    CONSTRAINT fk_tf_state_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};
