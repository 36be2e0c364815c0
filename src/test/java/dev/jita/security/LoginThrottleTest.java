package dev.jita.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Times;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The throttle of failed logins, with delays (10 and 20 minutes) that no test outlives: every attempt beyond the free
 * ones is refused, however many come at once, and without its password being checked. Where a test needs the
 * delay to be over, it moves the user's last failure back in time.
 */
@TestPropertySource(properties = {"jita.security.free-attempts=3", "jita.security.base-delay=10m",
        "jita.security.max-delay=20m", "jita.security.window=1h"})
class LoginThrottleTest extends ApiTest {

    private static final int FREE_ATTEMPTS = 3;

    /** The shared database counts the whole suite's wrong passwords of the administrator; these delays would bite. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void parallelWrongPasswordsAreEachCountedAndOnlyTheFreeOnesAreChecked() throws Exception {
        String org = unique("thr-p");
        createOrganization(org, "target", "right-pass");
        String path = "/api/" + org + "/platform/workspaces";
        int attempts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Http.Reply> replies = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http().as("target", "wrong-pass").get(path);
                }));
            }
            start.countDown();
            for (Future<Http.Reply> future : futures) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Http.Reply> checked = replies.stream().filter(reply -> reply.status() == 401).toList();
        List<Http.Reply> refused = replies.stream().filter(reply -> reply.status() == 429).toList();
        assertThat(checked).as(replies.toString()).hasSize(FREE_ATTEMPTS);
        assertThat(refused).as(replies.toString()).hasSize(attempts - FREE_ATTEMPTS);
        for (Http.Reply reply : refused) {
            assertError(reply, 429, "429-00001");
            assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 600L);
            assertThat(reply.json().path("message").asString()).startsWith("Too many failed logins for this user");
        }
        assertThat(failures(org)).isEqualTo(FREE_ATTEMPTS);

        // The right password is refused too while the delay runs: the refusal comes before any check.
        assertError(http().as("target", "right-pass").get(path), 429, "429-00001");
    }

    @Test
    void onceTheDelayIsOverTheNextAttemptIsCheckedAndCounted() {
        String org = unique("thr-d");
        String path = freeAttemptsUsedUp(org);
        Http.Reply refused = http().as("target", "wrong-pass").get(path);
        assertError(refused, 429, "429-00001");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(540L, 600L);

        lastFailureMinutesAgo(org, 11);
        assertError(http().as("target", "wrong-pass").get(path), 401, "401-00002");
        assertThat(failures(org)).isEqualTo(FREE_ATTEMPTS + 1);
        // The delay doubles with each further failure: 11 minutes after this one, still refused.
        lastFailureMinutesAgo(org, 11);
        assertError(http().as("target", "right-pass").get(path), 429, "429-00001");

        lastFailureMinutesAgo(org, 21);
        assertThat(http().as("target", "right-pass").get(path).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE realm = ? AND username = 'target'")
                .param(org).query(Integer.class).single()).isZero();
    }

    /** A parallel attempt can store a failure time later than another attempt's reading of the clock. */
    @Test
    void aFailureStoredAfterThisAttemptReadTheClockNeverLengthensTheWait() {
        String org = unique("thr-f");
        String path = freeAttemptsUsedUp(org);
        lastFailureMinutesAgo(org, -1);
        Http.Reply refused = http().as("target", "wrong-pass").get(path);
        assertError(refused, 429, "429-00001");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(600L);
        assertThat(failures(org)).isEqualTo(FREE_ATTEMPTS);
    }

    @Test
    void aSuccessForgetsTheFailures() {
        String org = unique("thr-s");
        createOrganization(org, "target", "right-pass");
        String path = "/api/" + org + "/platform/workspaces";
        Http wrong = http().as("target", "wrong-pass");
        for (int i = 0; i < FREE_ATTEMPTS - 1; i++) {
            assertError(wrong.get(path), 401, "401-00002");
        }
        assertThat(http().as("target", "right-pass").get(path).status()).isEqualTo(200);
        // Counted afresh: all free attempts again, then the refusal.
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertError(wrong.get(path), 401, "401-00002");
        }
        Http.Reply refused = wrong.header("Language", "ja").get(path);
        assertError(refused, 429, "429-00001");
        assertThat(refused.json().path("message").asString()).contains("再試行");
    }

    @Test
    void theLoginPageSaysToTryAgainWhenTheAttemptWasNotChecked() throws Exception {
        String org = unique("thr-u");
        createOrganization(org, "target", "right-pass");
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertError(http().as("target", "wrong-pass").get("/api/" + org + "/platform/workspaces"), 401, "401-00002");
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "organization=" + org + "&username=target&password=right-pass&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error=retry");

        String again = browser.send(HttpRequest.newBuilder(URI.create(base + "/login?error=retry")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(again).contains("Try again in a few seconds").doesNotContain("password is wrong");
    }

    /** Makes the organization with user target, whose free attempts then all fail; answers the path they tried. */
    private String freeAttemptsUsedUp(String org) {
        createOrganization(org, "target", "right-pass");
        String path = "/api/" + org + "/platform/workspaces";
        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertError(http().as("target", "wrong-pass").get(path), 401, "401-00002");
        }
        return path;
    }

    private int failures(String org) {
        return jdbc.sql("SELECT failure_count FROM login_failure WHERE realm = ? AND username = 'target'")
                .param(org).query(Integer.class).single();
    }

    private void lastFailureMinutesAgo(String org, int minutes) {
        jdbc.sql("UPDATE login_failure SET last_failure_at = ? WHERE realm = ? AND username = 'target'")
                .params(Times.toDb(Times.now().minus(Duration.ofMinutes(minutes))), org).update();
    }
}
