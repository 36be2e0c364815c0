#!/bin/bash
# Adds a plan: its id, name, description and a limit for every plan item (see get-plan-item-list.sh).
# Usage: add-plan.sh [json file]
#   e.g. add-plan.sample.json
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_require_json_file "$@"
api_load_conf
api_read_credentials
api_confirm "Add an plan, are you sure?"
api_request POST /api/platform/plans "$1"
