-- Uploads never imported expire (jita.transfer.upload-keep): uploaded_at says since when they wait. stored_at
-- dates a transfer_file's chunks, so that a sweep removes only files that nothing has referred to for as long.
-- Rows from before this version count from now.
ALTER TABLE menu_import_upload ADD COLUMN uploaded_at ${timestamp};
UPDATE menu_import_upload SET uploaded_at = CURRENT_TIMESTAMP;
ALTER TABLE excel_upload ADD COLUMN uploaded_at ${timestamp};
UPDATE excel_upload SET uploaded_at = CURRENT_TIMESTAMP;
ALTER TABLE transfer_file ADD COLUMN stored_at ${timestamp};
UPDATE transfer_file SET stored_at = CURRENT_TIMESTAMP;
CREATE INDEX ix_transfer_file_stored ON transfer_file (stored_at);
CREATE INDEX ix_menu_import_upload_at ON menu_import_upload (uploaded_at);
CREATE INDEX ix_excel_upload_at ON excel_upload (uploaded_at);
-- An Excel upload goes with its workspace, as a menu import's does.
DELETE FROM excel_upload WHERE NOT EXISTS (SELECT 1 FROM workspace w
    WHERE w.organization_id = excel_upload.organization_id AND w.workspace_id = excel_upload.workspace_id);
ALTER TABLE excel_upload ADD CONSTRAINT fk_excel_upload_workspace FOREIGN KEY (organization_id, workspace_id)
    REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE;
