-- Backyards: the nodes that run them, the items they drive, and the status masters.

CREATE TABLE backyard_node (
    node_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    host_name             VARCHAR(255) NOT NULL,
    process_id            BIGINT       NOT NULL,
    started_at            ${timestamp} NOT NULL,
    last_heartbeat        ${timestamp} NOT NULL
) ${table_options};

-- Every item of every backyard. phase: W waiting (Unexecuted, or scheduled until not_before),
-- R running (taken by node_id), E ended. status_id is the item's status in its backyard's own table.
CREATE TABLE backyard_item (
    item_id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    backyard              VARCHAR(40)   NOT NULL,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    phase                 VARCHAR(1)    NOT NULL,
    status_id             INTEGER       NOT NULL,
    not_before            ${timestamp},
    registered_by         VARCHAR(64)   NOT NULL,
    registered_at         ${timestamp}  NOT NULL,
    started_at            ${timestamp},
    ended_at              ${timestamp},
    node_id               VARCHAR(64),
    note                  VARCHAR(4000),
    last_update_timestamp ${timestamp}  NOT NULL,
    CONSTRAINT fk_item_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};
-- Claims: waiting items of one backyard, per workspace, oldest first.
CREATE INDEX ix_item_claim ON backyard_item (backyard, phase, organization_id, workspace_id, registered_at);
-- backyard-execute-check and the dead-node sweep: the few running items among millions of ended ones.
CREATE INDEX ix_item_running ON backyard_item (phase, node_id);

CREATE TABLE backyard_status (
    status_table          VARCHAR(32)  NOT NULL,
    status_id             INTEGER      NOT NULL,
    status_name_en        VARCHAR(64)  NOT NULL,
    status_name_ja        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (status_table, status_id)
) ${table_options};

INSERT INTO backyard_status (status_table, status_id, status_name_en, status_name_ja) VALUES
    ('execution', 1, 'Unexecuted', '未実行'),
    ('execution', 2, 'Preparing', '準備中'),
    ('execution', 3, 'Executing', '実行中'),
    ('execution', 4, 'Executing (delay)', '実行中(遅延)'),
    ('execution', 5, 'Completed', '完了'),
    ('execution', 6, 'Completed (error)', '完了(異常)'),
    ('execution', 7, 'Unexpected error', '想定外エラー'),
    ('execution', 8, 'Emergency stop', '緊急停止'),
    ('execution', 9, 'Unexecuted (schedule)', '未実行(予約)'),
    ('execution', 10, 'Schedule cancellation', '予約取消'),
    ('conductor', 1, 'Unexecuted', '未実行'),
    ('conductor', 2, 'Unexecuted (schedule)', '未実行(予約)'),
    ('conductor', 3, 'Executing', '実行中'),
    ('conductor', 4, 'Executing (delay)', '実行中(遅延)'),
    ('conductor', 5, 'Pause', '一時停止'),
    ('conductor', 6, 'Normal end', '正常終了'),
    ('conductor', 7, 'Abend', '異常終了'),
    ('conductor', 8, 'Warning end', '警告終了'),
    ('conductor', 9, 'Emergency stop', '緊急停止'),
    ('conductor', 10, 'Schedule cancellation', '予約取消'),
    ('conductor', 11, 'Unexpected error', '想定外エラー'),
    ('menu_create', 1, 'Unexecuted', '未実行'),
    ('menu_create', 2, 'Executing', '実行中'),
    ('menu_create', 3, 'Completed', '完了'),
    ('menu_create', 4, 'Completed(error)', '完了(異常)'),
    ('export_import', 1, 'Unexecuted', '未実行'),
    ('export_import', 2, 'Executing', '実行中'),
    ('export_import', 3, 'Completed', '完了'),
    ('export_import', 4, 'Completed (error)', '完了(異常)');

-- When each workspace last had an item of each backyard taken: claims serve the least recently served
-- workspace first, so that one busy workspace cannot starve the others. A row per workspace and backyard,
-- made with the workspace.
CREATE TABLE backyard_turn (
    backyard              VARCHAR(40)  NOT NULL,
    organization_id       VARCHAR(36)  NOT NULL,
    workspace_id          VARCHAR(36)  NOT NULL,
    last_started_at       ${timestamp} NOT NULL,
    PRIMARY KEY (backyard, organization_id, workspace_id),
    CONSTRAINT fk_turn_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-ansible-execute', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-terraform-cloud-ep-execute', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-terraform-cli-execute', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-menu-create', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-menu-export-import', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-excel-export-import', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
    SELECT 'ita-by-conductor-synchronize', organization_id, workspace_id, TIMESTAMP '1970-01-01 00:00:00' FROM workspace;
