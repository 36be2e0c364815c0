-- Executions of every driver (Ansible, Terraform, ...). The backyard item with the same id holds the status
-- and times; this row holds what the execution is about, as it was at registration.
CREATE TABLE execution (
    execution_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    driver                VARCHAR(32)   NOT NULL,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    run_mode              VARCHAR(16)   NOT NULL,
    movement_id           VARCHAR(36),
    movement_name         VARCHAR(255),
    operation_id          VARCHAR(36),
    operation_name        VARCHAR(255),
    -- The driver's own subject of the run, e.g. the Terraform workspace.
    target_id             VARCHAR(36),
    target_name           VARCHAR(255),
    -- Set by the emergency stop endpoint on any node; the node running the execution polls it.
    scram_requested       BOOLEAN       NOT NULL,
    exit_code             INTEGER,
    registered_by         VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_execution_item FOREIGN KEY (execution_id) REFERENCES backyard_item (item_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_execution_workspace ON execution (organization_id, workspace_id, driver);

-- The logs of an execution by name (Ansible: console, error; Terraform: init.log, plan.log, apply.log,
-- error), written while the tools run.
CREATE TABLE execution_log (
    execution_id          VARCHAR(36)   NOT NULL,
    log_name              VARCHAR(64)   NOT NULL,
    content               ${text}       NOT NULL,
    PRIMARY KEY (execution_id, log_name),
    CONSTRAINT fk_execution_log FOREIGN KEY (execution_id) REFERENCES execution (execution_id) ON DELETE CASCADE
) ${table_options};

-- Files an execution produced, kept for download.
CREATE TABLE execution_file (
    execution_id          VARCHAR(36)   NOT NULL,
    file_name             VARCHAR(255)  NOT NULL,
    content               ${blob}       NOT NULL,
    PRIMARY KEY (execution_id, file_name),
    CONSTRAINT fk_execution_file FOREIGN KEY (execution_id) REFERENCES execution (execution_id) ON DELETE CASCADE
) ${table_options};

INSERT INTO execution (execution_id, driver, organization_id, workspace_id, run_mode, movement_id, movement_name,
                       operation_id, operation_name, scram_requested, exit_code, registered_by)
    SELECT execution_id, 'ansible_legacy', organization_id, workspace_id, run_mode, movement_id, movement_name,
           operation_id, operation_name, scram_requested, exit_code, registered_by FROM ansible_execution;
INSERT INTO execution_log (execution_id, log_name, content)
    SELECT execution_id, 'console', console_log FROM ansible_execution WHERE console_log IS NOT NULL;
INSERT INTO execution_log (execution_id, log_name, content)
    SELECT execution_id, 'error', error_log FROM ansible_execution WHERE error_log IS NOT NULL;
INSERT INTO execution_file (execution_id, file_name, content)
    SELECT execution_id, file_name, content FROM ansible_execution_file;
DROP TABLE ansible_execution_file;
DROP TABLE ansible_execution;
