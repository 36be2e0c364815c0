package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.maintenance.MaintenanceMode;
import dev.jita.maintenance.ModeLocks;
import dev.jita.test.ApiTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The web UI's own endpoints without a browser: who may call them, and what a forged request changes. */
class UiHttpTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ModeLocks locks;
    @Autowired
    TransactionTemplate transactions;

    private HttpResponse<String> send(String method, String path, String form) throws Exception {
        return send(client, method, path, form);
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
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

    @Test
    void theConsoleSaysSoWhenASwitchCannotTakeEffectInTime() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = send(browser, "GET", "/login", null).body();
        HttpResponse<String> loggedIn = send(browser, "POST", "/login", "organization=&username=" + ADMIN + "&password="
                + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(login));
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String token = csrf(send(browser, "GET", "/admin/maintenance", null).body());

        HttpResponse<String> switched = transactions.execute(status -> {
            // Held as a write that never ends would hold it: the switch gives up after its timeout.
            locks.holdShared(List.of(MaintenanceMode.DATA_UPDATE_STOP));
            try {
                return send(browser, "POST", "/admin/maintenance", "mode=data_update_stop&value=1&_csrf=" + token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location").orElse("")).endsWith("/admin/maintenance?busy");
        assertThat(send(browser, "GET", "/admin/maintenance?busy", null).body()).contains("could not be changed in time");
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }
}
