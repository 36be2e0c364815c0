package dev.jita.drivers.terraform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A client of the Terraform Cloud / Enterprise API v2. Every answer is checked: a status other than the one
 * expected, a body that is not JSON:API by its content type, or a timeout is a {@link Failed} naming the
 * call, the status and the API's message, never the token. Server errors and timeouts are tried three times.
 */
final class TfcClient {

    private static final String JSON_API = "application/vnd.api+json";
    private static final int ATTEMPTS = 3;

    /** A call that did not give what was expected. */
    static final class Failed extends Exception {
        private final int status;

        Failed(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The HTTP status, 0 when there was no answer. */
        int status() {
            return status;
        }
    }

    private final String baseUrl;
    private final String token;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;

    TfcClient(String baseUrl, String token, String proxyHost, Integer proxyPort, Duration timeout, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.json = json;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (proxyHost != null && !proxyHost.isBlank()) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort == null ? 8080 : proxyPort)));
        }
        this.http = builder.build();
    }

    /** GET of an API path (e.g. {@code /organizations}); the answer's JSON. */
    JsonNode get(String path) throws Failed, InterruptedException {
        return call("GET", path, null, 200);
    }

    JsonNode post(String path, Object body, int expected) throws Failed, InterruptedException {
        return call("POST", path, body, expected);
    }

    void delete(String path) throws Failed, InterruptedException {
        call("DELETE", path, null, 204);
    }

    /** A log or state from the URL the API gave (no token: such URLs carry their own secret). */
    String download(String url) throws Failed, InterruptedException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET(),
                "GET " + shown(url));
        if (response.statusCode() != 200) {
            throw failed("GET " + shown(url), response);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** PUT of the configuration's tar.gz to the upload URL the API gave. */
    void upload(String url, byte[] archive) throws Failed, InterruptedException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(archive)), "PUT " + shown(url));
        if (response.statusCode() / 100 != 2) {
            throw failed("PUT " + shown(url), response);
        }
    }

    /** A path of the API, or a link it gave ({@code /api/v2/...}), as a full URL. */
    String url(String pathOrLink) {
        if (pathOrLink.startsWith("http://") || pathOrLink.startsWith("https://")) {
            return pathOrLink;
        }
        if (pathOrLink.startsWith("/api/v2/")) {
            return baseUrl.substring(0, baseUrl.length() - "/api/v2".length()) + pathOrLink;
        }
        return baseUrl + pathOrLink;
    }

    /** A link the API gave, fetched with the token (e.g. a policy check's output). */
    String getText(String pathOrLink) throws Failed, InterruptedException {
        String call = "GET " + pathOrLink;
        HttpResponse<byte[]> response = send(authorized(url(pathOrLink)).GET(), call);
        if (response.statusCode() != 200) {
            throw failed(call, response);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path, Object body, int expected) throws Failed, InterruptedException {
        String call = method + " " + path;
        HttpRequest.Builder request = authorized(url(path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON_API)
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<byte[]> response = send(request, call);
        if (response.statusCode() != expected) {
            throw failed(call, response);
        }
        if (expected == 204 || expected == 202 && response.body().length == 0) {
            return json.createObjectNode();
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json")) {
            throw new Failed(call + " answered " + response.statusCode() + " with " + (type.isEmpty() ? "no content type"
                    : type) + " instead of JSON", response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new Failed(call + " answered " + response.statusCode() + " with a body that is not a JSON object",
                        response.statusCode());
            }
            return answer;
        } catch (JacksonException e) {
            throw new Failed(call + " answered " + response.statusCode() + " with malformed JSON", response.statusCode());
        }
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", JSON_API);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String call) throws Failed, InterruptedException {
        HttpRequest built = request.build();
        Failed last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() < 500) {
                    return response;
                }
                last = failed(call, response);
            } catch (HttpTimeoutException e) {
                last = new Failed(call + " got no answer within " + timeout.toSeconds() + " s", 0);
            } catch (IOException e) {
                last = new Failed(call + " failed: " + e.getMessage(), 0);
            }
            Thread.sleep(200L * attempt);
        }
        throw last;
    }

    /** The call, its status and the API's own message (JSON:API {@code errors}), shortened. */
    private Failed failed(String call, HttpResponse<byte[]> response) {
        String detail = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode errors = json.readTree(response.body()).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                detail = first.path("title").asString("") + (first.has("detail") ? ": " + first.path("detail").asString("") : "");
            }
        } catch (JacksonException e) {
            // Not JSON: the body as it is, shortened below.
        }
        detail = detail.replace(token, "********");
        if (detail.length() > 300) {
            detail = detail.substring(0, 300) + "...";
        }
        return new Failed(call + " answered " + response.statusCode() + (detail.isBlank() ? "" : ": " + detail.strip()),
                response.statusCode());
    }

    /** A URL without its query (upload and download URLs carry secrets in their path or query). */
    private static String shown(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority() + "/...";
    }
}
