#!/usr/bin/env bash
# Benchmark of a menu bulk (POST .../maintenance/all/): 1,000 against 10,000 items, side by side in one run, and
# how fast PATCH load mode ON answers while a bulk of 10,000 is being written. Prints ratios (absolute times on a
# noisy machine mean little); a ratio near 10 means the cost is linear. See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=bench

DB=${BENCH_DB:-postgres}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
MARIADB_HOST=${BENCH_MARIADB_HOST:-127.0.0.1}
MARIADB_PORT=${BENCH_MARIADB_PORT:-3306}
MARIADB_USER=${BENCH_MARIADB_USER:-root}
DB_NAME=${BENCH_DB_NAME:-jita_bench_bulk}
APP_PORT=${BENCH_PORT:-18098}
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-7}
SWITCHES=${BENCH_SWITCHES:-5}
read -r -a JITA_ARGS <<<"${BENCH_JITA_ARGS:-}"
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-$RANDOM$RANDOM
JAR=${BENCH_JAR:-target/jita-0.1.0-SNAPSHOT.jar}

export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGOPTIONS='-c client_min_messages=warning'
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
log() { echo "== $*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jita-bench-bulk.XXXXXX")
JITA_PID=
drop_database() {
    case $DB in
        postgres) psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" ;;
        mariadb) mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" ;;
        h2) ;;
    esac
}
cleanup() {
    local rc=$?
    if [[ -n $JITA_PID ]] && kill -0 "$JITA_PID" 2>/dev/null; then
        kill "$JITA_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$JITA_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$JITA_PID" 2>/dev/null || true
    fi
    drop_database >/dev/null 2>&1 || true
    if [[ $rc -ne 0 && -f $WORK/jita.log ]]; then
        echo "failed (exit $rc); the last lines of jita's log:" >&2
        tail -n 30 "$WORK/jita.log" >&2
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT

# 1. The jar, rebuilt when any main source or the pom is newer (unless BENCH_JAR names another build).
if [[ -z ${BENCH_JAR:-} ]] && { [[ ! -f $JAR ]] || [[ -n $(find src/main pom.xml -type f -newer "$JAR" -print -quit) ]]; }; then
    log "building $JAR"
    mvn -B -q -DskipTests package
fi

# 2. A fresh database.
if (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null; then
    echo "port $APP_PORT is taken; set BENCH_PORT" >&2
    exit 1
fi
case $DB in
    postgres)
        drop_database >/dev/null
        psql -X -q -d postgres -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null
        DATASOURCE=(--spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME"
            --spring.datasource.username="$PG_USER" --spring.datasource.password="${PGPASSWORD:-}")
        VERSION="PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version')" ;;
    mariadb)
        drop_database >/dev/null
        mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -e "CREATE DATABASE \`$DB_NAME\`"
        DATASOURCE=(--spring.datasource.url="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB_NAME"
            --spring.datasource.username="$MARIADB_USER" --spring.datasource.password="${MYSQL_PWD:-}")
        VERSION="MariaDB $(mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -N -e 'SELECT VERSION()')" ;;
    h2)
        DATASOURCE=(--jita.data-dir="$WORK/data")
        VERSION="H2 (embedded, in $WORK/data)" ;;
    *) echo "BENCH_DB must be postgres, mariadb or h2, not $DB" >&2; exit 1 ;;
esac
log "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), $VERSION"

# 3. jita on it.
log "starting jita on port $APP_PORT"
java -jar "$JAR" \
    --server.port="$APP_PORT" \
    "${DATASOURCE[@]}" \
    --jita.admin.username="$ADMIN_USER" \
    --jita.admin.password="$ADMIN_PASSWORD" \
    ${JITA_ARGS[@]+"${JITA_ARGS[@]}"} \
    >"$WORK/jita.log" 2>&1 &
JITA_PID=$!
started=$(now)
until curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$JITA_PID" 2>/dev/null || { echo "jita exited during start" >&2; exit 1; }
    if (( $(date +%s) - ${started%.*} > 180 )); then echo "jita not ready after 180 s" >&2; exit 1; fi
    sleep 0.5
done
log "jita ready in $(since "$started") s"

# 4. Measure.
log "measuring (client: $BENCH_DIR/BulkBench.java): $WARMUP warm-up and $ROUNDS measured rounds, $SWITCHES switches"
java "$BENCH_DIR/BulkBench.java" base-url="http://127.0.0.1:$APP_PORT" user="$ADMIN_USER" password="$ADMIN_PASSWORD" \
    warmup="$WARMUP" rounds="$ROUNDS" switches="$SWITCHES"

# 5. The trap stops jita and drops the database.
