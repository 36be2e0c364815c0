#!/usr/bin/env bash
# Benchmark of API throughput: requests per second of an authenticated GET of a menu's first page against the floor,
# the authenticated GET of the maintenance-mode setting, over keep-alive connections (wrk), side by side in one run.
# Prints ratios. See bench/README.md.
set -euo pipefail
BENCH_DEFAULT_DB=postgres BENCH_DEFAULT_PORT=28460 BENCH_DEFAULT_DB_NAME=jita_bench_api
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${BENCH_CONNECTIONS:-16}
SECONDS_PER_ROUND=${BENCH_SECONDS:-5}
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-9}
RECORDS=${BENCH_RECORDS:-50}

if ! command -v wrk >/dev/null; then
    log "installing wrk"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
build_jar
create_database
# The credential cache outlives the run: at its expiry every open connection would check the password at once.
start_jita api "$APP_PORT" -- --jita.backyard.enabled=false --jita.security.credential-cache-ttl=1h
wait_ready

BASE=http://127.0.0.1:$APP_PORT
ADMIN_AUTH="Authorization: Basic $(printf '%s:%s' "$ADMIN_USER" "$ADMIN_PASSWORD" | base64 -w0)"
MANAGER_AUTH="Authorization: Basic $(printf 'bench-manager:bench-manager-pass' | base64 -w0)"
call() {
    local method=$1 url=$2 auth=$3 body=${4:-}
    local status
    status=$(curl -sS -o "$WORK/answer" -w '%{http_code}' -X "$method" -H "$auth" -H 'Content-Type: application/json' \
        ${body:+--data-binary "$body"} "$BASE$url")
    [[ $status == 200 ]] || { echo "$method $url: $status $(cat "$WORK/answer")" >&2; exit 1; }
}
call POST /api/platform/organizations "$ADMIN_AUTH" '{"id":"bench","name":"bench","organization_managers":[{"username":"bench-manager","email":"m@example.com","credentials":[{"type":"password","value":"bench-manager-pass"}],"enabled":true}]}'
call POST /api/bench/platform/workspaces "$MANAGER_AUTH" '{"id":"ws1","name":"ws1"}'
MENU=/api/bench/workspaces/ws1/ita/menu/operation_list
items=$(for ((i = 0; i < RECORDS; i++)); do
    printf '%s{"type":"Register","parameter":{"operation_name":"operation-%03d","scheduled_date_for_execution":"2026/12/01 10:00:00"}}' \
        "$([[ $i == 0 ]] || echo ,)" "$i"
done)
call POST "$MENU/maintenance/all/" "$MANAGER_AUTH" "[$items]"
call GET "$MENU/filter/" "$MANAGER_AUTH"
log "menu page: $RECORDS records, $(wc -c <"$WORK/answer") bytes; floor: $(call GET /api/platform/maintenance-mode-setting "$ADMIN_AUTH"; wc -c <"$WORK/answer") bytes"

# wrk's figure, or a failure when any answer was not 200 or the socket broke.
rate() {
    local out
    out=$(wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_PER_ROUND}s" --timeout 30s -H "$2" "$BASE$1")
    if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "wrk $1: $out" >&2; exit 1; fi
    awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}
log "measuring (wrk, 2 threads, $CONNECTIONS keep-alive connections, ${SECONDS_PER_ROUND} s each):" \
    "$WARMUP warm-up and $ROUNDS measured rounds, order rotated"
: >"$WORK/rates"
for ((round = 0; round < WARMUP + ROUNDS; round++)); do
    if ((round % 2 == 0)); then
        menu=$(rate "$MENU/filter/" "$MANAGER_AUTH"); floor=$(rate /api/platform/maintenance-mode-setting "$ADMIN_AUTH")
    else
        floor=$(rate /api/platform/maintenance-mode-setting "$ADMIN_AUTH"); menu=$(rate "$MENU/filter/" "$MANAGER_AUTH")
    fi
    if ((round < WARMUP)); then label="warm-up $((round + 1))"; else label="round $((round - WARMUP + 1))"; echo "$menu $floor" >>"$WORK/rates"; fi
    awk -v l="$label" -v m="$menu" -v f="$floor" 'BEGIN { printf "%-10s menu %8.1f/s, floor %8.1f/s, ratio %.3f\n", l, m, f, m / f }'
done
echo
sort -n -k1 "$WORK/rates" | awk '{ m[NR] = $1 } END { n = NR; printf "menu page   median %8.1f/s  min %8.1f  max %8.1f\n", (n % 2 ? m[(n + 1) / 2] : (m[n / 2] + m[n / 2 + 1]) / 2), m[1], m[n] }'
sort -n -k2 "$WORK/rates" | awk '{ f[NR] = $2 } END { n = NR; printf "floor       median %8.1f/s  min %8.1f  max %8.1f\n", (n % 2 ? f[(n + 1) / 2] : (f[n / 2] + f[n / 2 + 1]) / 2), f[1], f[n] }'
awk '{ print $1 / $2 }' "$WORK/rates" | sort -n | awk '{ r[NR] = $1 } END { n = NR; printf "menu page / floor: %.3f (median of per-round ratios)\n", (n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2) }'
