package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Browser;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.UiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The windows API, its validation, who may use it, the notice on API answers and pages, the gauge and the
 * console's form. Windows here start days ahead: none of them starts during the run. A notice lead of 30 days
 * makes the notice show for a window 10 days ahead and not for one 60 days ahead.
 */
@TestPropertySource(properties = "jita.maintenance.notice-lead=P30D")
class MaintenanceWindowApiTest extends ApiTest {

    static final String WINDOWS = "/api/platform/maintenance-windows";
    static final List<MaintenanceEvent> EVENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Events {
        @EventListener
        void heard(MaintenanceEvent event) {
            EVENTS.add(event);
        }
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @AfterEach
    void cancelWhatIsUpcoming() {
        for (JsonNode window : admin().get(WINDOWS).data().path("upcoming").values()) {
            admin().delete(WINDOWS + "/" + window.path("id").asString());
        }
    }

    private static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Object> window(String start, String end, List<String> modes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start);
        body.put("end", end);
        body.put("modes", modes);
        return body;
    }

    private JsonNode schedule(Map<String, Object> body) {
        Http.Reply reply = admin().post(WINDOWS, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    @Test
    void aWindowIsScheduledReadListedChangedAndCancelledWithEveryChangeAudited() {
        String start = inDays(20);
        String end = inDays(21);
        Map<String, Object> body = window(start, end, List.of("backyard_execute_stop", "DATA_UPDATE_STOP"));
        body.put("reason", "storage upgrade");
        body.put("drain_timeout", "PT30M");
        EVENTS.clear();

        JsonNode created = schedule(body);

        String id = created.path("id").asString();
        assertThat(id).isNotBlank();
        assertThat(created.path("start").asString()).isEqualTo(start);
        assertThat(created.path("end").asString()).isEqualTo(end);
        assertThat(created.path("modes").toString()).isEqualTo("[\"backyard_execute_stop\",\"data_update_stop\"]");
        assertThat(created.path("reason").asString()).isEqualTo("storage upgrade");
        assertThat(created.path("drain_timeout").asString()).isEqualTo("PT30M");
        assertThat(created.path("state").asString()).isEqualTo("scheduled");
        assertThat(created.path("status").asString()).isEqualTo("upcoming");
        assertThat(created.path("created_by").asString()).isEqualTo(ADMIN);
        assertThat(EVENTS).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("window_scheduled");
            assertThat(event.data()).containsEntry("id", id).containsEntry("start", start).containsEntry("end", end)
                    .containsEntry("reason", "storage upgrade")
                    .containsEntry("modes", List.of("backyard_execute_stop", "data_update_stop"));
        });

        assertThat(admin().get(WINDOWS + "/" + id).data().path("start").asString()).isEqualTo(start);
        JsonNode listing = admin().get(WINDOWS).data();
        assertThat(listing.has("upcoming") && listing.has("running") && listing.has("past")).isTrue();
        assertThat(listing.path("upcoming").toString()).contains(id);

        String later = inDays(22);
        Http.Reply changed = admin().patch(WINDOWS + "/" + id, Map.of("end", later, "modes", List.of("backyard_execute_stop")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.data().path("end").asString()).isEqualTo(later);
        assertThat(changed.data().path("start").asString()).isEqualTo(start);
        assertThat(changed.data().path("modes").toString()).isEqualTo("[\"backyard_execute_stop\"]");
        assertThat(changed.data().path("reason").asString()).isEqualTo("storage upgrade");

        Http.Reply cancelled = admin().delete(WINDOWS + "/" + id);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.data().path("state").asString()).isEqualTo("cancelled");
        listing = admin().get(WINDOWS).data();
        assertThat(listing.path("upcoming").toString()).doesNotContain(id);
        assertThat(listing.path("past").toString()).contains(id);

        JsonNode audit = admin().get(WINDOWS + "/" + id + "/audit").data();
        assertThat(audit.size()).isEqualTo(3);
        assertThat(audit.get(0).path("action").asString()).isEqualTo("cancelled");
        assertThat(audit.get(1).path("action").asString()).isEqualTo("changed");
        assertThat(audit.get(1).path("detail").asString()).contains(later);
        assertThat(audit.get(2).path("action").asString()).isEqualTo("scheduled");
        assertThat(audit.get(2).path("changed_by").asString()).isEqualTo(ADMIN);
        assertThat(audit.get(2).path("late").asBoolean(true)).isFalse();
        assertThat(admin().get(WINDOWS + "/audit?limit=10000").data().toString()).contains(id);
    }

    @Test
    void aStartedEndedOrCancelledWindowCanNoLongerBeChangedAndAnUnknownOneIsNotFound() {
        String id = schedule(window(inDays(20), null, List.of("data_update_stop"))).path("id").asString();
        admin().delete(WINDOWS + "/" + id);

        assertError(admin().patch(WINDOWS + "/" + id, Map.of("reason", "x")), 409, "409-34001");
        assertError(admin().delete(WINDOWS + "/" + id), 409, "409-34001");
        assertError(admin().get(WINDOWS + "/no-such-window"), 404, "404-00001");
        assertError(admin().patch(WINDOWS + "/no-such-window", Map.of("reason", "x")), 404, "404-00001");
        assertError(admin().delete(WINDOWS + "/no-such-window"), 404, "404-00001");
        assertError(admin().get(WINDOWS + "/no-such-window/audit"), 404, "404-00001");
        assertError(admin().get(WINDOWS + "?limit=0"), 400, "400-00001");
    }

    static List<Arguments> badBodies() {
        String start = inDays(20);
        String end = inDays(21);
        String modes = "\"modes\": [\"backyard_execute_stop\"]";
        return List.of(
                Arguments.of("empty", "", "400-00002"),
                Arguments.of("not JSON", "start=tomorrow", "400-00002"),
                Arguments.of("array", "[]", "400-00002"),
                Arguments.of("same key twice", "{\"start\": \"" + start + "\", \"start\": \"" + start + "\", " + modes + "}", "400-00002"),
                Arguments.of("unknown key", "{\"start\": \"" + start + "\", " + modes + ", \"nope\": 1}", "400-00001"),
                Arguments.of("no start", "{" + modes + "}", "400-00011"),
                Arguments.of("null start", "{\"start\": null, " + modes + "}", "400-00011"),
                Arguments.of("no modes", "{\"start\": \"" + start + "\"}", "400-00011"),
                Arguments.of("start not a date", "{\"start\": \"tomorrow\", " + modes + "}", "400-00020"),
                Arguments.of("start a number", "{\"start\": 1767225600, " + modes + "}", "400-00020"),
                Arguments.of("start without zone", "{\"start\": \"2030-01-01T00:00:00\", " + modes + "}", "400-00020"),
                Arguments.of("end not a date", "{\"start\": \"" + start + "\", \"end\": \"later\", " + modes + "}", "400-00020"),
                Arguments.of("start in the past", "{\"start\": \"2020-01-01T00:00:00Z\", " + modes + "}", "400-34001"),
                Arguments.of("end before start", "{\"start\": \"" + end + "\", \"end\": \"" + start + "\", " + modes + "}", "400-34002"),
                Arguments.of("end equals start", "{\"start\": \"" + start + "\", \"end\": \"" + start + "\", " + modes + "}", "400-34002"),
                Arguments.of("modes empty", "{\"start\": \"" + start + "\", \"modes\": []}", "400-34004"),
                Arguments.of("modes a string", "{\"start\": \"" + start + "\", \"modes\": \"data_update_stop\"}", "400-34004"),
                Arguments.of("modes twice", "{\"start\": \"" + start + "\", \"modes\": [\"data_update_stop\", \"DATA_UPDATE_STOP\"]}", "400-34004"),
                Arguments.of("unknown mode", "{\"start\": \"" + start + "\", \"modes\": [\"full_stop\"]}", "400-00026"),
                Arguments.of("reason a number", "{\"start\": \"" + start + "\", " + modes + ", \"reason\": 5}", "400-00001"),
                Arguments.of("reason too long", "{\"start\": \"" + start + "\", " + modes + ", \"reason\": \"" + "x".repeat(1001) + "\"}", "400-00012"),
                Arguments.of("drain_timeout a number", "{\"start\": \"" + start + "\", " + modes + ", \"drain_timeout\": 30}", "400-34003"),
                Arguments.of("drain_timeout not a duration", "{\"start\": \"" + start + "\", " + modes + ", \"drain_timeout\": \"30m\"}", "400-34003"),
                Arguments.of("drain_timeout too long", "{\"start\": \"" + start + "\", " + modes + ", \"drain_timeout\": \"P8D\"}", "400-34003"),
                Arguments.of("drain_timeout zero", "{\"start\": \"" + start + "\", " + modes + ", \"drain_timeout\": \"PT0S\"}", "400-34003"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadWindowIsRefusedAndNothingIsScheduled(String name, String body, String result) {
        int before = admin().get(WINDOWS + "/audit?limit=10000").data().size();

        assertError(admin().post(WINDOWS, body), 400, result);

        assertThat(admin().get(WINDOWS).data().path("upcoming").size()).isZero();
        assertThat(admin().get(WINDOWS + "/audit?limit=10000").data().size()).isEqualTo(before);
    }

    @Test
    void aBadChangeIsRefusedAndTheWindowStaysAsItWas() {
        String start = inDays(20);
        String id = schedule(window(start, null, List.of("data_update_stop"))).path("id").asString();
        String before = admin().get(WINDOWS + "/" + id).data().toString();

        assertError(admin().patch(WINDOWS + "/" + id, "{}"), 400, "400-00002");
        assertError(admin().patch(WINDOWS + "/" + id, Map.of("end", "2020-01-01T00:00:00Z")), 400, "400-34002");
        assertError(admin().patch(WINDOWS + "/" + id, Map.of("start", "2020-01-01T00:00:00Z")), 400, "400-34001");
        assertError(admin().patch(WINDOWS + "/" + id, Map.of("modes", List.of())), 400, "400-34004");
        assertError(admin().patch(WINDOWS + "/" + id, Map.of("state", "ended")), 400, "400-00001");

        assertThat(admin().get(WINDOWS + "/" + id).data().toString()).isEqualTo(before);
    }

    @Test
    void messagesFollowTheLanguageHeader() {
        Http.Reply japanese = admin().header("Language", "ja").post(WINDOWS,
                window("2020-01-01T00:00:00Z", null, List.of("data_update_stop")));

        assertError(japanese, 400, "400-34001");
        assertThat(japanese.json().path("message").asString()).contains("未来ではありません");
    }

    @Test
    void onlySystemAdministratorsScheduleOrReadWindows() {
        String org = unique("mw-org");
        createOrganization(org, "boss", "boss-pass");
        Http manager = http().as("boss", "boss-pass");
        Map<String, Object> body = window(inDays(20), null, List.of("data_update_stop"));

        assertError(http().get(WINDOWS), 401, "401-00002");
        assertError(http().post(WINDOWS, body), 401, "401-00002");
        assertError(admin().as(ADMIN, "wrong-password").post(WINDOWS, body), 401, "401-00002");
        assertError(manager.get(WINDOWS), 403, "403-00001");
        assertError(manager.post(WINDOWS, body), 403, "403-00001");
        String id = schedule(body).path("id").asString();
        assertError(manager.get(WINDOWS + "/" + id), 403, "403-00001");
        assertError(manager.patch(WINDOWS + "/" + id, Map.of("reason", "x")), 403, "403-00001");
        assertError(manager.delete(WINDOWS + "/" + id), 403, "403-00001");
        assertError(manager.get(WINDOWS + "/audit"), 403, "403-00001");
        assertThat(admin().get(WINDOWS + "/" + id).data().path("state").asString()).isEqualTo("scheduled");
    }

    /** Windows are how maintenance itself is planned: load mode does not refuse them. */
    @Test
    void windowsAreScheduledAndCancelledInLoadMode() {
        setModes("1", "1");
        try {
            String id = schedule(window(inDays(20), null, List.of("data_update_stop"))).path("id").asString();
            assertThat(admin().delete(WINDOWS + "/" + id).status()).isEqualTo(200);
        } finally {
            setModes("0", "0");
        }
    }

    @Test
    void apiAnswersAndEveryPageCarryTheNoticeWithinTheLeadOnly() {
        assertThat(admin().get(MODES).header(WindowNoticeHeader.HEADER)).isNull();
        assertThat(http().get("/login").body()).contains("id=\"maintenance-notice\"")
                .containsPattern("id=\"maintenance-notice\"[^>]*hidden");

        schedule(window(inDays(60), null, List.of("data_update_stop")));
        assertThat(admin().get(MODES).header(WindowNoticeHeader.HEADER)).isNull();

        String start = inDays(10);
        Map<String, Object> body = window(start, inDays(11), List.of("backyard_execute_stop"));
        body.put("reason", "database upgrade");
        schedule(body);

        assertThat(admin().get(MODES).header(WindowNoticeHeader.HEADER)).isEqualTo(start);
        assertThat(admin().get(WINDOWS).header(WindowNoticeHeader.HEADER)).isEqualTo(start);
        String login = http().get("/login").body();
        Matcher notice = Pattern.compile("<div id=\"maintenance-notice\"[^>]*>").matcher(login);
        assertThat(notice.find()).as(login).isTrue();
        assertThat(notice.group()).doesNotContain("hidden").contains("data-start=\"" + start + "\"");
        assertThat(login).contains("<time class=\"notice-start\" datetime=\"" + start + "\"")
                .contains("database upgrade").contains("notice-countdown");
        UiClient ui = new UiClient(port);
        ui.logIn("", ADMIN, ADMIN_PASSWORD);
        assertThat(ui.get("/admin/maintenance").body()).contains("data-start=\"" + start + "\"");
        assertThat(ui.get("/ui/banner").body()).contains("\"notice\":{\"start\":\"" + start + "\"");
    }

    @Test
    void theGaugeGivesTheNextStartOrNaN() {
        assertThat(nextStartGauge()).isNaN();

        String later = inDays(40);
        String sooner = inDays(20);
        schedule(window(later, null, List.of("data_update_stop")));
        schedule(window(sooner, null, List.of("data_update_stop")));

        assertThat(nextStartGauge()).isEqualTo((double) Instant.parse(sooner).getEpochSecond());
    }

    private double nextStartGauge() {
        Http.Reply reply = http().get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Matcher matcher = Pattern.compile("(?m)^jita_maintenance_window_next_start_seconds(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(reply.body());
        assertThat(matcher.find()).as(reply.body()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void theConsoleSchedulesChangesAndCancelsAWindowWithItsMessages() {
        UiClient ui = new UiClient(port);
        ui.logIn("", ADMIN, ADMIN_PASSWORD);
        UiClient.Page console = ui.get("/admin/maintenance");
        assertThat(console.body()).contains("id=\"schedule-window\"").contains("id=\"windows-none\"");
        String start = inDays(20).substring(0, 16);

        UiClient.Page scheduled = ui.post("/admin/maintenance/windows", Map.of("start", start, "end", "",
                "mode", "backyard_execute_stop", "reason", "from the console", "drain_timeout", "15",
                "_csrf", console.csrfToken()));

        assertThat(scheduled.status()).isEqualTo(302);
        assertThat(scheduled.location()).contains("/admin/maintenance");
        JsonNode window = admin().get(WINDOWS).data().path("upcoming").get(0);
        assertThat(window.path("start").asString()).isEqualTo(start + ":00Z");
        assertThat(window.path("modes").toString()).isEqualTo("[\"backyard_execute_stop\"]");
        assertThat(window.path("drain_timeout").asString()).isEqualTo("PT15M");
        assertThat(window.path("reason").asString()).isEqualTo("from the console");
        String id = window.path("id").asString();
        console = ui.get("/admin/maintenance");
        assertThat(console.body()).contains("The maintenance window was scheduled.").contains("id=\"window-" + id + "\"");

        ui.post("/admin/maintenance/windows/" + id, Map.of("start", start, "end", "2020-01-01T00:00",
                "mode", "backyard_execute_stop", "_csrf", console.csrfToken()));
        console = ui.get("/admin/maintenance");
        assertThat(console.body()).contains("id=\"window-error\"").contains("is not after the start");
        assertThat(admin().get(WINDOWS + "/" + id).data().path("end").isNull()).isTrue();

        ui.post("/admin/maintenance/windows/" + id + "?lang=ja", Map.of("start", start, "end", inDays(21).substring(0, 19),
                "mode", "data_update_stop", "reason", "changed", "_csrf", console.csrfToken()));
        assertThat(admin().get(WINDOWS + "/" + id).data().path("modes").toString()).isEqualTo("[\"data_update_stop\"]");
        console = ui.get("/admin/maintenance?lang=ja");
        assertThat(console.body()).contains("メンテナンスウィンドウを変更しました");

        ui.post("/admin/maintenance/windows?lang=ja", Map.of("start", "", "_csrf", console.csrfToken()));
        assertThat(ui.get("/admin/maintenance?lang=ja").body()).contains("start は必須です").doesNotContain("start is required");

        UiClient.Page withoutToken = ui.post("/admin/maintenance/windows/" + id + "/cancel", Map.of());
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(admin().get(WINDOWS + "/" + id).data().path("state").asString()).isEqualTo("scheduled");
        ui.post("/admin/maintenance/windows/" + id + "/cancel", Map.of("_csrf", console.csrfToken()));
        assertThat(admin().get(WINDOWS + "/" + id).data().path("state").asString()).isEqualTo("cancelled");
    }

    /** In a real browser: an open page shows the notice once a window is scheduled, in local time, counting down. */
    @Test
    void anOpenPageShowsTheNoticeInLocalTimeAndCountsDown() throws Exception {
        Assumptions.assumeTrue(Browser.available(),
                "chromium and chromium-driver (Debian packages) are not installed: the browser tests cannot run");
        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            browser.get(session.url("/login"));
            WebElement notice = browser.findElement(By.id("maintenance-notice"));
            assertThat(notice.isDisplayed()).isFalse();

            String start = inDays(10);
            Map<String, Object> body = window(start, null, List.of("data_update_stop"));
            body.put("reason", "switch replacement");
            schedule(body);

            session.live().until(d -> d.findElement(By.id("maintenance-notice")).isDisplayed());
            notice = browser.findElement(By.id("maintenance-notice"));
            WebElement time = notice.findElement(By.cssSelector("time.notice-start"));
            assertThat(time.getDomAttribute("datetime")).isEqualTo(start);
            session.live().until(d -> !time.getText().isBlank() && !time.getText().equals(start));
            assertThat(time.getText()).contains(start.substring(0, 4));
            assertThat(notice.getText()).contains("switch replacement");
            WebElement countdown = notice.findElement(By.className("notice-countdown"));
            session.live().until(d -> countdown.getText().matches("(9|10)d \\d\\d:\\d\\d:\\d\\d"));
            String first = countdown.getText();
            session.live().until(d -> !countdown.getText().equals(first));
        }
    }
}
