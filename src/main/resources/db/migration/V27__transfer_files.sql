-- The files of the export/import jobs (archives, workbooks, logs), in chunks: a file of any size is written and
-- read a chunk at a time, and no statement carries more than a chunk (MariaDB's max_allowed_packet).
CREATE TABLE transfer_file (
    file_id               VARCHAR(36)   NOT NULL,
    chunk_no              INT           NOT NULL,
    content               ${blob}       NOT NULL,
    PRIMARY KEY (file_id, chunk_no)
) ${table_options};
