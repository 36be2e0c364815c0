-- One row per menu export or import (execution_type 1 export, 2 import): the backyard item with the same id
-- holds its status and times. passphrase: the export's passphrase sealed with the platform's key, kept only
-- until the job ends. file_id/log_id: the result archive and the log in transfer_file.
CREATE TABLE menu_export_import (
    execution_no          VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    execution_type        INTEGER       NOT NULL,
    mode                  VARCHAR(1)    NOT NULL,
    abolished_type        VARCHAR(1)    NOT NULL,
    journal_type          VARCHAR(1)    NOT NULL,
    specified_time        VARCHAR(16),
    menus                 ${text}       NOT NULL,
    passphrase            ${text},
    language              VARCHAR(8)    NOT NULL,
    file_name             VARCHAR(255),
    file_id               VARCHAR(36),
    log_name              VARCHAR(255),
    log_id                VARCHAR(36),
    CONSTRAINT fk_menu_export_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_menu_export_workspace ON menu_export_import (organization_id, workspace_id);
