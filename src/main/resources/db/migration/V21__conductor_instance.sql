-- Conductor instances: a run of a conductor class. The backyard item with the same id holds the status and
-- times (ita-by-conductor-synchronize steps it); this row holds the class as it was when the run was
-- registered (class_settings), what it runs on, who asked, and whether an emergency stop was asked for.
CREATE TABLE conductor_instance (
    conductor_instance_id VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    conductor_class_id    VARCHAR(36)   NOT NULL,
    conductor_name        VARCHAR(255)  NOT NULL,
    class_settings        ${text}       NOT NULL,
    operation_id          VARCHAR(36),
    operation_name        VARCHAR(255),
    execution_user        VARCHAR(64)   NOT NULL,
    parent_instance_id    VARCHAR(36),
    top_instance_id       VARCHAR(36)   NOT NULL,
    abort_execute_flag    BOOLEAN       NOT NULL,
    time_book             ${timestamp},
    CONSTRAINT fk_conductor_instance_item FOREIGN KEY (conductor_instance_id)
        REFERENCES backyard_item (item_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_conductor_instance_workspace ON conductor_instance (organization_id, workspace_id);
CREATE INDEX ix_conductor_instance_parent ON conductor_instance (parent_instance_id);

-- One row per node of an instance's class. execution_id is the driver execution of a movement node, or the
-- child instance of a call node. status_id is the node status table of conductor.md.
CREATE TABLE conductor_node_instance (
    node_instance_id      VARCHAR(36)   NOT NULL PRIMARY KEY,
    conductor_instance_id VARCHAR(36)   NOT NULL,
    node_name             VARCHAR(32)   NOT NULL,
    node_type             VARCHAR(32)   NOT NULL,
    orchestra_id          VARCHAR(8),
    execution_id          VARCHAR(36),
    status_id             INTEGER       NOT NULL,
    status_file           VARCHAR(255),
    released_flag         BOOLEAN       NOT NULL,
    skip                  BOOLEAN       NOT NULL,
    end_type              VARCHAR(2),
    note                  VARCHAR(4000),
    time_start            ${timestamp},
    time_end              ${timestamp},
    CONSTRAINT uq_conductor_node UNIQUE (conductor_instance_id, node_name),
    CONSTRAINT fk_conductor_node_instance FOREIGN KEY (conductor_instance_id)
        REFERENCES conductor_instance (conductor_instance_id) ON DELETE CASCADE
) ${table_options};
