#!/bin/bash
# The maintenance procedure as one step: turns "Stop server side jobs" ON, shows execute_count until
# nothing runs, then turns load mode ON (unless --keep-writes-open). The drain itself runs in jita: leaving
# this script does not stop it, and --cancel ends it (the modes stay as they are).
# Usage: drain.sh [--timeout SECONDS] [--interval SECONDS] [--keep-writes-open]
#        drain.sh --cancel
# Exit: 0 drained, 2 timed out (jobs still running; load mode not turned ON), 1 any other failure.
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

TIMEOUT=3600
INTERVAL=5
LOAD_MODE=true
CANCEL=false
while [ "$#" -gt 0 ]; do
    case "$1" in
        --timeout) TIMEOUT="${2:-}"; shift 2 ;;
        --interval) INTERVAL="${2:-}"; shift 2 ;;
        --keep-writes-open) LOAD_MODE=false; shift ;;
        --cancel) CANCEL=true; shift ;;
        *) echo "Usage: $(basename "$0") [--timeout SECONDS] [--interval SECONDS] [--keep-writes-open] | --cancel"; exit 1 ;;
    esac
done
for number in "${TIMEOUT}" "${INTERVAL}"; do
    if ! [[ "${number}" =~ ^[1-9][0-9]*$ ]]; then
        echo "Error: --timeout and --interval take a whole number of seconds"
        exit 1
    fi
done

api_load_conf
api_read_credentials
if [ "${CANCEL}" = true ]; then
    api_request DELETE /api/platform/maintenance-drain
fi
api_confirm_update

api_call POST /api/platform/maintenance-drain "{\"timeout_seconds\": ${TIMEOUT}, \"load_mode\": ${LOAD_MODE}}"
while true; do
    if [ "${API_STATUS}" != "200" ]; then
        api_print "${API_BODY_FILE}"
        echo "Error: HTTP status ${API_STATUS}"
        exit 1
    fi
    STATE=$(api_field state)
    COUNT=$(api_field execute_count)
    echo "$(date -u +%H:%M:%S) ${STATE}: execute_count ${COUNT}"
    case "${STATE}" in
        drained)
            if [ "${LOAD_MODE}" = true ]; then
                echo "Drained: nothing runs and load mode is ON. Take the backup, then turn both modes OFF."
            else
                echo "Drained: nothing runs; writes stay open."
            fi
            exit 0 ;;
        timed_out)
            echo "Timed out with ${COUNT} item(s) still running: Stop server side jobs stays ON, load mode was not turned ON."
            echo "See what runs with get-backyard-execute-check.sh."
            exit 2 ;;
        draining) ;;
        *)
            echo "The drain ended as ${STATE}."
            exit 1 ;;
    esac
    sleep "${INTERVAL}"
    api_call GET /api/platform/maintenance-drain
done
