-- Drains: "stop server side jobs, wait until nothing runs, then freeze writes" as one step.
CREATE TABLE maintenance_drain (
    drain_id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    state                 VARCHAR(16)  NOT NULL,
    load_mode             BOOLEAN      NOT NULL,
    started_by            VARCHAR(64)  NOT NULL,
    started_at            ${timestamp} NOT NULL,
    deadline              ${timestamp} NOT NULL,
    ended_at              ${timestamp},
    execute_count         INTEGER      NOT NULL
) ${table_options};
CREATE INDEX ix_drain_started ON maintenance_drain (started_at);
