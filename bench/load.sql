-- The data set of bench/execute-check.sh, set-based (generate_series), into the schema jita's Flyway made.
-- psql variables: orgs, ws_per_org, finished, running, node, b_index (1 or 0).
-- Timestamps are zone-less UTC, as jita stores them.
\set ON_ERROR_STOP on

BEGIN;

CREATE TEMP TABLE bench_now AS SELECT (now() AT TIME ZONE 'UTC')::timestamp(6) AS t;

-- The seven backyards, numbered, with the end and running statuses of their status tables
-- (dev.jita.backyard.Backyard / StatusTable).
CREATE TEMP TABLE bench_backyard (nr int PRIMARY KEY, backyard text, ended int[], running int[]);
INSERT INTO bench_backyard VALUES
    (0, 'ita-by-ansible-execute',            '{5,6,7,8,10}',    '{2,3,4}'),
    (1, 'ita-by-terraform-cloud-ep-execute', '{5,6,7,8,10}',    '{2,3,4}'),
    (2, 'ita-by-terraform-cli-execute',      '{5,6,7,8,10}',    '{2,3,4}'),
    (3, 'ita-by-menu-create',                '{3,4}',           '{2}'),
    (4, 'ita-by-menu-export-import',         '{3,4}',           '{2}'),
    (5, 'ita-by-excel-export-import',        '{3,4}',           '{2}'),
    (6, 'ita-by-conductor-synchronize',      '{6,7,8,9,10,11}', '{3,4,5}');

INSERT INTO organization (organization_id, organization_name, plan_id, created_by, created_at,
                          last_update_user, last_update_timestamp)
SELECT format('org%s', lpad(o::text, 3, '0')), format('Organization %s', o), NULL, 'bench', t, 'bench', t
FROM generate_series(1, :orgs) o, bench_now;

INSERT INTO workspace (organization_id, workspace_id, workspace_name, description, created_by, created_at,
                       last_update_user, last_update_timestamp)
SELECT o.organization_id, format('ws%s', lpad(w::text, 2, '0')), format('Workspace %s', w), NULL,
       'bench', t, 'bench', t
FROM organization o, generate_series(1, :ws_per_org) w, bench_now;

-- jita makes these with each workspace.
INSERT INTO backyard_turn (backyard, organization_id, workspace_id, last_started_at)
SELECT b.backyard, w.organization_id, w.workspace_id, TIMESTAMP '1970-01-01 00:00:00'
FROM workspace w CROSS JOIN bench_backyard b;

-- Workspaces numbered 0..n-1, to spread items over them by arithmetic.
CREATE TEMP TABLE bench_ws AS
SELECT (row_number() OVER (ORDER BY organization_id, workspace_id) - 1)::int AS n, organization_id, workspace_id
FROM workspace;
SELECT count(*) AS nws FROM bench_ws \gset

-- Finished items: every backyard in every workspace, one every 31 s back into the past (about a year),
-- end statuses in turn, ended by five long-gone nodes.
INSERT INTO backyard_item (item_id, backyard, organization_id, workspace_id, phase, status_id, not_before,
                           registered_by, registered_at, started_at, ended_at, node_id, note,
                           last_update_timestamp)
SELECT gen_random_uuid()::text, b.backyard, w.organization_id, w.workspace_id, 'E',
       b.ended[1 + (g / 7) % cardinality(b.ended)], NULL, 'bench', x.reg, x.reg + interval '5 s',
       x.reg + interval '65 s', 'old-node-' || (g % 5), NULL, x.reg + interval '65 s'
FROM generate_series(0, :finished - 1) g
JOIN bench_backyard b ON b.nr = g % 7
JOIN bench_ws w ON w.n = (g / 7) % :nws
CROSS JOIN LATERAL (SELECT (SELECT t FROM bench_now) - (g + 3600) * interval '31 s' AS reg) x;

-- The node that runs the running items; its heartbeat is fresh and jita runs with a long dead-after.
INSERT INTO backyard_node (node_id, host_name, process_id, started_at, last_heartbeat)
SELECT :'node', 'bench', 0, t, t FROM bench_now;

-- Running items: backyards in turn, running statuses in turn, in half of the workspaces (two each, every
-- organization has some), registered during the last hour.
INSERT INTO backyard_item (item_id, backyard, organization_id, workspace_id, phase, status_id, not_before,
                           registered_by, registered_at, started_at, ended_at, node_id, note,
                           last_update_timestamp)
SELECT gen_random_uuid()::text, b.backyard, w.organization_id, w.workspace_id, 'R',
       b.running[1 + (k / 7) % cardinality(b.running)], NULL, 'bench', x.reg, x.reg + interval '1 s',
       NULL, :'node', NULL, x.reg + interval '2 s'
FROM generate_series(0, :running - 1) k
JOIN bench_backyard b ON b.nr = k % 7
JOIN bench_ws w ON w.n = (k * 7919 % :nws) / 2 * 2
CROSS JOIN LATERAL (SELECT (SELECT t FROM bench_now) - (k + 1) * interval '3 s' AS reg) x;

COMMIT;

-- For (b) only: each workspace's items reachable by workspace and backyard, as they are in the original's
-- one-database-per-workspace tables, so that (b) is its best self. Without it (b_index=0) every one of
-- (b)'s 7,000 queries walks a seventh of ix_item_claim (about 6 ms) and one call takes about 40 s.
-- The API's query (phase = 'R') and (a) do not use it.
\if :b_index
CREATE INDEX bench_ix_item_workspace ON backyard_item (organization_id, workspace_id, backyard, status_id);
\endif

-- Statistics for the planner, and a vacuum now so that autovacuum does not start in the middle of timing.
VACUUM (ANALYZE);
