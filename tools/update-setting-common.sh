#!/bin/bash
# Changes the value and description of one common setting, asked for by its key.
# Usage: update-setting-common.sh [json file]
#   e.g. update-setting-common.sample.json
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_require_json_file "$@"
api_load_conf
echo
echo "Please enter the key to set the setting"
echo
api_ask SETTING_KEY "key"
api_read_credentials
api_confirm_update
api_request PUT "/api/platform/settings/common/$(api_uri_encode "${SETTING_KEY}")" "$1"
