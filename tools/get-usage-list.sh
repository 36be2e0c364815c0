#!/bin/bash
# Shows what organizations use of the items their plans limit: one organization, or all when none is given.
# Usage: get-usage-list.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
echo
api_ask ORG_ID "organization id (empty: all)"
api_read_credentials
if [ -z "${ORG_ID}" ]; then
    api_request GET /api/platform/usages
fi
api_request GET "/api/platform/usages?organization_id=$(api_uri_encode "${ORG_ID}")"
