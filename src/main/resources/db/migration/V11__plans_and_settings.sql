-- Plans and their limits, the plans of each organization, common settings, Ansible's initial settings per
-- organization, and the drivers an organization was created without (Exastro's NO_INSTALL_DRIVER).

-- What a plan can limit. max_value: the largest limit a plan may give (NULL: no maximum).
CREATE TABLE plan_item (
    limit_id              VARCHAR(255)  NOT NULL PRIMARY KEY,
    description           VARCHAR(4000),
    max_value             BIGINT,
    create_user           VARCHAR(64)   NOT NULL,
    create_timestamp      ${timestamp}  NOT NULL,
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL
) ${table_options};

CREATE TABLE plan (
    plan_id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    plan_name             VARCHAR(255)  NOT NULL,
    description           VARCHAR(4000),
    create_user           VARCHAR(64)   NOT NULL,
    create_timestamp      ${timestamp}  NOT NULL,
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL
) ${table_options};

CREATE TABLE plan_limit (
    plan_id               VARCHAR(36)   NOT NULL,
    limit_id              VARCHAR(255)  NOT NULL,
    limit_value           BIGINT        NOT NULL,
    PRIMARY KEY (plan_id, limit_id),
    CONSTRAINT fk_plan_limit_plan FOREIGN KEY (plan_id) REFERENCES plan (plan_id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_limit_item FOREIGN KEY (limit_id) REFERENCES plan_item (limit_id) ON DELETE CASCADE
) ${table_options};

-- The plan in force for an organization is the one with the latest start not in the future.
CREATE TABLE organization_plan (
    organization_id       VARCHAR(36)   NOT NULL,
    start_timestamp       ${timestamp}  NOT NULL,
    plan_id               VARCHAR(36)   NOT NULL,
    create_user           VARCHAR(64)   NOT NULL,
    create_timestamp      ${timestamp}  NOT NULL,
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL,
    PRIMARY KEY (organization_id, start_timestamp),
    CONSTRAINT fk_org_plan_org FOREIGN KEY (organization_id)
        REFERENCES organization (organization_id) ON DELETE CASCADE,
    CONSTRAINT fk_org_plan_plan FOREIGN KEY (plan_id) REFERENCES plan (plan_id)
) ${table_options};

CREATE TABLE common_setting (
    config_key            VARCHAR(100)  NOT NULL PRIMARY KEY,
    config_value          VARCHAR(4000) NOT NULL,
    description           VARCHAR(255),
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL
) ${table_options};

-- The JSON body of the last POST .../initial-settings/ansible/, as given.
CREATE TABLE ansible_initial_setting (
    organization_id       VARCHAR(36)   NOT NULL PRIMARY KEY,
    setting_json          ${text}       NOT NULL,
    last_update_user      VARCHAR(64)   NOT NULL,
    last_update_timestamp ${timestamp}  NOT NULL,
    CONSTRAINT fk_ansible_init_org FOREIGN KEY (organization_id)
        REFERENCES organization (organization_id) ON DELETE CASCADE
) ${table_options};

-- A JSON array of driver names (terraform_cloud_ep, terraform_cli, ci_cd, oase); NULL: all installed.
ALTER TABLE organization ADD no_install_driver VARCHAR(255);

-- Exastro's plan items with their maxima, and its default plan with their defaults.
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('platform.workspaces', 'Maximum number of workspaces for organization default', 1000, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('platform.users', 'Maximum number of users for organization default', 10000, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('platform.roles', 'Maximum number of roles for organization default', 1000, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('ita.organization.ansible.execution_limit', 'Maximum number of movement executions for organization default', 1000, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('ita.organization.common.upload_file_size_limit', 'Maximum byte size of upload file for organization default', 107374182400, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('ita.organization.menu_export_import.buffer_size', 'Maximum buffer size of menu Export/import for Organization default (Used for DB fetch size, file stream read size)', 10000, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_item (limit_id, description, max_value, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('ita.organization.common.maintenance_records_limit', 'Maximum number of maintenance records processing for organization default', 100000, 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');

INSERT INTO plan (plan_id, plan_name, description, create_user, create_timestamp, last_update_user, last_update_timestamp) VALUES
    ('_default', '_default plan', 'default plan', 'system', '2026-11-26 00:00:00', 'system', '2026-11-26 00:00:00');
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'platform.workspaces', 100);
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'platform.users', 10000);
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'platform.roles', 1000);
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'ita.organization.ansible.execution_limit', 25);
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'ita.organization.common.upload_file_size_limit', 104857600);
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'ita.organization.menu_export_import.buffer_size', 1000);
INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES ('_default', 'ita.organization.common.maintenance_records_limit', 10000);

-- Exastro's common config keys and their initial values.
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.audit_log.retention_days', '365', 'Audit log retention days', 'system', '2026-11-26 00:00:00');
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.audit_log.download_exp_days', '7', 'Audit log download expiration days', 'system', '2026-11-26 00:00:00');
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.audit_log.download_file_limit', '100', 'Audit log download limit', 'system', '2026-11-26 00:00:00');
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.audit_log.cleanup_time', '04:00', 'Audit log cleanup time', 'system', '2026-11-26 00:00:00');
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.chunk_size', '102400', 'chunk size for upload/download', 'system', '2026-11-26 00:00:00');
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.user_export_import.exp_days', '7', 'User export and bulk import expiration days', 'system', '2026-11-26 00:00:00');
INSERT INTO common_setting (config_key, config_value, description, last_update_user, last_update_timestamp) VALUES
    ('platform.system.user_export_import.cleanup_time', '04:01', 'User export and bulk import cleanup time', 'system', '2026-11-26 00:00:00');
