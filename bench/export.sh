#!/usr/bin/env bash
# Benchmark of a menu export (menu/bulk/export/execute/) and an Excel export (excel/bulk/export/execute/) of a
# menu of 100,000 records, each from its request until its job ends, against a streaming JDBC read of the same
# stored rows, side by side in one run; jita runs with -Xmx256m and its heap is shown before and after.
# Prints rows/s and ratios. See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=bench

DB=${BENCH_DB:-h2}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
MARIADB_HOST=${BENCH_MARIADB_HOST:-127.0.0.1}
MARIADB_PORT=${BENCH_MARIADB_PORT:-3306}
MARIADB_USER=${BENCH_MARIADB_USER:-root}
DB_NAME=${BENCH_DB_NAME:-jita_bench_export}
APP_PORT=${BENCH_PORT:-18096}
MENU=${BENCH_MENU:-device_list}
RECORDS=${BENCH_RECORDS:-100000}
ROUNDS=${BENCH_ROUNDS:-3}
HEAP=${BENCH_HEAP:-256m}
read -r -a JITA_ARGS <<<"${BENCH_JITA_ARGS:---jita.security.bcrypt-strength=4 --jita.backyard.poll-interval=100ms}"
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-$RANDOM$RANDOM
JAR=${BENCH_JAR:-target/jita-0.1.0-SNAPSHOT.jar}

export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGOPTIONS='-c client_min_messages=warning'
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
log() { echo "== $*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jita-bench-export.XXXXXX")
JITA_PID=
drop_database() {
    case $DB in
        postgres) psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" ;;
        mariadb) mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" ;;
        h2) ;;
    esac
}
stop_jita() {
    if [[ -n $JITA_PID ]] && kill -0 "$JITA_PID" 2>/dev/null; then
        kill "$JITA_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$JITA_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$JITA_PID" 2>/dev/null || true
    fi
    JITA_PID=
}
cleanup() {
    local rc=$?
    stop_jita
    if [[ $rc -ne 0 && -f $WORK/jita.log ]]; then
        echo "failed (exit $rc); the last lines of jita's log:" >&2
        tail -n 30 "$WORK/jita.log" >&2
    fi
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
        echo "kept: the database $DB_NAME (H2: $WORK)" >&2
    else
        drop_database >/dev/null 2>&1 || true
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT

# 1. The jar, rebuilt when any main source or the pom is newer (unless BENCH_JAR names another build).
if [[ -z ${BENCH_JAR:-} ]] && { [[ ! -f $JAR ]] || [[ -n $(find src/main pom.xml -type f -newer "$JAR" -print -quit) ]]; }; then
    log "building $JAR"
    mvn -B -q -o -DskipTests package
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null; then
    echo "port $APP_PORT is taken; set BENCH_PORT" >&2
    exit 1
fi

# 2. A fresh database, and the JDBC driver from jita's jar for the loader and the plain SQL.
driver() {
    local entry
    entry=$(unzip -Z1 "$JAR" "BOOT-INF/lib/$1-*.jar" | head -n 1)
    unzip -q -j -o "$JAR" "$entry" -d "$WORK"
    echo "$WORK/$(basename "$entry")"
}
case $DB in
    postgres)
        drop_database >/dev/null
        psql -X -q -d postgres -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null
        URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME"
        DATASOURCE=(--spring.datasource.url="$URL" --spring.datasource.username="$PG_USER"
            --spring.datasource.password="${PGPASSWORD:-}")
        LOAD=(jdbc-url="$URL?reWriteBatchedInserts=true" jdbc-user="$PG_USER" jdbc-password="${PGPASSWORD:-}")
        STREAM=(jdbc-url="$URL" jdbc-user="$PG_USER" jdbc-password="${PGPASSWORD:-}")
        DRIVER=$(driver postgresql)
        VERSION="PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version')" ;;
    mariadb)
        drop_database >/dev/null
        mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -e "CREATE DATABASE \`$DB_NAME\`"
        URL="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB_NAME"
        DATASOURCE=(--spring.datasource.url="$URL" --spring.datasource.username="$MARIADB_USER"
            --spring.datasource.password="${MYSQL_PWD:-}")
        LOAD=(jdbc-url="$URL?rewriteBatchedStatements=true" jdbc-user="$MARIADB_USER" jdbc-password="${MYSQL_PWD:-}")
        STREAM=(jdbc-url="$URL" jdbc-user="$MARIADB_USER" jdbc-password="${MYSQL_PWD:-}")
        DRIVER=$(driver mariadb-java-client)
        VERSION="MariaDB $(mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -N -e 'SELECT VERSION()')" ;;
    h2)
        # jita holds its H2 file while it runs, so the streaming read reads a copy of the rows in an H2 file of its own.
        DATASOURCE=(--jita.data-dir="$WORK/data")
        LOAD=(jdbc-url="jdbc:h2:$WORK/data/jita" jdbc-user=sa plain-url="jdbc:h2:$WORK/plain/plain")
        STREAM=(stream-url="jdbc:h2:$WORK/plain/plain")
        DRIVER=$(driver h2)
        VERSION="H2 (embedded, in $WORK/data)" ;;
    *) echo "BENCH_DB must be h2, postgres or mariadb, not $DB" >&2; exit 1 ;;
esac
log "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), $VERSION"

start_jita() {
    java "$@" -jar "$JAR" \
        --server.port="$APP_PORT" \
        "${DATASOURCE[@]}" \
        --jita.admin.username="$ADMIN_USER" \
        --jita.admin.password="$ADMIN_PASSWORD" \
        ${JITA_ARGS[@]+"${JITA_ARGS[@]}"} \
        >>"$WORK/jita.log" 2>&1 &
    JITA_PID=$!
    local started
    started=$(now)
    until curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$JITA_PID" 2>/dev/null || { echo "jita exited during start" >&2; exit 1; }
        if (( $(date +%s) - ${started%.*} > 300 )); then echo "jita not ready after 300 s" >&2; exit 1; fi
        sleep 0.5
    done
    log "jita ready in $(since "$started") s ($*)"
}
heap() {
    jcmd "$JITA_PID" GC.run >/dev/null
    jcmd "$JITA_PID" GC.heap_info | awk '/total/ { for (i = 1; i <= NF; i++) if ($i == "used") print "heap after a full GC: " $(i + 1) " used of " $(i - 1) " committed" ; exit }'
}

# 3. The organization and workspace through jita's API, then the records straight into the database.
start_jita
java "$BENCH_DIR/ExportBench.java" step=setup base-url="http://127.0.0.1:$APP_PORT" user="$ADMIN_USER" \
    password="$ADMIN_PASSWORD"
stop_jita
log "loading $RECORDS records of $MENU"
java -cp "$DRIVER" "$BENCH_DIR/ExportBench.java" step=load "${LOAD[@]}" menu="$MENU" records="$RECORDS"
case $DB in
    postgres) psql -X -q -d "$DB_NAME" -c "VACUUM (ANALYZE)" ;;
    mariadb) mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" "$DB_NAME" \
        -e "ANALYZE TABLE menu_record, menu_value" >/dev/null ;;
    h2) ;;
esac

# 4. jita with a small heap; measure.
start_jita "-Xmx$HEAP"
log "$(heap) (before)"
java -cp "$DRIVER" "$BENCH_DIR/ExportBench.java" step=measure base-url="http://127.0.0.1:$APP_PORT" "${STREAM[@]}" \
    menu="$MENU" rounds="$ROUNDS"
log "$(heap) (after)"

# 5. The trap stops jita and drops the database.
