#!/bin/bash
# Changes the maintenance modes to the values in a JSON file.
# Usage: update-maintenance-mode-setting.sh [json file]
#   e.g. update-maintenance-mode-setting.sample.json
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_require_json_file "$@"
api_load_conf
api_read_credentials
api_confirm_update
api_request PATCH /api/platform/maintenance-mode-setting "$1"
