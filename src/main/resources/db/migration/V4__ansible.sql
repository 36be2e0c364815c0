-- Ansible (legacy) executions. The backyard item with the same id holds the status and times; this row
-- holds what the execution is about, as it was at registration, and what it produced.
CREATE TABLE ansible_execution (
    execution_id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    run_mode              VARCHAR(16)   NOT NULL,
    movement_id           VARCHAR(36)   NOT NULL,
    movement_name         VARCHAR(255)  NOT NULL,
    operation_id          VARCHAR(36)   NOT NULL,
    operation_name        VARCHAR(255)  NOT NULL,
    -- Set by the emergency stop endpoint on any node; the node running the execution polls it.
    scram_requested       BOOLEAN       NOT NULL,
    console_log           ${text},
    error_log             ${text},
    exit_code             INTEGER,
    registered_by         VARCHAR(64)   NOT NULL,
    CONSTRAINT fk_ansible_item FOREIGN KEY (execution_id) REFERENCES backyard_item (item_id) ON DELETE CASCADE
) ${table_options};

-- Files a playbook wrote to its output directory, kept for download.
CREATE TABLE ansible_execution_file (
    execution_id          VARCHAR(36)   NOT NULL,
    file_name             VARCHAR(255)  NOT NULL,
    content               ${blob}       NOT NULL,
    PRIMARY KEY (execution_id, file_name),
    CONSTRAINT fk_ansible_file FOREIGN KEY (execution_id) REFERENCES ansible_execution (execution_id) ON DELETE CASCADE
) ${table_options};
