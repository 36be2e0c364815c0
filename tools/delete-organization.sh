#!/bin/bash
# Deletes an organization with its workspaces, users and plans.
# Usage: delete-organization.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
echo
echo "Please enter the organization ID to delete the organization"
echo
api_ask ORG_ID "organization id"
api_read_credentials
api_confirm "Delete an organization, are you sure?"
api_request DELETE "/api/platform/organizations/$(api_uri_encode "${ORG_ID}")"
