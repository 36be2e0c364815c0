-- The outbox of conductor notices: one row per HTTP POST to send, written in the transaction that changed the
-- instance's status. The request (URL, header, proxy, rendered body) is fixed when the row is written; a
-- backyard node claims due rows, sends, and records the outcome. next_attempt_at is also the claim's lease
-- while a row is 'sending': a node that dies mid-send leaves the row to be taken again after it.
CREATE TABLE conductor_notice (
    notice_id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(36)   NOT NULL,
    workspace_id          VARCHAR(36)   NOT NULL,
    conductor_instance_id VARCHAR(36)   NOT NULL,
    notice_name           VARCHAR(255)  NOT NULL,
    status_id             INTEGER       NOT NULL,
    notice_url            VARCHAR(4096) NOT NULL,
    header                ${text}       NOT NULL,
    proxy_url             VARCHAR(4096),
    proxy_port            INTEGER,
    body                  ${text}       NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    attempts              INTEGER       NOT NULL,
    next_attempt_at       ${timestamp}  NOT NULL,
    node_id               VARCHAR(128),
    last_error            VARCHAR(1000),
    queued_at             ${timestamp}  NOT NULL,
    ended_at              ${timestamp}
) ${table_options};
CREATE INDEX ix_conductor_notice_due ON conductor_notice (state, next_attempt_at);
CREATE INDEX ix_conductor_notice_instance ON conductor_notice (organization_id, workspace_id, conductor_instance_id);
