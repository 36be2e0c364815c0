package dev.jita.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web UI without a browser: the login form posted with its CSRF token, then requests carrying the session
 * cookie. Redirects are not followed, so a test sees where the server sends it.
 */
public final class UiClient {

    public static final String SESSION_COOKIE = "JSESSIONID";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public UiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Logs in through the form, as a browser does; fails the test unless the server accepts it. */
    public Page logIn(String organization, String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organization", organization);
        fields.put("username", username);
        fields.put("password", password);
        fields.put("_csrf", get("/login").csrfToken());
        Page answer = post("/login", fields);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.location()).as(answer.toString()).doesNotContain("error");
        return answer;
    }

    /** The session cookie's value now held, e.g. to present it again after the server ended the session. */
    public String session() {
        return session;
    }

    public void useSession(String value) {
        session = value;
    }

    /** A cookie sent with every request from now on, as a page's script sets one (null: no longer sent). */
    public void cookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON body posted as a page's script does: with the CSRF token in its header (none when null). */
    public Page postJson(String path, String body, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    /**
     * A form with a file posted as {@code multipart/form-data}, as a browser sends it; {@code fileName} null sends
     * no file part.
     */
    public Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "jita-ui-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A download: the status, the headers and the bytes as they came. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
    }

    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", SESSION_COOKIE + "=" + session);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest.Builder request) {
        Map<String, String> sent = new LinkedHashMap<>(cookies);
        if (session != null) {
            sent.put(SESSION_COOKIE, session);
        }
        if (!sent.isEmpty()) {
            request.header("Cookie", sent.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Page page = new Page(response.statusCode(), response.headers().allValues("Location"),
                    response.headers().allValues("Set-Cookie"), response.body());
            String issued = page.sessionCookie();
            if (issued != null) {
                session = issued.substring(SESSION_COOKIE.length() + 1, issued.indexOf(';') < 0 ? issued.length()
                        : issued.indexOf(';'));
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Page(int status, List<String> locations, List<String> setCookies, String body) {

        public String location() {
            return locations.isEmpty() ? "" : locations.get(0);
        }

        /** The CSRF token of the page's forms; fails the test when the page has none. */
        public String csrfToken() {
            Matcher token = CSRF.matcher(body);
            assertThat(token.find()).as("a form with a CSRF token in " + this).isTrue();
            return token.group(1);
        }

        /** The whole Set-Cookie header of the session cookie, or null when none was issued. */
        public String sessionCookie() {
            return setCookies.stream().filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + location() + " " + body;
        }
    }
}
