-- Drain forecast: what an item is a run of (e.g. movement:<id>, conductor_class:<id>, export), so that the
-- durations of earlier runs of the same thing estimate how long a running one still takes.
ALTER TABLE backyard_item ADD history_key VARCHAR(80);
CREATE INDEX ix_item_history ON backyard_item (backyard, history_key, phase, ended_at);
CREATE INDEX ix_item_ended ON backyard_item (backyard, phase, ended_at);

-- Maintenance notifications: the webhooks that hear of maintenance events (secrets sealed with the platform key).
CREATE TABLE maintenance_webhook (
    webhook_id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    sort_order            INTEGER       NOT NULL,
    url                   VARCHAR(2000) NOT NULL,
    secret_sealed         VARCHAR(2000) NOT NULL,
    updated_by            VARCHAR(64)   NOT NULL,
    updated_at            ${timestamp}  NOT NULL
) ${table_options};

-- The outbox: one row per event and webhook, written in the transaction of the change that raised the event,
-- with the body as it is signed and sent. While a row is 'sending', next_attempt_at is the lease of the node
-- that holds it (node_id): the node where the event happened holds it from the start and sends it once the
-- change is committed; when that node dies, another takes the row once the lease ends. No foreign key: an event
-- raised while its webhook is being removed must not fail the change; the sender drops such a row.
CREATE TABLE maintenance_notification (
    notification_id       VARCHAR(36)   NOT NULL PRIMARY KEY,
    webhook_id            VARCHAR(36)   NOT NULL,
    event_id              VARCHAR(36)   NOT NULL,
    event_type            VARCHAR(40)   NOT NULL,
    body                  ${text}       NOT NULL,
    created_at            ${timestamp}  NOT NULL,
    state                 VARCHAR(12)   NOT NULL,
    attempts              INTEGER       NOT NULL,
    next_attempt_at       ${timestamp}  NOT NULL,
    node_id               VARCHAR(128),
    ended_at              ${timestamp},
    last_error            VARCHAR(1000)
) ${table_options};
CREATE INDEX ix_notification_due ON maintenance_notification (state, next_attempt_at);
CREATE INDEX ix_notification_webhook ON maintenance_notification (webhook_id, state);
