-- Menus: every menu's records in one table, as JSON of their REST column values, with the unique values,
-- the files and the journal beside them.

CREATE TABLE menu_record (
    record_id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    menu_name             VARCHAR(64)  NOT NULL,
    organization_id       VARCHAR(36)  NOT NULL,
    workspace_id          VARCHAR(36)  NOT NULL,
    discard               VARCHAR(1)   NOT NULL,
    record_data           ${text}      NOT NULL,
    created_by            VARCHAR(64)  NOT NULL,
    created_at            ${timestamp} NOT NULL,
    last_update_user      VARCHAR(64)  NOT NULL,
    last_update_timestamp ${timestamp} NOT NULL,
    CONSTRAINT fk_record_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_menu_record ON menu_record (organization_id, workspace_id, menu_name);

-- One row per unique key of a record that is not discarded: the database itself refuses a duplicate,
-- whatever the number of concurrent writers. value_hash is the SHA-256 of the key's values.
CREATE TABLE menu_unique_value (
    organization_id       VARCHAR(36)  NOT NULL,
    workspace_id          VARCHAR(36)  NOT NULL,
    menu_name             VARCHAR(64)  NOT NULL,
    unique_key            VARCHAR(255) NOT NULL,
    value_hash            VARCHAR(64)  NOT NULL,
    record_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (organization_id, workspace_id, menu_name, unique_key, value_hash),
    CONSTRAINT fk_unique_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_unique_record ON menu_unique_value (record_id);

CREATE TABLE menu_file (
    record_id             VARCHAR(36)  NOT NULL,
    column_name           VARCHAR(64)  NOT NULL,
    file_name             VARCHAR(255) NOT NULL,
    content               ${blob}      NOT NULL,
    PRIMARY KEY (record_id, column_name),
    CONSTRAINT fk_file_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE menu_journal (
    journal_id            ${identity}  NOT NULL PRIMARY KEY,
    record_id             VARCHAR(36)  NOT NULL,
    menu_name             VARCHAR(64)  NOT NULL,
    organization_id       VARCHAR(36)  NOT NULL,
    workspace_id          VARCHAR(36)  NOT NULL,
    action                VARCHAR(16)  NOT NULL,
    record_data           ${text}      NOT NULL,
    changed_by            VARCHAR(64)  NOT NULL,
    changed_at            ${timestamp} NOT NULL,
    CONSTRAINT fk_journal_record FOREIGN KEY (record_id) REFERENCES menu_record (record_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_journal_record ON menu_journal (record_id);

-- Keys that jita makes for itself, e.g. the one that encrypts password columns when JITA_SECRET_KEY is unset.
CREATE TABLE platform_secret (
    secret_name           VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_value          VARCHAR(255) NOT NULL
) ${table_options};
