#!/bin/bash
# Shows the maintenance modes (backyard_execute_stop, data_update_stop).
# Usage: get-maintenance-mode-setting.sh
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

api_load_conf
api_read_credentials
api_request GET /api/platform/maintenance-mode-setting
