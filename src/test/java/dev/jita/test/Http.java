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

    private final HttpClient client;
    private final String base;
    private String username;
    private String password;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(int port) {
        this("http://127.0.0.1:" + port);
    }

    public Http(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** Requests over {@code client}'s connections, e.g. one client shared by many threads over keep-alive. */
    public Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A client that sends these credentials with every request, over this one's connections. */
    public Http as(String username, String password) {
        Http copy = new Http(base, client);
        copy.username = username;
        copy.password = password;
        copy.headers.putAll(headers);
        return copy;
    }

    public Http anonymous() {
        Http copy = new Http(base, client);
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
        return send(method, path, text == null ? null : "application/json",
                text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** One part of a multipart/form-data body: a text field, or a file when {@code fileName} is given. */
    public record Part(String name, String fileName, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String fileName, byte[] content) {
            return new Part(name, fileName, content);
        }
    }

    /** Sends the parts as multipart/form-data, as a browser's FormData or {@code curl -F} does. */
    public Reply multipart(String method, String path, Part... parts) {
        String boundary = "jita-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: application/octet-stream")
                    + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Sends {@code body} (none when null) declared as {@code contentType}. */
    public Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
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
