-- Mode changes under way. A change writes its row here, in a short transaction of its own, before it takes the
-- mode rows; writes and claims only read this table, never lock it. While a change that turns load mode ON has a
-- row here, writes roll back at their next checkpoint and new ones are refused, so the change gets the mode rows
-- within jita.maintenance.switch-timeout. The change deletes its row when done; a row left by a node that died
-- counts only until requested_until.
CREATE TABLE maintenance_switch (
    switch_id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    stops_writes          VARCHAR(1)   NOT NULL,
    requested_by          VARCHAR(64)  NOT NULL,
    requested_at          ${timestamp} NOT NULL,
    requested_until       ${timestamp} NOT NULL
) ${table_options};
