#!/bin/bash
# Shows the initial settings of Ansible: of one organization, or of all when none is given.
# Usage: get-initial-settings-ansible.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
echo
api_ask ORG_ID "organization id (empty: all)"
api_read_credentials
if [ -z "${ORG_ID}" ]; then
    api_request GET /api/ita/initial-settings/ansible/
fi
api_request GET "/api/ita/$(api_uri_encode "${ORG_ID}")/initial-settings/ansible/"
