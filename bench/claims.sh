#!/usr/bin/env bash
# Benchmark of the backyard engine: no-op items claimed and ended per second by two jita nodes against a minimal
# hand-written FOR UPDATE SKIP LOCKED loop in two threads, on the same table, side by side in one run. Prints
# ratios. See bench/README.md.
set -euo pipefail
BENCH_DEFAULT_DB=postgres BENCH_DEFAULT_PORT=28462 BENCH_DEFAULT_DB_NAME=jita_bench_claims
source "$(dirname "$0")/lib.sh"
ITEMS=${BENCH_ITEMS:-2000}
THREADS=${BENCH_THREADS:-2}
WORKSPACES=${BENCH_WORKSPACES:-4}
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-9}
[[ $DB != h2 ]] || { echo "BENCH_DB=h2: H2 has no SKIP LOCKED for the hand-written loop; use postgres or mariadb" >&2; exit 1; }

build_jar
create_database
# The nodes run bench/ClaimsNode.java (jita with a no-op job handler) on jita's classes and libraries.
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR=$(find "$WORK/app" -maxdepth 1 -name '*.jar' | head -n 1)
javac -d "$WORK/node" -cp "$APP_JAR" "$BENCH_DIR/ClaimsNode.java"
LAUNCH=(-cp "$APP_JAR:$WORK/node" ClaimsNode)
start_jita node1 "$APP_PORT"
wait_ready
start_jita node2 "$((APP_PORT + 1))"
wait_ready

log "measuring (client: $BENCH_DIR/ClaimsBench.java)"
java -cp "$DRIVER" "$BENCH_DIR/ClaimsBench.java" base-url="http://127.0.0.1:$APP_PORT" user="$ADMIN_USER" \
    password="$ADMIN_PASSWORD" jdbc-url="$JDBC_URL" jdbc-user="$JDBC_USER" jdbc-password="$JDBC_PASSWORD" \
    items="$ITEMS" threads="$THREADS" workspaces="$WORKSPACES" warmup="$WARMUP" rounds="$ROUNDS"
