-- Conductor classes: a workflow of movements as the editor's class JSON (setting), validated before it is
-- written. The name is unique per workspace; last_update_time is the optimistic lock of updates.
CREATE TABLE conductor_class (
    conductor_class_id    VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    conductor_name        VARCHAR(255)  NOT NULL,
    setting               ${text}       NOT NULL,
    last_update_time      ${timestamp}  NOT NULL,
    last_updated_user     VARCHAR(64)   NOT NULL,
    CONSTRAINT uq_conductor_class_name UNIQUE (organization_id, workspace_id, conductor_name)
) ${table_options};
