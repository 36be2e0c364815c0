-- Platform: system administrators, organizations, their users and workspaces.
-- ${timestamp}, ${text}, ${identity} are filled in per database (see dev.jita.core.Dialect).

CREATE TABLE system_admin (
    username              VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash         VARCHAR(100) NOT NULL,
    created_at            ${timestamp} NOT NULL
) ${table_options};

CREATE TABLE organization (
    organization_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    organization_name     VARCHAR(255) NOT NULL,
    plan_id               VARCHAR(64),
    created_by            VARCHAR(64)  NOT NULL,
    created_at            ${timestamp} NOT NULL,
    last_update_user      VARCHAR(64)  NOT NULL,
    last_update_timestamp ${timestamp} NOT NULL
) ${table_options};

CREATE TABLE org_user (
    organization_id       VARCHAR(36)  NOT NULL,
    username              VARCHAR(64)  NOT NULL,
    password_hash         VARCHAR(100) NOT NULL,
    email                 VARCHAR(255),
    first_name            VARCHAR(255),
    last_name             VARCHAR(255),
    enabled               BOOLEAN      NOT NULL,
    organization_manager  BOOLEAN      NOT NULL,
    created_at            ${timestamp} NOT NULL,
    last_update_timestamp ${timestamp} NOT NULL,
    PRIMARY KEY (organization_id, username),
    CONSTRAINT fk_org_user_org FOREIGN KEY (organization_id)
        REFERENCES organization (organization_id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_org_user_username ON org_user (username);

CREATE TABLE workspace (
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    workspace_name        VARCHAR(255)  NOT NULL,
    description           VARCHAR(4000),
    created_by            VARCHAR(64)   NOT NULL,
    created_at            ${timestamp}  NOT NULL,
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL,
    PRIMARY KEY (organization_id, workspace_id),
    CONSTRAINT fk_workspace_org FOREIGN KEY (organization_id)
        REFERENCES organization (organization_id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE workspace_role (
    organization_id       VARCHAR(36)  NOT NULL,
    workspace_id          VARCHAR(36)  NOT NULL,
    username              VARCHAR(64)  NOT NULL,
    role_name             VARCHAR(16)  NOT NULL,
    PRIMARY KEY (organization_id, workspace_id, username),
    CONSTRAINT fk_role_workspace FOREIGN KEY (organization_id, workspace_id)
        REFERENCES workspace (organization_id, workspace_id) ON DELETE CASCADE,
    CONSTRAINT fk_role_user FOREIGN KEY (organization_id, username)
        REFERENCES org_user (organization_id, username) ON DELETE CASCADE
) ${table_options};

-- Consecutive failed logins per realm ("master" or an organization id) and user name.
CREATE TABLE login_failure (
    realm                 VARCHAR(36)  NOT NULL,
    username              VARCHAR(64)  NOT NULL,
    failure_count         INTEGER      NOT NULL,
    last_failure_at       ${timestamp} NOT NULL,
    PRIMARY KEY (realm, username)
) ${table_options};

-- The two system-wide modes; their rows also serve as the lock that makes a mode change strict.
CREATE TABLE maintenance_mode (
    mode_name             VARCHAR(32)  NOT NULL PRIMARY KEY,
    setting_value         VARCHAR(1)   NOT NULL,
    reason                VARCHAR(1000),
    last_update_user      VARCHAR(64)  NOT NULL,
    last_update_timestamp ${timestamp} NOT NULL
) ${table_options};

CREATE TABLE maintenance_mode_audit (
    audit_id              ${identity}  NOT NULL PRIMARY KEY,
    mode_name             VARCHAR(32)  NOT NULL,
    old_value             VARCHAR(1)   NOT NULL,
    new_value             VARCHAR(1)   NOT NULL,
    reason                VARCHAR(1000),
    changed_by            VARCHAR(64)  NOT NULL,
    changed_at            ${timestamp} NOT NULL
) ${table_options};

CREATE TABLE log_level_setting (
    service_name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    log_level             VARCHAR(16)  NOT NULL,
    last_update_user      VARCHAR(64)  NOT NULL,
    last_update_timestamp ${timestamp} NOT NULL
) ${table_options};
