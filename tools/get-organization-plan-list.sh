#!/bin/bash
# Lists the plans of an organization with their start dates.
# Usage: get-organization-plan-list.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
echo
echo "Please enter the organization ID to get the organization-plan"
echo
api_ask ORG_ID "organization id"
api_read_credentials
api_request GET "/api/platform/$(api_uri_encode "${ORG_ID}")/plans"
