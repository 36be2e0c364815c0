package dev.jita.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the server under test. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String username;
    private String password;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(int port) {
        this("http://127.0.0.1:" + port);
    }

    public Http(String base) {
        this.base = base;
    }

    /** A client that sends these credentials with every request. */
    public Http as(String username, String password) {
        Http copy = new Http(base);
        copy.username = username;
        copy.password = password;
        copy.headers.putAll(headers);
        return copy;
    }

    public Http anonymous() {
        Http copy = new Http(base);
        copy.headers.putAll(headers);
        return copy;
    }

    public Http header(String name, String value) {
        Http copy = as(username, password);
        copy.headers.put(name, value);
        return copy;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code body} as is when it is a String, else as JSON. */
    public Reply send(String method, String path, Object body) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (username != null) {
            String pair = username + ":" + password;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String result() {
            return json().path("result").asString();
        }

        public JsonNode data() {
            return json().path("data");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
