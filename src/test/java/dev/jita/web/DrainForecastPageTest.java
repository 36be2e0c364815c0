package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The console's drain forecast: its place on the page and the data its script polls. */
class DrainForecastPageTest extends ApiTest {

    @Test
    void theConsoleCarriesTheForecastAndItsDataSaysWhetherJobsAreStopped() {
        UiClient console = new UiClient(port);
        assertThat(console.get("/ui/admin/forecast").location()).endsWith("/login");
        console.logIn("", ADMIN, ADMIN_PASSWORD);

        UiClient.Page page = console.get("/admin/maintenance");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"drain-forecast\"").contains("/js/forecast.js")
                .contains("id=\"forecast-zero-at\"");

        JsonNode open = Http.JSON.readTree(console.get("/ui/admin/forecast").body());
        assertThat(open.path("jobs_stopped").asBoolean()).isFalse();
        assertThat(open.has("items") && open.has("estimated_zero_at") && open.has("execute_count")).isTrue();
        setModes("1", "0");
        JsonNode stopped = Http.JSON.readTree(console.get("/ui/admin/forecast").body());
        assertThat(stopped.path("jobs_stopped").asBoolean()).isTrue();
    }

    @Test
    void anOrganizationUserGetsNoForecast() {
        String org = unique("forecast-org");
        createOrganization(org, "forecast-owner", "owner-pass");
        UiClient user = new UiClient(port);
        user.logIn(org, "forecast-owner", "owner-pass");

        UiClient.Page answer = user.get("/ui/admin/forecast");
        assertThat(answer.status()).as(answer.toString()).isIn(302, 403);
        assertThat(answer.body()).doesNotContain("estimated_zero_at");
    }
}
