#!/bin/bash
# Changes the log levels of ITA services to the values in a JSON file
# (DEBUG or INFO per service).
# Usage: update-ita-loglevel.sh [json file]
#   e.g. update-ita-loglevel.sample.json
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_require_json_file "$@"
api_load_conf
api_read_credentials
api_confirm_update
api_request PATCH /api/ita/loglevel-settings/ "$1"
