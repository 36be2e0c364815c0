#!/usr/bin/env bash
# Benchmark of GET /api/ita/backyard-execute-check/ on PostgreSQL: 1,000 workspaces, 1,000,000 finished and
# 1,000 running items. Prints ratios measured side by side in one run (absolute times on a noisy machine mean
# little): the API against one hand-written SQL statement (a) and against the per-workspace-per-type
# algorithm (b). See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=bench

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=${BENCH_PG_DB:-jita_bench}
APP_PORT=${BENCH_PORT:-18099}
WARMUP=${BENCH_WARMUP:-7}
ROUNDS=${BENCH_ROUNDS:-31}
ORGS=${BENCH_ORGS:-100}
WS_PER_ORG=${BENCH_WS_PER_ORG:-10}
FINISHED=${BENCH_FINISHED:-1000000}
RUNNING=${BENCH_RUNNING:-1000}
B_INDEX=${BENCH_B_INDEX:-1}
# Extra arguments for jita, split on spaces, e.g. "--jita.security.bcrypt-strength=4" to see what auth costs.
read -r -a JITA_ARGS <<<"${BENCH_JITA_ARGS:-}"
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-$RANDOM$RANDOM
NODE_ID=bench-node
JAR=target/jita-0.1.0-SNAPSHOT.jar

# psql takes PGPASSWORD from the environment when the server wants one; jita gets the same.
export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGOPTIONS='-c client_min_messages=warning'
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$PG_DB" "$@"; }
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
log() { echo "== $*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jita-bench.XXXXXX")
JITA_PID=
cleanup() {
    local rc=$?
    if [[ -n $JITA_PID ]] && kill -0 "$JITA_PID" 2>/dev/null; then
        kill "$JITA_PID" 2>/dev/null || true
        # Give it its graceful shutdown, then insist.
        for _ in $(seq 1 60); do kill -0 "$JITA_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$JITA_PID" 2>/dev/null || true
    fi
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "BENCH_KEEP=1: database $PG_DB kept (psql -h $PG_HOST -p $PG_PORT -U $PG_USER $PG_DB)"
    else
        psql_admin -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    if [[ $rc -ne 0 && -f $WORK/jita.log ]]; then
        echo "failed (exit $rc); the last lines of jita's log:" >&2
        tail -n 30 "$WORK/jita.log" >&2
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT

# 1. The jar, rebuilt when any main source or the pom is newer.
if [[ ! -f $JAR ]] || [[ -n $(find src/main pom.xml -type f -newer "$JAR" -print -quit) ]]; then
    log "building $JAR"
    mvn -B -q -DskipTests package
fi

# The measuring client needs the PostgreSQL driver: the very one packed in jita's jar.
PG_JAR=$(unzip -Z1 "$JAR" 'BOOT-INF/lib/postgresql-*.jar' 2>/dev/null | head -n 1 || true)
if [[ -n $PG_JAR ]]; then
    unzip -q -j -o "$JAR" "$PG_JAR" -d "$WORK"
    PG_JAR=$WORK/$(basename "$PG_JAR")
else
    PG_JAR=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' \
        ! -name '*-sources.jar' ! -name '*-javadoc.jar' 2>/dev/null | sort -V | tail -n 1)
fi
[[ -f $PG_JAR ]] || { echo "no PostgreSQL JDBC driver found (in $JAR or ~/.m2)" >&2; exit 1; }

log "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -n 1)," \
    "PostgreSQL $(psql_admin -At -c 'SHOW server_version')"

# 2. A fresh database.
if (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null; then
    echo "port $APP_PORT is taken; set BENCH_PORT" >&2
    exit 1
fi
log "database $PG_DB on $PG_HOST:$PG_PORT (user $PG_USER), created afresh"
psql_admin -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null
psql_admin -c "CREATE DATABASE \"$PG_DB\"" >/dev/null

# 3. jita on it. Its dead-node sweep would end the running items of a node that does not beat: the
# benchmark's node row is written fresh and a silence of an hour is allowed.
log "starting jita on port $APP_PORT"
java -jar "$JAR" \
    --server.port="$APP_PORT" \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
    --spring.datasource.username="$PG_USER" \
    --spring.datasource.password="${PGPASSWORD:-}" \
    --jita.admin.username="$ADMIN_USER" \
    --jita.admin.password="$ADMIN_PASSWORD" \
    --jita.backyard.dead-after=1h \
    --jita.backyard.heartbeat-interval=10m \
    ${JITA_ARGS[@]+"${JITA_ARGS[@]}"} \
    >"$WORK/jita.log" 2>&1 &
JITA_PID=$!
started=$(now)
until curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$JITA_PID" 2>/dev/null || { echo "jita exited during start" >&2; exit 1; }
    if (( $(date +%s) - ${started%.*} > 180 )); then echo "jita not ready after 180 s" >&2; exit 1; fi
    sleep 0.5
done
log "jita ready in $(since "$started") s (Flyway made the schema)"

# 4. The data set.
log "loading $ORGS organizations x $WS_PER_ORG workspaces, $FINISHED finished and $RUNNING running items"
started=$(now)
psql_bench -v orgs="$ORGS" -v ws_per_org="$WS_PER_ORG" -v finished="$FINISHED" -v running="$RUNNING" \
    -v node="$NODE_ID" -v b_index="$B_INDEX" -f "$BENCH_DIR/load.sql"
if [[ $B_INDEX == 1 ]]; then
    log "loaded in $(since "$started") s (inserts, the index for (b), VACUUM ANALYZE)"
else
    log "loaded in $(since "$started") s (inserts, VACUUM ANALYZE); BENCH_B_INDEX=0: (b) on jita's own indexes only"
fi

# What the answers must say: every running item listed, all but conductor's counted.
read -r EXPECT_RUNNING EXPECT_COUNTED < <(psql_bench -At -F ' ' -c "
    SELECT count(*), count(*) FILTER (WHERE backyard <> 'ita-by-conductor-synchronize')
    FROM backyard_item WHERE phase = 'R'")
psql_bench -At -c "
    SELECT 'data set: ' || (SELECT count(*) FROM organization) || ' organizations, '
        || (SELECT count(*) FROM workspace) || ' workspaces, '
        || (SELECT count(*) FROM backyard_turn) || ' backyard_turn rows, '
        || (SELECT count(*) FROM backyard_item) || ' items (' || $EXPECT_RUNNING || ' running, '
        || $EXPECT_COUNTED || ' of them counted), backyard_item '
        || pg_size_pretty(pg_total_relation_size('backyard_item')) || ' with indexes'"

# 5. and 6. Measure. The node's heartbeat is refreshed first, so the sweep cannot touch the items.
psql_bench -c "UPDATE backyard_node SET last_heartbeat = (now() AT TIME ZONE 'UTC') WHERE node_id = '$NODE_ID'"
log "measuring (client: $BENCH_DIR/ExecuteCheckBench.java, driver $(basename "$PG_JAR"))"
java -cp "$PG_JAR" "$BENCH_DIR/ExecuteCheckBench.java" \
    base-url="http://127.0.0.1:$APP_PORT" user="$ADMIN_USER" password="$ADMIN_PASSWORD" \
    jdbc-url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" db-user="$PG_USER" db-password="${PGPASSWORD:-}" \
    expect-running="$EXPECT_RUNNING" expect-counted="$EXPECT_COUNTED" warmup="$WARMUP" rounds="$ROUNDS"

# The sweep must not have ended anything while we measured, or the figures were of a shrinking data set.
still=$(psql_bench -At -c "SELECT count(*) FROM backyard_item WHERE phase = 'R'")
[[ $still == "$EXPECT_RUNNING" ]] || { echo "running items changed during the run: $still" >&2; exit 1; }

# 7. The trap stops jita and drops the database.
