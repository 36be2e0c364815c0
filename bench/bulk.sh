#!/usr/bin/env bash
# Benchmark of a menu bulk (POST .../maintenance/all/): 1,000 against 10,000 items, side by side in one run, and
# how fast PATCH load mode ON answers while a bulk of 10,000 is being written. Prints ratios (absolute times on a
# noisy machine mean little); a ratio near 10 means the cost is linear. See bench/README.md.
set -euo pipefail
BENCH_DEFAULT_DB=postgres BENCH_DEFAULT_PORT=18098 BENCH_DEFAULT_DB_NAME=jita_bench_bulk
source "$(dirname "$0")/lib.sh"
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-7}
SWITCHES=${BENCH_SWITCHES:-5}

# 1. The jar.
build_jar

# 2. A fresh database.
port_free "$APP_PORT"
case $DB in
    postgres|mariadb)
        # Its line is logged below, as before: without the memory that create_database names.
        create_database >/dev/null ;;
    h2)
        DATASOURCE=(--jita.data-dir="$WORK/data")
        VERSION="H2 (embedded, in $WORK/data)" ;;
    *) echo "BENCH_DB must be postgres, mariadb or h2, not $DB" >&2; exit 1 ;;
esac
log "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), $VERSION"

# 3. jita on it.
log "starting jita on port $APP_PORT"
start_one 180 ""

# 4. Measure.
log "measuring (client: $BENCH_DIR/BulkBench.java): $WARMUP warm-up and $ROUNDS measured rounds, $SWITCHES switches"
java "$BENCH_DIR/BulkBench.java" base-url="http://127.0.0.1:$APP_PORT" user="$ADMIN_USER" password="$ADMIN_PASSWORD" \
    warmup="$WARMUP" rounds="$ROUNDS" switches="$SWITCHES"

# 5. The trap stops jita and drops the database.
