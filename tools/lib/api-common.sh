# Shared parts of the scripts in tools/ (sourced by them, not run on its own):
# the conf file, the prompts, the curl call, printing the response and the exit code.
# A script exits 0 only when curl succeeded and the server answered HTTP 200, else 1.

set -u

# Update scripts take exactly one argument: the JSON file to send.
api_require_json_file() {
    if [ "$#" -ne 1 ]; then
        echo "Usage: $(basename "$0") [json file]"
        exit 1
    fi
    if [ ! -f "$1" ]; then
        echo "Error: not found ... json file : $1"
        exit 1
    fi
}

# Reads CONF_BASE_URL and CURL_OPT from api-auth.conf next to the script.
# API_AUTH_CONF=/path/to/file.conf points at another conf (another server, tests).
api_load_conf() {
    local conf="${API_AUTH_CONF:-$(dirname "$0")/api-auth.conf}"
    if [ ! -f "${conf}" ]; then
        echo "Error: not found ... conf file : ${conf}"
        exit 1
    fi
    # shellcheck disable=SC1090
    source "${conf}"
    if [ -z "${CONF_BASE_URL:-}" ]; then
        echo "Error: CONF_BASE_URL is not set in ${conf}"
        exit 1
    fi
}

api_read_credentials() {
    read -r -p "your username : " USERNAME
    read -r -sp "your password : " PASSWORD
    echo
}

# api_confirm QUESTION : anything but Y/y stops here, before the server is called.
api_confirm() {
    read -r -p "$1 (Y/other) : " CONFIRM
    case "${CONFIRM:-}" in
        Y | y) ;;
        *) exit 1 ;;
    esac
}

api_confirm_update() {
    api_confirm "Update setting, are you sure?"
}

# api_ask VARIABLE PROMPT : reads one line into VARIABLE (e.g. an organization id).
api_ask() {
    local answer
    read -r -p "$2 : " answer
    printf -v "$1" '%s' "${answer}"
}

# api_uri_encode TEXT : TEXT with every byte but letters, digits and -._~ percent-encoded, for a path or query.
api_uri_encode() {
    local LC_ALL=C text="$1" out="" char i
    for ((i = 0; i < ${#text}; i++)); do
        char="${text:i:1}"
        case "${char}" in
            [A-Za-z0-9._~-]) out+="${char}" ;;
            *) out+=$(printf '%%%02X' "'${char}") ;;
        esac
    done
    printf '%s' "${out}"
}

# api_json_string TEXT : TEXT as a JSON string, quotes included.
api_json_string() {
    local text="$1"
    text="${text//\\/\\\\}"
    text="${text//\"/\\\"}"
    text="${text//$'\t'/\\t}"
    text="${text//$'\r'/\\r}"
    text="${text//$'\n'/\\n}"
    printf '"%s"' "${text}"
}

# Prints a JSON file through jq when jq is installed and the content is JSON, else as it is.
api_print() {
    local pretty
    [ -s "$1" ] || return 0
    if command -v jq >/dev/null 2>&1 && pretty=$(jq . "$1" 2>/dev/null); then
        printf '%s\n' "${pretty}"
    else
        cat "$1"
        [ -z "$(tail -c 1 "$1")" ] || echo
    fi
}

# api_call METHOD PATH [json body] : calls the API once; the body lands in API_BODY_FILE, the HTTP status
# in API_STATUS (000 when curl itself failed). Prints nothing, exits never: for scripts that call several times.
api_call() {
    local method="$1" path="$2" body="${3:-}"
    if [ -z "${API_BODY_FILE:-}" ]; then
        API_BODY_FILE=$(mktemp) || exit 1
        trap 'rm -f "${API_BODY_FILE}"' EXIT
        trap 'exit 1' HUP INT TERM
    fi
    local args=(-X "${method}" -u "${USERNAME}:${PASSWORD}" -o "${API_BODY_FILE}" -w '%{http_code}')
    if [ -n "${body}" ]; then
        args+=(-H "Content-type: application/json" --data-binary "${body}")
    fi
    # CURL_OPT is not quoted on purpose: it may hold several options.
    # shellcheck disable=SC2086
    API_STATUS=$(curl ${CURL_OPT:-} "${args[@]}" "${CONF_BASE_URL}${path}") || API_STATUS=000
}

# api_request METHOD PATH [json file] : calls the API, prints the response body and exits.
api_request() {
    local method="$1" path="$2" json_file="${3:-}"
    if [ -n "${json_file}" ]; then
        api_print "${json_file}"
        api_call "${method}" "${path}" "@${json_file}"
    else
        api_call "${method}" "${path}"
    fi
    api_finish "${path}"
}

# api_send METHOD PATH JSON : sends JSON text, or @file, without showing it (it may hold a password);
# prints the answer and exits.
api_send() {
    api_call "$1" "$2" "$3"
    api_finish "$2"
}

# Prints the last answer and exits: 0 for HTTP 200, else 1.
api_finish() {
    local path="$1"
    api_print "${API_BODY_FILE}"
    if [ "${API_STATUS}" = "000" ]; then
        echo "Error: curl failed : ${CONF_BASE_URL}${path}"
        exit 1
    fi
    if [ "${API_STATUS}" != "200" ]; then
        echo "Error: HTTP status ${API_STATUS}"
        exit 1
    fi
    exit 0
}

# api_field NAME : a top-level string or number field of data in the last answer (compact JSON), e.g. state.
api_field() {
    sed -n 's/.*"data":{[^{}]*"'"$1"'":"\{0,1\}\([^",}]*\)"\{0,1\}[,}].*/\1/p' "${API_BODY_FILE}"
}
