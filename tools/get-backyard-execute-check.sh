#!/bin/bash
# Lists, for every organization and workspace, the items each backyard is running, with execute_count
# (per workspace, per organization and in total). A drain is over when execute_count is 0.
# Usage: get-backyard-execute-check.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
api_read_credentials
api_request GET /api/ita/backyard-execute-check/
