-- The Terraform Cloud/EP run of each execution of that driver: stored as soon as Terraform Cloud answers the
-- run's creation, so that another node follows the run when the node that started it dies; and the state
-- version the run produced, encrypted with jita's secret key.
CREATE TABLE terraform_cloud_ep_run (
    execution_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    tfc_workspace_id      VARCHAR(64)   NOT NULL,
    run_id                VARCHAR(64)   NOT NULL,
    state_version_id      VARCHAR(64),
    state                 ${blob},
    created_at            ${timestamp}  NOT NULL
) ${table_options};
