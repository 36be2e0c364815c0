package dev.jita.backyard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Times;
import dev.jita.test.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DrainForecastTest extends EngineTestOnOwnDatabase {

    private static final String FORECAST = "/api/platform/maintenance-drain/forecast";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** An earlier run, ended {@code secondsAgo} ago after running {@code duration}: the history estimates use. */
    private void recordRun(Backyard backyard, String org, String historyKey, int statusId, Duration duration,
                           int secondsAgo) {
        Instant end = Times.now().minusSeconds(secondsAgo);
        Instant start = end.minus(duration);
        jdbc.sql("INSERT INTO backyard_item (item_id, backyard, organization_id, workspace_id, phase, status_id, "
                        + "registered_by, registered_at, started_at, ended_at, last_update_timestamp, history_key) "
                        + "VALUES (?, ?, ?, 'ws1', 'E', ?, 'tester', ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), backyard.serviceName(), org, statusId, Times.toDb(start),
                        Times.toDb(start), Times.toDb(end), Times.toDb(end), historyKey)
                .update();
    }

    private String running(Backyard backyard, String org, String historyKey) {
        return transactions.execute(s -> items.register(backyard, org, "ws1", "tester", null, null, historyKey));
    }

    private static Map<String, JsonNode> byId(JsonNode forecast) {
        Map<String, JsonNode> items = new HashMap<>();
        forecast.path("items").values().forEach(item -> items.put(item.path("id").asString(), item));
        return items;
    }

    private static Instant at(JsonNode node) {
        return Instant.parse(node.asString());
    }

    private static void assertEstimate(JsonNode item, String basis, int samples, long seconds) {
        assertThat(item.path("basis").asString()).as(item.toString()).isEqualTo(basis);
        assertThat(item.path("samples").asInt()).as(item.toString()).isEqualTo(samples);
        assertThat(item.path("estimated_duration_seconds").asDouble()).as(item.toString()).isEqualTo((double) seconds);
        assertThat(at(item.path("estimated_end_at"))).as(item.toString())
                .isEqualTo(at(item.path("started_at")).plusSeconds(seconds));
        assertThat(item.path("remaining_seconds").asDouble() + item.path("elapsed_seconds").asDouble())
                .as(item.toString()).isBetween(seconds - 1.0, seconds + 1.0);
    }

    @Test
    void estimatesEachRunningItemFromTheMedianOfEarlierRunsOfTheSameThing() throws Exception {
        String org = organization("ws1");
        // Newest first: a run of no known movement, then four of movement m1; an emergency stop counts for nothing.
        recordRun(Backyard.ANSIBLE_EXECUTE, org, "movement:m1:RUN", 8, Duration.ofSeconds(300_000), 0);
        recordRun(Backyard.ANSIBLE_EXECUTE, org, null, 5, Duration.ofSeconds(1800), 1);
        recordRun(Backyard.ANSIBLE_EXECUTE, org, "movement:m1:RUN", 5, Duration.ofSeconds(3600), 2);
        recordRun(Backyard.ANSIBLE_EXECUTE, org, "movement:m1:RUN", 6, Duration.ofSeconds(7200), 3);
        recordRun(Backyard.ANSIBLE_EXECUTE, org, "movement:m1:RUN", 5, Duration.ofSeconds(5400), 4);
        recordRun(Backyard.ANSIBLE_EXECUTE, org, "movement:m1:RUN", 5, Duration.ofSeconds(60_000), 5);
        recordRun(Backyard.EXCEL_EXPORT_IMPORT, org, "export", 3, Duration.ofSeconds(600), 1);
        recordRun(Backyard.EXCEL_EXPORT_IMPORT, org, "export", 4, Duration.ofSeconds(1200), 2);
        recordRun(Backyard.EXCEL_EXPORT_IMPORT, org, "export", 3, Duration.ofSeconds(1800), 3);
        recordRun(Backyard.EXCEL_EXPORT_IMPORT, org, "export", 3, Duration.ofSeconds(2400), 4);
        String m1 = running(Backyard.ANSIBLE_EXECUTE, org, "movement:m1:RUN");
        String m2 = running(Backyard.ANSIBLE_EXECUTE, org, "movement:m2:RUN");
        String export = running(Backyard.EXCEL_EXPORT_IMPORT, org, "export");
        TestHandler ansible = new TestHandler(Backyard.ANSIBLE_EXECUTE, 5).reporting(3).hold();
        TestHandler excel = new TestHandler(Backyard.EXCEL_EXPORT_IMPORT, 3).hold();
        engine(2, ansible, excel).start();
        await("three running", WAIT, () -> ansible.started() == 2 && excel.started() == 1);

        Http.Reply lastThree = admin().get(FORECAST + "?history=3");
        assertThat(lastThree.status()).as(lastThree.toString()).isEqualTo(200);
        JsonNode forecast = lastThree.data();
        Map<String, JsonNode> items = byId(forecast);
        // m1: 3600, 7200, 5400; m2 has no runs of its own: the backyard's last three, 1800, 3600, 7200.
        assertEstimate(items.get(m1), "history_key", 3, 5400);
        assertEstimate(items.get(m2), "backyard", 3, 3600);
        assertEstimate(items.get(export), "history_key", 3, 1200);
        assertThat(items.get(m1).path("organization_id").asString()).isEqualTo(org);
        assertThat(items.get(m1).path("workspace_id").asString()).isEqualTo("ws1");
        assertThat(items.get(m1).path("backyard").asString()).isEqualTo("ita-by-ansible-execute");
        assertThat(items.get(m1).path("status_id").asString()).isEqualTo("3");
        assertThat(items.get(export).path("history_key").asString()).isEqualTo("export");
        assertThat(forecast.path("execute_count").asInt()).isEqualTo(3);
        assertThat(forecast.path("unknown_count").asInt()).isZero();
        assertThat(at(forecast.path("estimated_zero_at"))).isEqualTo(at(items.get(m1).path("estimated_end_at")));

        JsonNode lastTen = admin().get(FORECAST).data();
        items = byId(lastTen);
        // m1: 3600, 7200, 5400, 60000; m2: the backyard's five, 1800, 3600, 7200, 5400, 60000; export: all four.
        assertEstimate(items.get(m1), "history_key", 4, 6300);
        assertEstimate(items.get(m2), "backyard", 5, 5400);
        assertEstimate(items.get(export), "history_key", 4, 1500);
        assertThat(at(lastTen.path("estimated_zero_at"))).isEqualTo(at(items.get(m1).path("estimated_end_at")));
        assertThat(lastTen.path("estimated_seconds_left").asDouble()).isBetween(6200.0, 6300.0);

        Thread.sleep(1100);
        assertThat(metric("jita_drain_forecast_seconds_left")).isBetween(6200.0, 6300.0);
        assertThat(metric("jita_drain_forecast_unknown_items")).isZero();
        ansible.release();
        excel.release();
    }

    @Test
    void anItemNothingEndedLikeMakesTheEndUnknown() throws Exception {
        String org = organization("ws1");
        String job = running(Backyard.MENU_EXPORT_IMPORT, org, "import");
        TestHandler handler = new TestHandler(Backyard.MENU_EXPORT_IMPORT, 3).hold();
        engine(1, handler).start();
        await("running", WAIT, () -> handler.started() == 1);

        JsonNode forecast = admin().get(FORECAST).data();

        JsonNode item = byId(forecast).get(job);
        assertThat(item.path("basis").isNull()).as(item.toString()).isTrue();
        assertThat(item.path("samples").asInt()).isZero();
        assertThat(item.path("estimated_duration_seconds").isNull()).isTrue();
        assertThat(item.path("remaining_seconds").isNull()).isTrue();
        assertThat(item.path("estimated_end_at").isNull()).isTrue();
        assertThat(item.path("elapsed_seconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(forecast.path("unknown_count").asInt()).isEqualTo(1);
        assertThat(forecast.path("estimated_zero_at").isNull()).isTrue();
        assertThat(forecast.path("estimated_seconds_left").isNull()).isTrue();
        Thread.sleep(1100);
        assertThat(metric("jita_drain_forecast_seconds_left")).isNaN();
        assertThat(metric("jita_drain_forecast_unknown_items")).isEqualTo(1.0);
        handler.release();
    }

    @Test
    void withNothingRunningExecuteCountIsZeroAlready() {
        JsonNode forecast = admin().get(FORECAST + "/").data();

        assertThat(forecast.path("execute_count").asInt()).isZero();
        assertThat(forecast.path("items").size()).isZero();
        assertThat(forecast.path("estimated_zero_at").asString()).isEqualTo(forecast.path("generated_at").asString());
        assertThat(forecast.path("estimated_seconds_left").asDouble()).isZero();
    }

    @Test
    void onlySystemAdministratorsAndOnlyAWholeHistoryOfOneToAHundred() {
        organization("ws1");
        assertError(http().get(FORECAST), 401, "401-00002");
        assertError(http().as("owner", "owner-pass").get(FORECAST), 403, "403-00001");
        for (String history : List.of("0", "101", "abc", "1.5", "")) {
            assertError(admin().get(FORECAST + "?history=" + history), 400, "400-00001");
        }
        assertThat(admin().get(FORECAST + "?history=100").status()).isEqualTo(200);
        setModes("1", "1");
        assertThat(admin().get(FORECAST).status()).as("readable in load mode").isEqualTo(200);
    }

    private double metric(String name) {
        Http.Reply reply = http().get("/actuator/prometheus");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(reply.body());
        assertThat(matcher.find()).as(name + " in\n" + reply.body()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
