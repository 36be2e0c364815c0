#!/bin/bash
# Maintenance windows: the modes turned ON at a planned start and OFF at its end, with advance notice to users.
# Usage: maintenance-window.sh list
#        maintenance-window.sh get ID
#        maintenance-window.sh schedule [json file]      e.g. maintenance-window.sample.json
#        maintenance-window.sh change ID [json file]     only the fields to change; before the window starts
#        maintenance-window.sh cancel ID                 before the window starts
#   schedule, change and cancel ask for confirmation.
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

WINDOWS=/api/platform/maintenance-windows

usage() {
    local name
    name=$(basename "$0")
    echo "Usage: ${name} list | get ID | schedule [json file] | change ID [json file] | cancel ID"
    exit 1
}

# A window id as the server makes it (a UUID); anything else never reaches the URL.
require_id() {
    if ! [[ "${1:-}" =~ ^[0-9a-fA-F-]{1,36}$ ]]; then
        echo "Error: not a maintenance window id : ${1:-}"
        exit 1
    fi
}

require_file() {
    if [ ! -f "${1:-}" ]; then
        echo "Error: not found ... json file : ${1:-}"
        exit 1
    fi
}

COMMAND="${1:-}"
case "${COMMAND}" in
    list)
        [ "$#" -eq 1 ] || usage
        api_load_conf
        api_read_credentials
        api_request GET "${WINDOWS}" ;;
    get)
        [ "$#" -eq 2 ] || usage
        require_id "$2"
        api_load_conf
        api_read_credentials
        api_request GET "${WINDOWS}/$2" ;;
    schedule)
        [ "$#" -eq 2 ] || usage
        require_file "$2"
        api_load_conf
        api_read_credentials
        api_confirm "Schedule the maintenance window, are you sure?"
        api_request POST "${WINDOWS}" "$2" ;;
    change)
        [ "$#" -eq 3 ] || usage
        require_id "$2"
        require_file "$3"
        api_load_conf
        api_read_credentials
        api_confirm "Change the maintenance window $2, are you sure?"
        api_request PATCH "${WINDOWS}/$2" "$3" ;;
    cancel)
        [ "$#" -eq 2 ] || usage
        require_id "$2"
        api_load_conf
        api_read_credentials
        api_confirm "Cancel the maintenance window $2, are you sure?"
        api_request DELETE "${WINDOWS}/$2" ;;
    *)
        usage ;;
esac
