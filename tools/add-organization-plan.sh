#!/bin/bash
# Gives an organization a plan from a start date on (UTC); the plan in force is the latest started.
# Usage: add-organization-plan.sh [json file]
#   e.g. add-organization-plan.sample.json
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_require_json_file "$@"
api_load_conf
echo
echo "Please enter the organization ID to set the organization-plan"
echo
api_ask ORG_ID "organization id"
api_read_credentials
api_confirm "Add an organization-plan, are you sure?"
api_request POST "/api/platform/$(api_uri_encode "${ORG_ID}")/plans" "$1"
