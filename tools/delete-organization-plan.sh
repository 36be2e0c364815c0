#!/bin/bash
# Removes the plan that an organization was given from a start date on.
# Usage: delete-organization-plan.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
echo
echo "Please enter the organization ID and start datetime to delete the organization-plan"
echo
api_ask ORG_ID "organization id"
api_ask START_DATETIME "start datetime (yyyy-mm-dd hh:mm:ss)"
api_read_credentials
api_confirm "Delete an organization-plan, are you sure?"
api_request DELETE "/api/platform/$(api_uri_encode "${ORG_ID}")/plans/$(api_uri_encode "${START_DATETIME}")"
