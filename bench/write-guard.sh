#!/usr/bin/env bash
# Benchmark of the load-mode guard: menu writes per second by 50 concurrent clients on a jita node with the guard
# against a node of the same database started without it (a benchmark-only switch), side by side in one run.
# Prints ratios. See bench/README.md.
set -euo pipefail
BENCH_DEFAULT_DB=postgres BENCH_DEFAULT_PORT=28464 BENCH_DEFAULT_DB_NAME=jita_bench_guard
source "$(dirname "$0")/lib.sh"
CLIENTS=${BENCH_CLIENTS:-50}
SECONDS_PER_ROUND=${BENCH_SECONDS:-5}
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-9}
[[ $DB != h2 ]] || { echo "BENCH_DB=h2: two nodes need a shared database server; use postgres or mariadb" >&2; exit 1; }

build_jar
create_database
# Both nodes serve the API only; the second runs without the guard, which takes the property and the variable.
# The credential cache outlives the run: at its expiry 50 concurrent requests of one user would all check the
# password, and the login throttle answers most of them 429.
COMMON=(--jita.backyard.enabled=false --jita.security.credential-cache-ttl=1h)
# One after the other: the first makes the schema (two Flyway runs at once interleave on MariaDB).
start_jita guarded "$APP_PORT" -- "${COMMON[@]}"
wait_ready
JITA_BENCH_UNGUARDED_WRITES=writes-ignore-load-mode \
    start_jita unguarded "$((APP_PORT + 1))" -- "${COMMON[@]}" --jita.maintenance.bench-unguarded-writes=true
wait_ready
grep -q "BENCHMARK ONLY" "$WORK/unguarded.log" || { echo "the second node took the guard after all" >&2; exit 1; }

log "measuring (client: $BENCH_DIR/WriteGuardBench.java)"
java "$BENCH_DIR/WriteGuardBench.java" guarded-url="http://127.0.0.1:$APP_PORT" \
    unguarded-url="http://127.0.0.1:$((APP_PORT + 1))" user="$ADMIN_USER" password="$ADMIN_PASSWORD" \
    clients="$CLIENTS" seconds="$SECONDS_PER_ROUND" warmup="$WARMUP" rounds="$ROUNDS"
log "records written: $(sql "SELECT COUNT(*) FROM menu_record")"
