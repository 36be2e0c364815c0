-- Zips uploaded for an Excel bulk import (excel/bulk/upload/), until an import is registered from them: the
-- import's excel_job row then holds the file, and the upload row is removed. file_id is a transfer_file id.
CREATE TABLE excel_upload (
    upload_id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(64)   NOT NULL,
    workspace_id          VARCHAR(64)   NOT NULL,
    file_name             VARCHAR(255)  NOT NULL,
    file_id               VARCHAR(36)   NOT NULL,
    uploaded_by           VARCHAR(64)   NOT NULL
) ${table_options};
