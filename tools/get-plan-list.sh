#!/bin/bash
# Lists every plan with its limits.
# Usage: get-plan-list.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
api_read_credentials
api_request GET /api/platform/plans
