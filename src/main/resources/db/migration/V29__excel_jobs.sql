-- One row per Excel bulk export or import (bulk_excel_export_import_list): the backyard item with the same id
-- holds its status and times. execution_type 1 export, 2 import; abolished_type 1 all records, 2 without
-- discarded records, 3 only discarded records; menus: the REST names asked for, comma-separated; language: the
-- requester's ("en"/"ja"), the workbooks' labels; the result zip and the result log are transfer_file ids.
CREATE TABLE excel_job (
    execution_no          VARCHAR(36)   NOT NULL PRIMARY KEY,
    execution_type        INTEGER       NOT NULL,
    abolished_type        INTEGER,
    menus                 ${text}       NOT NULL,
    language              VARCHAR(2)    NOT NULL,
    execution_user        VARCHAR(64)   NOT NULL,
    file_name             VARCHAR(255),
    file_id               VARCHAR(36),
    result_file_name      VARCHAR(255),
    result_file_id        VARCHAR(36),
    CONSTRAINT fk_excel_job_item FOREIGN KEY (execution_no) REFERENCES backyard_item (item_id) ON DELETE CASCADE
) ${table_options};
