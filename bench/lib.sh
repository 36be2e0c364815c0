# Shared by the benchmarks that start jita (sourced, not run): the settings every one of them takes, the jar, a
# fresh database, jita processes on it, and the clean-up. A script sets NAME, DB, DB_NAME and APP_PORT defaults
# before sourcing it:  BENCH_DEFAULT_DB=postgres BENCH_DEFAULT_PORT=28464 BENCH_DEFAULT_DB_NAME=jita_bench_x
# See bench/README.md for the variables.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_DIR=bench

DB=${BENCH_DB:-$BENCH_DEFAULT_DB}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
MARIADB_HOST=${BENCH_MARIADB_HOST:-127.0.0.1}
MARIADB_PORT=${BENCH_MARIADB_PORT:-3306}
MARIADB_USER=${BENCH_MARIADB_USER:-root}
DB_NAME=${BENCH_DB_NAME:-$BENCH_DEFAULT_DB_NAME}
APP_PORT=${BENCH_PORT:-$BENCH_DEFAULT_PORT}
read -r -a JITA_ARGS <<<"${BENCH_JITA_ARGS:-}"
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-$RANDOM$RANDOM
JAR=${BENCH_JAR:-target/jita-0.1.0-SNAPSHOT.jar}

export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER PGOPTIONS='-c client_min_messages=warning'
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
log() { echo "== $*"; }
sql() {
    case $DB in
        postgres) psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB_NAME" -c "$1" ;;
        mariadb) mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -N "$DB_NAME" -e "$1" ;;
        *) echo "no command-line client for $DB" >&2; return 1 ;;
    esac
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jita-bench.XXXXXX")
JITA_PIDS=()
drop_database() {
    case $DB in
        postgres) psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" ;;
        mariadb) mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" ;;
        h2) ;;
    esac
}
stop_jita() {
    local pid=$1
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    fi
}
cleanup() {
    local rc=$?
    local pid
    for pid in ${JITA_PIDS[@]+"${JITA_PIDS[@]}"}; do stop_jita "$pid"; done
    if [[ $rc -ne 0 ]]; then
        local file
        for file in "$WORK"/*.log; do
            [[ -f $file ]] || continue
            echo "failed (exit $rc); the last lines of $(basename "$file"):" >&2
            tail -n 30 "$file" >&2
        done
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

# The jar, rebuilt when any main source or the pom is newer (unless BENCH_JAR names another build).
build_jar() {
    if [[ -z ${BENCH_JAR:-} ]] && { [[ ! -f $JAR ]] || [[ -n $(find src/main pom.xml -type f -newer "$JAR" -print -quit) ]]; }; then
        log "building $JAR"
        mvn -B -q -o -DskipTests package
    fi
}

# A JDBC driver packed in jita's jar (by artifact name), copied out for a client.
driver() {
    local inside
    inside=$(unzip -Z1 "$JAR" "BOOT-INF/lib/$1-*.jar" | head -n 1)
    unzip -q -j -o "$JAR" "$inside" -d "$WORK/drivers"
    echo "$WORK/drivers/$(basename "$inside")"
}

# A fresh database; sets DATASOURCE (jita's arguments), JDBC_URL / JDBC_USER / JDBC_PASSWORD (for clients),
# DRIVER (its jar) and VERSION.
create_database() {
    case $DB in
        postgres)
            drop_database >/dev/null
            psql -X -q -d postgres -c "CREATE DATABASE \"$DB_NAME\"" >/dev/null
            JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME" JDBC_USER=$PG_USER JDBC_PASSWORD=${PGPASSWORD:-}
            DRIVER=$(driver postgresql)
            VERSION="PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version')" ;;
        mariadb)
            drop_database >/dev/null
            mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -e "CREATE DATABASE \`$DB_NAME\`"
            JDBC_URL="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB_NAME" JDBC_USER=$MARIADB_USER JDBC_PASSWORD=${MYSQL_PWD:-}
            DRIVER=$(driver mariadb-java-client)
            VERSION="MariaDB $(mysql -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" -N -e 'SELECT VERSION()')" ;;
        h2)
            # Served by the first process that opens it (AUTO_SERVER), so that several processes can share it.
            mkdir -p "$WORK/data"
            JDBC_URL="jdbc:h2:file:$WORK/data/jita;AUTO_SERVER=TRUE" JDBC_USER=sa JDBC_PASSWORD=
            DRIVER=$(driver h2)
            VERSION="H2 (file, in $WORK/data)" ;;
        *) echo "BENCH_DB must be postgres, mariadb or h2, not $DB" >&2; exit 1 ;;
    esac
    DATASOURCE=(--spring.datasource.url="$JDBC_URL" --spring.datasource.username="$JDBC_USER"
        --spring.datasource.password="$JDBC_PASSWORD")
    log "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 " GiB" }')," \
        "$(java -version 2>&1 | head -n 1), $VERSION"
}

port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "port $1 is taken; set BENCH_PORT" >&2
        exit 1
    fi
}

# start_jita NAME PORT [java options ...] [-- jita arguments ...]: starts a jita process (the jar, or LAUNCH=(...)
# for another main class), logging to $WORK/NAME.log; its pid in LAST_PID. wait_ready waits for all started.
LAUNCH=()
STARTING=()
start_jita() {
    local name=$1 port=$2
    shift 2
    local java_opts=() args=()
    while (($#)); do
        if [[ $1 == -- ]]; then shift; args=("$@"); break; fi
        java_opts+=("$1")
        shift
    done
    port_free "$port"
    local launch=(-jar "$JAR")
    ((${#LAUNCH[@]})) && launch=("${LAUNCH[@]}")
    java ${java_opts[@]+"${java_opts[@]}"} "${launch[@]}" \
        --server.port="$port" \
        "${DATASOURCE[@]}" \
        --jita.admin.username="$ADMIN_USER" \
        --jita.admin.password="$ADMIN_PASSWORD" \
        ${args[@]+"${args[@]}"} \
        ${JITA_ARGS[@]+"${JITA_ARGS[@]}"} \
        >>"$WORK/$name.log" 2>&1 &
    LAST_PID=$!
    JITA_PIDS+=("$LAST_PID")
    STARTING+=("$name:$port:$LAST_PID:$(now)")
}
wait_ready() {
    local entry name port pid started
    for entry in "${STARTING[@]}"; do
        IFS=: read -r name port pid started <<<"$entry"
        until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
            kill -0 "$pid" 2>/dev/null || { echo "jita ($name) exited during start" >&2; exit 1; }
            if (($(date +%s) - ${started%.*} > 900)); then echo "jita ($name) not ready after 900 s" >&2; exit 1; fi
            sleep 0.5
        done
        log "jita ($name) ready on port $port in $(since "$started") s"
    done
    STARTING=()
}

# start_one LIMIT NOTE [java options ...]: one jita process (logging to $WORK/jita.log) on APP_PORT, waited for at
# most LIMIT s; its pid in JITA_PID. Logs "jita ready in N s" followed by NOTE.
start_one() {
    local limit=$1 note=$2
    shift 2
    start_jita jita "$APP_PORT" "$@"
    JITA_PID=$LAST_PID
    STARTING=()
    local started
    started=$(now)
    until curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$JITA_PID" 2>/dev/null || { echo "jita exited during start" >&2; exit 1; }
        if (($(date +%s) - ${started%.*} > limit)); then echo "jita not ready after $limit s" >&2; exit 1; fi
        sleep 0.5
    done
    log "jita ready in $(since "$started") s$note"
}

# The heap of JITA_PID after a full collection.
heap() {
    jcmd "$JITA_PID" GC.run >/dev/null
    jcmd "$JITA_PID" GC.heap_info | awk '/total/ { for (i = 1; i <= NF; i++) if ($i == "used") print "heap after a full GC: " $(i + 1) " used of " $(i - 1) " committed" ; exit }'
}
