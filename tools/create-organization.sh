#!/bin/bash
# Creates an organization with its first manager, from a JSON file or from answers to prompts.
# Usage: create-organization.sh [--retry] [json file]
#   e.g. create-organization.sample.json. Without a file the script asks for the id, the name, the manager
#   and an optional plan id. --retry is accepted for Exastro's sake: jita creates an organization in one
#   transaction, so a failed creation left nothing to resume and is simply run again.
#   Server and curl options: api-auth.conf (or the file named by API_AUTH_CONF).
source "$(dirname "$0")/lib/api-common.sh"

JSON_FILE=""
QUERY=""
while [ "$#" -gt 0 ]; do
    case "$1" in
        --retry) QUERY="?retry=1" ;;
        *)
            if [ -n "${JSON_FILE}" ]; then
                echo "Usage: $(basename "$0") [--retry] [organization info json file]"
                exit 1
            fi
            JSON_FILE="$1"
            ;;
    esac
    shift
done
if [ -n "${JSON_FILE}" ] && [ ! -f "${JSON_FILE}" ]; then
    echo "Error: not found organization info json file : ${JSON_FILE}"
    exit 1
fi

api_load_conf
if [ -z "${JSON_FILE}" ]; then
    echo
    echo "Please enter the organization information to be created"
    echo
    api_ask ORG_ID "organization id"
    api_ask ORG_NAME "organization name"
    api_ask MANAGER_USERNAME "organization manager's username"
    api_ask MANAGER_EMAIL "organization manager's email"
    api_ask MANAGER_FIRST_NAME "organization manager's first name"
    api_ask MANAGER_LAST_NAME "organization manager's last name"
    api_ask MANAGER_PASSWORD "organization manager's initial password"
    api_ask PLAN_ID "organization plan id (optional)"
    PLAN=""
    if [ -n "${PLAN_ID}" ]; then
        PLAN="\"plan\": {\"id\": $(api_json_string "${PLAN_ID}")}, "
    fi
    BODY="{\"id\": $(api_json_string "${ORG_ID}"), \"name\": $(api_json_string "${ORG_NAME}"),"
    BODY+=" \"organization_managers\": [{\"username\": $(api_json_string "${MANAGER_USERNAME}"),"
    BODY+=" \"email\": $(api_json_string "${MANAGER_EMAIL}"),"
    BODY+=" \"firstName\": $(api_json_string "${MANAGER_FIRST_NAME}"),"
    BODY+=" \"lastName\": $(api_json_string "${MANAGER_LAST_NAME}"),"
    BODY+=" \"credentials\": [{\"type\": \"password\", \"value\": $(api_json_string "${MANAGER_PASSWORD}"), \"temporary\": true}],"
    BODY+=" \"requiredActions\": [\"UPDATE_PROFILE\"], \"enabled\": true}], ${PLAN}\"options\": {}}"
fi
api_read_credentials
api_confirm "Create an organization, are you sure?"
# The body is not shown: it holds the manager's password.
if [ -n "${JSON_FILE}" ]; then
    api_send POST "/api/platform/organizations${QUERY}" "@${JSON_FILE}"
fi
api_send POST "/api/platform/organizations${QUERY}" "${BODY}"
