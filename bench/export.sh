#!/usr/bin/env bash
# Benchmark of a menu export (menu/bulk/export/execute/) and an Excel export (excel/bulk/export/execute/) of a
# menu of 100,000 records, each from its request until its job ends, against a streaming JDBC read of the same
# stored rows, side by side in one run; jita runs with -Xmx256m and its heap is shown before and after.
# Prints rows/s and ratios. See bench/README.md.
set -euo pipefail
BENCH_DEFAULT_DB=h2 BENCH_DEFAULT_PORT=18096 BENCH_DEFAULT_DB_NAME=jita_bench_export
source "$(dirname "$0")/lib.sh"
MENU=${BENCH_MENU:-device_list}
RECORDS=${BENCH_RECORDS:-100000}
ROUNDS=${BENCH_ROUNDS:-3}
HEAP=${BENCH_HEAP:-256m}
read -r -a JITA_ARGS <<<"${BENCH_JITA_ARGS:---jita.security.bcrypt-strength=4 --jita.backyard.poll-interval=100ms}"

# 1. The jar, and the port free.
build_jar
port_free "$APP_PORT"

# 2. A fresh database, and the JDBC driver from jita's jar for the loader and the plain SQL.
case $DB in
    postgres|mariadb)
        # Its line is logged below, as before: without the memory that create_database names.
        create_database >/dev/null
        batched=reWriteBatchedInserts
        [[ $DB == postgres ]] || batched=rewriteBatchedStatements
        LOAD=(jdbc-url="$JDBC_URL?$batched=true" jdbc-user="$JDBC_USER" jdbc-password="$JDBC_PASSWORD")
        STREAM=(jdbc-url="$JDBC_URL" jdbc-user="$JDBC_USER" jdbc-password="$JDBC_PASSWORD") ;;
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

# 3. The organization and workspace through jita's API, then the records straight into the database.
start_one 300 " ()"
java "$BENCH_DIR/ExportBench.java" step=setup base-url="http://127.0.0.1:$APP_PORT" user="$ADMIN_USER" \
    password="$ADMIN_PASSWORD"
stop_jita "$JITA_PID"
log "loading $RECORDS records of $MENU"
java -cp "$DRIVER" "$BENCH_DIR/ExportBench.java" step=load "${LOAD[@]}" menu="$MENU" records="$RECORDS"
case $DB in
    postgres) psql -X -q -d "$DB_NAME" -c "VACUUM (ANALYZE)" ;;
    mariadb) mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" "$DB_NAME" \
        -e "ANALYZE TABLE menu_record, menu_value" >/dev/null ;;
    h2) ;;
esac

# 4. jita with a small heap; measure.
start_one 300 " (-Xmx$HEAP)" "-Xmx$HEAP"
log "$(heap) (before)"
java -cp "$DRIVER" "$BENCH_DIR/ExportBench.java" step=measure base-url="http://127.0.0.1:$APP_PORT" "${STREAM[@]}" \
    menu="$MENU" rounds="$ROUNDS"
log "$(heap) (after)"

# 5. The trap stops jita and drops the database.
