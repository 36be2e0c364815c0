package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The web UI's own endpoints without a browser: who may call them, and what a forged request changes. */
class UiHttpTest extends ApiTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theBannerIsPublicAndTheConsoleIsNot() throws Exception {
        setModes("1", "0");
        HttpResponse<String> banner = send("GET", "/ui/banner", null);
        assertThat(banner.statusCode()).isEqualTo(200);
        assertThat(banner.body()).contains("\"mode\":\"backyard_execute_stop\"");

        for (String path : new String[] {"/", "/admin/maintenance", "/ui/admin/running"}) {
            HttpResponse<String> page = send("GET", path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        }
    }

    @Test
    void aSwitchWithoutASessionOrCsrfTokenChangesNothing() throws Exception {
        HttpResponse<String> forged = send("POST", "/admin/maintenance", "mode=data_update_stop&value=1");
        assertThat(forged.statusCode()).isIn(302, 403);
        HttpResponse<String> basic = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/admin/maintenance"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("mode=data_update_stop&value=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isIn(302, 403);
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
    }
}
