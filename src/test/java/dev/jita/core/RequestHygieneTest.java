package dev.jita.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Requests jita refuses: bodies not declared JSON (so no other site can post through a browser's cached
 * credentials), control characters, invalid UTF-8 and unpaired surrogates, malformed paths and methods; every
 * refusal is a 4xx in the envelope with a true message, and nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestHygieneTest extends ApiTest {

    private static final String ORGS = "/api/platform/organizations";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBodyNotDeclaredJsonIsRefusedAndCreatesNothing() throws Exception {
        String id = unique("csrf");
        String body = Http.JSON.writeValueAsString(organizationBody(id, "boss", "boss-pass"));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=ISO-8859-1")) {
            HttpResponse<String> reply = post(ORGS, type, body.getBytes(StandardCharsets.UTF_8), ADMIN);
            assertEnvelope(reply, 415, "415-00001");
            assertThat(message(reply)).contains("application/json");
        }
        assertError(admin().get(ORGS + "/" + id), 404, "404-00001");

        // A form with no field at all, or a beacon with no body, must not start a drain either.
        assertEnvelope(post("/api/platform/maintenance-drain", "application/x-www-form-urlencoded", new byte[0], ADMIN),
                415, "415-00001");
        assertError(admin().send("POST", "/api/platform/maintenance-drain", null), 415, "415-00001");
        assertThat(admin().get(MODES).data().path("backyard_execute_stop").asString()).isEqualTo("0");

        assertThat(post(ORGS, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), ADMIN)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void nulCharactersAreRefusedBeforeTheDatabase() throws Exception {
        assertThat(http().as("ad\u0000min", ADMIN_PASSWORD).get(MODES).status()).isEqualTo(401);
        String org = unique("nul");
        createOrganization(org, "boss", "boss-pass");
        Http boss = http().as("boss", "boss-pass");
        assertThat(http().as("bo\u0000ss", "boss-pass").get("/api/" + org + "/platform/workspaces").status())
                .isEqualTo(401);

        Map<String, Object> badName = new java.util.HashMap<>(organizationBody(unique("nul"), "boss", "boss-pass"));
        badName.put("name", "a\u0000b");
        assertError(admin().post(ORGS, badName), 400, "400-00002");
        assertError(admin().post(ORGS, organizationBody(unique("nul"), "bo\u0000ss", "boss-pass")), 400, "400-00002");
        assertError(boss.post("/api/" + org + "/platform/workspaces", Map.of("id", "ws1", "name", "w\u0000s")),
                400, "400-00002");
        assertError(boss.post("/api/" + org + "/platform/users", Map.of("username", "u1", "password", "p",
                "firstName", "x\u0000y")), 400, "400-00002");
        assertError(admin().patch(MODES, Map.of("data_update_stop", "1", "reason", "r\u0000")), 400, "400-00002");
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
        assertThat(boss.get("/api/" + org + "/platform/workspaces").data()).isEmpty();
        assertThat(boss.get("/api/" + org + "/platform/users").data()).hasSize(1);

        assertError(admin().get("/api/platform/organizations?name=%00"), 400, "400-00001");
        assertError(http().get("/api/a%01b/platform/workspaces"), 400, "400-00001");
        assertEnvelope(raw("GET /api/a%00b/platform/workspaces HTTP/1.0\r\n\r\n"), 400);

        String form = "username=ad%00min&password=" + ADMIN_PASSWORD + "&organization=";
        assertEnvelope(post("/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), null),
                400, "400-00001");
    }

    @Test
    void aFileGivenAsAnObjectOrAnArrayIsAnInvalidRecord() {
        String org = unique("file");
        createOrganization(org, "boss", "boss-pass");
        Http boss = http().as("boss", "boss-pass");
        createWorkspace(boss, org, "ws1");
        String path = "/api/" + org + "/workspaces/ws1/ita/menu/playbook_files/maintenance/";
        for (Object content : List.of(Map.of("base64", "cGluZw=="), List.of("cGluZw=="))) {
            Http.Reply reply = boss.post(path, Map.of(
                    "parameter", Map.of("playbook_name", "p.yml", "playbook_file", "p.yml"),
                    "file", Map.of("playbook_file", content)));
            assertError(reply, 499, "499-00201");
            assertThat(reply.json().path("message").asString()).contains("base64");
        }
        assertThat(boss.get("/api/" + org + "/workspaces/ws1/ita/menu/playbook_files/filter/").data()).isEmpty();
    }

    @Test
    void anUnknownLanguageKeepsTheLoginPage() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login?lang=%3Cscript%3Ealert(1)%3C/script%3E")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"en\"").doesNotContain("alert(1)");
        assertEnvelope(raw("GET /login?lang=<script> HTTP/1.0\r\n\r\n"), 400);
    }

    @Test
    void invalidUtf8AndUnpairedSurrogatesAreRefusedAndNothingIsStored() throws Exception {
        String id = unique("utf");
        byte[] body = Http.JSON.writeValueAsString(organizationBody(id, "boss", "boss-pass"))
                .replace(id + "-name", "caf\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = replace(body, "caf\u00e9".getBytes(StandardCharsets.UTF_8), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        byte[] encodedSurrogate = replace(body, "caf\u00e9".getBytes(StandardCharsets.UTF_8),
                new byte[] {'c', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        for (byte[] bad : List.of(latin1, encodedSurrogate)) {
            HttpResponse<String> reply = post(ORGS, "application/json", bad, ADMIN);
            assertEnvelope(reply, 400, "400-00002");
            assertThat(message(reply)).contains("UTF-8");
        }
        String escaped = new String(body, StandardCharsets.UTF_8).replace("caf\u00e9", "caf\\ud800");
        assertError(admin().post(ORGS, escaped), 400, "400-00002");
        assertThat(admin().post(ORGS, escaped).json().path("message").asString()).contains("surrogate");
        assertError(admin().get(ORGS + "/" + id), 404, "404-00001");
        assertError(admin().get(ORGS + "?name=caf%E9"), 400, "400-00001");
        assertEnvelope(post("/login", "application/x-www-form-urlencoded",
                "username=caf%E9&password=x&organization=".getBytes(StandardCharsets.UTF_8), null), 400, "400-00001");

        assertThat(post(ORGS, "application/json", body, ADMIN).statusCode()).isEqualTo(200);
        assertThat(admin().get(ORGS + "/" + id).data().path("name").asString()).isEqualTo("caf\u00e9");
    }

    @Test
    void malformedPathsAndMethodsAnswerTheEnvelopeWithATrueMessage() throws IOException {
        String auth = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        for (String path : List.of("/api/platform/../platform/organizations", "/api/platform/organizations;x=1",
                "/api//platform/organizations", "/api/platform%2forganizations", "/api/platform/organizations%0a")) {
            Raw reply = raw("GET " + path + " HTTP/1.0\r\n" + auth + "\r\n");
            assertEnvelope(reply, 400);
            assertThat(reply.json().path("message").asString()).as(path).doesNotContain("JSON");
        }
        Raw bigHeader = raw("GET /api/platform/organizations HTTP/1.0\r\n" + auth + "X-Big: " + "a".repeat(9000) + "\r\n\r\n");
        assertEnvelope(bigHeader, 400);
        assertThat(bigHeader.json().path("message").asString()).contains("too large");

        assertEnvelope(raw("GET /api/platform/organizations HTTP/9.9\r\n\r\n"), 505);

        for (String method : List.of("TRACE", "FOO")) {
            Raw reply = raw(method + " /api/platform/organizations HTTP/1.0\r\n" + auth + "\r\n");
            assertEnvelope(reply, 405);
            assertThat(reply.json().path("message").asString())
                    .isEqualTo("Method " + method + " is not allowed on /api/platform/organizations.");
        }
    }

    @Test
    void aUserNameWithANewlineStaysOnOneLogLine(CapturedOutput output) {
        assertThat(http().as("intruder\n2026-01-01 INFO forged", "x").get(MODES).status()).isEqualTo(401);
        assertThat(http().as("intruder2\r\nforged", "x").get(MODES).status()).isEqualTo(401);
        Http.Reply changed = admin().patch(MODES, Map.of("backyard_execute_stop", "0",
                "reason", "first line\nforged reason line"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertThat(output.getAll()).contains("intruder\\u000a2026-01-01 INFO forged")
                .contains("intruder2\\u000d\\u000aforged").contains("first line\\u000aforged reason line");
        assertThat(output.getAll().lines())
                .noneMatch(line -> line.startsWith("2026-01-01 INFO forged"))
                .noneMatch(line -> line.startsWith("forged"));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String message(HttpResponse<String> reply) {
        return Http.JSON.readTree(reply.body()).path("message").asString();
    }

    private static void assertEnvelope(HttpResponse<String> reply, int status, String result) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode json = Http.JSON.readTree(reply.body());
        assertThat(json.path("result").asString()).isEqualTo(result);
        assertThat(json.path("message").asString()).isNotBlank();
    }

    private static void assertEnvelope(Raw reply, int status) {
        assertThat(reply.status()).as(reply.head() + reply.body()).isEqualTo(status);
        assertThat(reply.head().toLowerCase()).contains("content-type: application/json");
        assertThat(reply.json().path("result").asString()).isEqualTo(status + "-00001");
        assertThat(reply.json().path("message").asString()).isNotBlank();
        assertThat(reply.body()).doesNotContain("<html").doesNotContain("<!doctype");
    }

    private static byte[] replace(byte[] bytes, byte[] what, byte[] with) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.replace(new String(what, StandardCharsets.ISO_8859_1), new String(with, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An HTTP/1.0 exchange over a plain socket, for requests no HTTP client library would send. */
    private Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split + 2);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, text.substring(split + 4));
        }
    }

    private record Raw(int status, String head, String body) {
        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }
}
