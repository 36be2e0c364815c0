-- A checked .kym archive waiting for import/execute/: upload_id is what upload/ answered; file_id the archive
-- in transfer_file. An import takes the archive over as its own file_name.
CREATE TABLE menu_import_upload (
    upload_id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    file_name             VARCHAR(255)  NOT NULL,
    file_id               VARCHAR(36)   NOT NULL,
    CONSTRAINT fk_menu_import_upload_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};
