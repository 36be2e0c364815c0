#!/bin/bash
# Stores the initial settings of Ansible of one organization (see initial-settings-ansible.sample.json).
# Usage: initial-settings-ansible.sh [json file]
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_require_json_file "$@"
api_load_conf
echo
api_ask ORG_ID "organization id"
if [ -z "${ORG_ID}" ]; then
    echo "please enter organization id ... retry the $0"
    exit 1
fi
api_read_credentials
api_confirm "Initial setting Ansible, are you sure?"
# The file is not shown: it may hold passwords and tokens.
api_send POST "/api/ita/$(api_uri_encode "${ORG_ID}")/initial-settings/ansible/" "@$1"
