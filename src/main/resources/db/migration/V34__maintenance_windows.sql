-- Maintenance windows: the modes turned ON at start_at and OFF at end_at by whichever node claims the step.
-- state: SCHEDULED, STARTED, ENDED, CANCELLED or SKIPPED (both times passed while no node ran). modes is a
-- comma-separated list of mode names; modes_on the ones the window itself turned ON (only those go OFF at end).
CREATE TABLE maintenance_window (
    window_id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    start_at              ${timestamp} NOT NULL,
    end_at                ${timestamp},
    modes                 VARCHAR(64)  NOT NULL,
    reason                VARCHAR(1000),
    drain_timeout_seconds BIGINT       NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    drain_id              VARCHAR(36),
    modes_on              VARCHAR(64),
    started_at            ${timestamp},
    started_late          BOOLEAN      NOT NULL,
    ended_at              ${timestamp},
    ended_late            BOOLEAN      NOT NULL,
    note                  VARCHAR(64),
    created_by            VARCHAR(64)  NOT NULL,
    created_at            ${timestamp} NOT NULL,
    last_update_user      VARCHAR(64)  NOT NULL,
    last_update_timestamp ${timestamp} NOT NULL
) ${table_options};
CREATE INDEX ix_window_state_start ON maintenance_window (state, start_at);

-- Every change of a window: scheduled, changed, cancelled by an administrator; started, ended, skipped by a node.
CREATE TABLE maintenance_window_audit (
    audit_id              ${identity}  NOT NULL PRIMARY KEY,
    window_id             VARCHAR(36)  NOT NULL,
    action                VARCHAR(16)  NOT NULL,
    detail                VARCHAR(2000),
    late                  BOOLEAN      NOT NULL,
    changed_by            VARCHAR(64)  NOT NULL,
    changed_at            ${timestamp} NOT NULL
) ${table_options};
CREATE INDEX ix_window_audit_window ON maintenance_window_audit (window_id);
