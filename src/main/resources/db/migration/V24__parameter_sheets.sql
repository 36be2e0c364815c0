-- Parameter sheets. A menu's REST name may now be as long as a sheet's (240 characters and "_subst").
ALTER TABLE menu_record ${alter_column} menu_name ${set_type} VARCHAR(255) ${keep_not_null};
ALTER TABLE menu_unique_value ${alter_column} menu_name ${set_type} VARCHAR(255) ${keep_not_null};
ALTER TABLE menu_journal ${alter_column} menu_name ${set_type} VARCHAR(255) ${keep_not_null};

-- A sheet's definition: the latest one asked for (definition, the body of create/define/execute/ as jita
-- keeps it) and the one its menus are made of (created_definition, null until ita-by-menu-create made them).
CREATE TABLE sheet_definition (
    menu_create_id        VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    menu_name_rest        VARCHAR(255)  NOT NULL,
    definition            ${text}       NOT NULL,
    created_definition    ${text},
    created_by            VARCHAR(64)   NOT NULL,
    created_at            ${timestamp}  NOT NULL,
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL,
    CONSTRAINT uq_sheet_rest_name UNIQUE (organization_id, workspace_id, menu_name_rest),
    CONSTRAINT fk_sheet_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE
) ${table_options};

-- One row per create/define/execute/: the backyard item with the same id holds its status and times.
-- create_type: 1 Create New, 2 Initialize, 3 Edit. definition: what was asked for then.
CREATE TABLE sheet_history (
    history_id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    menu_create_id        VARCHAR(36)   NOT NULL,
    create_type           INTEGER       NOT NULL,
    definition            ${text}       NOT NULL,
    CONSTRAINT fk_sheet_history_item FOREIGN KEY (history_id) REFERENCES backyard_item (item_id) ON DELETE CASCADE,
    CONSTRAINT fk_sheet_history_definition FOREIGN KEY (menu_create_id)
        REFERENCES sheet_definition (menu_create_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_sheet_history_definition ON sheet_history (menu_create_id);
