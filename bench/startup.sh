#!/usr/bin/env bash
# Benchmark of jita's start-up on the embedded default (H2 files): wall time from process start to the first
# 200 of `GET /api/platform/maintenance-mode-setting` with the administrator's Basic credentials (the first
# request the README has a user make), on a fresh database (Flyway runs every migration) and on an existing
# one, for each launcher, the launchers interleaved round by round so that machine noise hits them alike.
# Prints medians, min and max, and the CPU time the process had used by then. See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."

STARTS=${BENCH_STARTS:-7}
read -r -a VARIANTS <<<"${BENCH_VARIANTS:-jar aot cds}"
APP_PORT=${BENCH_PORT:-18095}
TIMEOUT=${BENCH_TIMEOUT:-180}
read -r -a JITA_ARGS <<<"${BENCH_JITA_ARGS:-}"
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-$RANDOM$RANDOM
JAR=target/jita-0.1.0-SNAPSHOT.jar
BASE_JAR=${BENCH_BASE_JAR:-}
URL=http://127.0.0.1:$APP_PORT/api/platform/maintenance-mode-setting
TICKS=$(getconf CLK_TCK)

log() { echo "== $*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jita-bench-startup.XXXXXX")
JITA_PID=
stop_jita() { # the whole process group: mvn's forked JVM too
    if [[ -n $JITA_PID ]] && kill -0 "$JITA_PID" 2>/dev/null; then
        kill -- "-$JITA_PID" 2>/dev/null || true
        for _ in $(seq 1 120); do kill -0 "$JITA_PID" 2>/dev/null || break; sleep 0.25; done
        kill -9 -- "-$JITA_PID" 2>/dev/null || true
    fi
    if [[ -n $JITA_PID ]]; then wait "$JITA_PID" 2>/dev/null || true; fi
    JITA_PID=
}
cleanup() {
    local rc=$?
    stop_jita
    if [[ $rc -ne 0 && -f $WORK/jita.log ]]; then
        echo "failed (exit $rc); the last lines of jita's log:" >&2
        tail -n 30 "$WORK/jita.log" >&2
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT

# 1. What each launcher needs: the jar (rebuilt when any main source or the pom is newer), and for cds the
#    extracted jar and its archive (bin/jita makes them once per build, outside the timing).
if [[ ! -f $JAR ]] || [[ -n $(find src/main pom.xml -type f -newer "$JAR" -print -quit) ]]; then
    log "building $JAR"
    mvn -B -q -DskipTests package
fi
for variant in "${VARIANTS[@]}"; do
    case $variant in
        jar | aot) ;;
        base) [[ -f $BASE_JAR ]] || { echo "the launcher base needs BENCH_BASE_JAR, another build's jar" >&2; exit 1; } ;;
        cds) bin/jita --prepare ;;
        mvn) mvn -B -q -DskipTests compile ;;
        *) echo "BENCH_VARIANTS: unknown launcher $variant (jar, aot, cds, mvn or base)" >&2; exit 1 ;;
    esac
done
if (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT") 2>/dev/null; then
    echo "port $APP_PORT is taken; set BENCH_PORT" >&2
    exit 1
fi
log "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 2. One start: launch, poll every 50 ms until the first 200, note wall and CPU time, stop (gracefully, so
#    that H2 closes its files before the next start opens them).
start_once() { # variant data-dir -> WALL and CPU, in seconds
    local variant=$1 data=$2 begin end
    local args=(--server.port="$APP_PORT" --jita.data-dir="$data" ${JITA_ARGS[@]+"${JITA_ARGS[@]}"})
    export JITA_ADMIN_USERNAME=$ADMIN_USER JITA_ADMIN_PASSWORD=$ADMIN_PASSWORD
    begin=$(date +%s%N)
    # setsid: a process group of its own, which stop_jita ends as a whole.
    case $variant in
        jar) setsid java -jar "$JAR" "${args[@]}" >"$WORK/jita.log" 2>&1 & ;;
        aot) setsid java -Dspring.aot.enabled=true -jar "$JAR" "${args[@]}" >"$WORK/jita.log" 2>&1 & ;;
        base) setsid java -jar "$BASE_JAR" "${args[@]}" >"$WORK/jita.log" 2>&1 & ;;
        cds) setsid bin/jita "${args[@]}" >"$WORK/jita.log" 2>&1 & ;;
        mvn) setsid mvn -B -q -o spring-boot:run -Dspring-boot.run.arguments="${args[*]}" >"$WORK/jita.log" 2>&1 & ;;
    esac
    JITA_PID=$!
    until curl -fs -o /dev/null -u "$ADMIN_USER:$ADMIN_PASSWORD" "$URL"; do
        kill -0 "$JITA_PID" 2>/dev/null || { echo "jita exited during start" >&2; exit 1; }
        if (( $(date +%s%N) - begin > TIMEOUT * 1000000000 )); then echo "no 200 after $TIMEOUT s" >&2; exit 1; fi
        sleep 0.05
    done
    end=$(date +%s%N)
    WALL=$(awk -v b="$begin" -v e="$end" 'BEGIN { printf "%.2f", (e - b) / 1e9 }')
    # utime + stime of the JVM until then (mvn forks the JVM, whose time shows only at its exit: not counted).
    if [[ $variant == mvn ]]; then
        CPU=-
    else
        CPU=$(awk -v t="$TICKS" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$JITA_PID/stat")
    fi
    stop_jita
}

# 3. The rounds. The existing database is made by one start before the timing.
log "preparing the existing database ($WORK/existing)"
start_once "${VARIANTS[0]}" "$WORK/existing"
log "$STARTS rounds of: ${VARIANTS[*]}, each on a fresh and on the existing database"
for round in $(seq 1 "$STARTS"); do
    line="round $round:"
    for variant in "${VARIANTS[@]}"; do
        for case in fresh existing; do
            if [[ $case == fresh ]]; then data=$WORK/fresh; rm -rf "$data"; else data=$WORK/existing; fi
            start_once "$variant" "$data"
            echo "$round $variant $case $WALL $CPU" >>"$WORK/results"
            line+=" $variant/$case ${WALL}s"
        done
    done
    echo "$line"
done

# 4. Medians, and each launcher's time over the first launcher's in the same round and case (the median of
#    those ratios is what machine noise disturbs least).
echo
echo "process start to the first 200 of GET /api/platform/maintenance-mode-setting, seconds ($STARTS starts each)"
awk -v first="${VARIANTS[0]}" -v order="${VARIANTS[*]}" '
    function median(list,    n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        if (n == 0) return "-"
        return sprintf("%.2f", n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
    }
    function extreme(list, sign,    n, a, i, m) {
        n = split(list, a, " "); m = a[1]
        for (i = 2; i <= n; i++) if (sign * (a[i] - m) > 0) m = a[i]
        return n ? sprintf("%.2f", m) : "-"
    }
    { wall[$2, $3] = wall[$2, $3] " " $4; at[$1, $2, $3] = $4
      if ($5 != "-") cpu[$2, $3] = cpu[$2, $3] " " $5 }
    END {
        printf "%-8s %-9s %8s %8s %8s %11s %12s\n", "launcher", "database", "median", "min", "max", "cpu median", "/ " first
        n = split(order, v, " ")
        for (i = 1; i <= n; i++) for (c = 1; c <= 2; c++) {
            k = c == 1 ? "fresh" : "existing"; ratios = ""
            for (key in at) { split(key, p, SUBSEP)
                if (p[2] == v[i] && p[3] == k && ((p[1], first, k) in at)) ratios = ratios " " at[key] / at[p[1], first, k] }
            printf "%-8s %-9s %8s %8s %8s %11s %12s\n", v[i], k, median(wall[v[i], k]), extreme(wall[v[i], k], -1),
                extreme(wall[v[i], k], 1), median(cpu[v[i], k]), median(ratios)
        }
    }' "$WORK/results"
log "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
