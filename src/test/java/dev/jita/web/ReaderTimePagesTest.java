package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Times on the pages in the reader's zone: the browser's (its cookie), or the user's own setting, which wins;
 * the zone named; a time typed in it; and the setting's form, which changes only the caller's own zone.
 */
class ReaderTimePagesTest extends ApiTest {

    /** Typed in Tokyo: midnight UTC. */
    private static final String TYPED_IN_TOKYO = "2030/01/06 09:00";

    private String org;
    private String page;
    private UiClient owner;

    @BeforeEach
    void workspaceWithAMovement() {
        org = unique("tz-org");
        createOrganization(org, "owner", "owner-pass");
        Http api = http().as("owner", "owner-pass");
        createWorkspace(api, org, "ws1");
        createUser(api, org, "watcher", "watcher-pass", "ws1", "viewer");
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        for (Map.Entry<String, Map<String, Object>> record : Map.of(
                "operation_list", Map.<String, Object>of("operation_name", "op1"),
                "movement_list_ansible_legacy", Map.<String, Object>of("movement_name", "mv1")).entrySet()) {
            Http.Reply reply = api.post(menus + record.getKey() + "/maintenance/", Map.of("parameter", record.getValue()));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        page = "/ui/ws/" + org + "/ws1/ansible";
        owner = new UiClient(port);
        owner.logIn(org, "owner", "owner-pass");
    }

    private static Map<String, String> form(String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    private static String scheduledFor(UiClient.Page execution) {
        String body = execution.body();
        int at = body.indexOf("id=\"scheduled-for\">");
        assertThat(at).as(body).isPositive();
        return body.substring(at + "id=\"scheduled-for\">".length(), body.indexOf('<', at));
    }

    private static String zoneNamed(UiClient.Page any) {
        String body = any.body();
        int at = body.indexOf("id=\"reader-zone\"");
        assertThat(at).as(body).isPositive();
        return body.substring(body.indexOf('>', at) + 1, body.indexOf('<', at));
    }

    private UiClient.Page saveZone(UiClient user, String zone) {
        String token = user.get("/ui/time-zone").csrfToken();
        return user.post("/ui/time-zone", form("zone", zone, "_csrf", token));
    }

    @Test
    void aTimeTypedAndShownInTheBrowsersZoneOrTheUsersOwn() {
        owner.cookie(ReaderTime.COOKIE, "Asia/Tokyo");
        UiClient.Page form = owner.get(page);
        assertThat(form.body()).contains("Schedule (Asia/Tokyo, optional").contains("data-zone=\"Asia/Tokyo\"");
        UiClient.Page started = owner.post(page, form("mode", "run", "movement", "mv1", "operation", "op1",
                "schedule", TYPED_IN_TOKYO, "_csrf", form.csrfToken()));
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        String execution = started.location().substring(started.location().indexOf("/ui/"));

        UiClient.Page inTokyo = owner.get(execution);
        assertThat(scheduledFor(inTokyo)).isEqualTo("2030/01/06 09:00:00");
        assertThat(zoneNamed(inTokyo)).isEqualTo("Asia/Tokyo");

        owner.cookie(ReaderTime.COOKIE, null);
        UiClient.Page inUtc = owner.get(execution);
        assertThat(scheduledFor(inUtc)).isEqualTo("2030/01/06 00:00:00");
        assertThat(zoneNamed(inUtc)).isEqualTo("UTC");

        // A cookie that names no zone is no zone.
        owner.cookie(ReaderTime.COOKIE, "Mars/Olympus_Mons");
        assertThat(scheduledFor(owner.get(execution))).isEqualTo("2030/01/06 00:00:00");

        // The user's own zone wins over the browser's.
        owner.cookie(ReaderTime.COOKIE, "Asia/Tokyo");
        UiClient.Page saved = saveZone(owner, "Europe/Berlin");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/ui/time-zone?saved");
        UiClient.Page inBerlin = owner.get(execution);
        assertThat(scheduledFor(inBerlin)).isEqualTo("2030/01/06 01:00:00");
        assertThat(zoneNamed(inBerlin)).isEqualTo("Europe/Berlin");
        assertThat(owner.get(execution + "/status").body()).doesNotContain("2030/01/06 00:00:00");

        // Back to the browser's.
        String token = owner.get("/ui/time-zone").csrfToken();
        UiClient.Page browser = owner.post("/ui/time-zone", form("zone", "Europe/Berlin", "browser", "1", "_csrf", token));
        assertThat(browser.status()).as(browser.toString()).isEqualTo(302);
        assertThat(scheduledFor(owner.get(execution))).isEqualTo("2030/01/06 09:00:00");
    }

    @Test
    void theSettingIsTheCallersOwnAndAMalformedZoneChangesNothing() {
        assertThat(saveZone(owner, "Asia/Tokyo").status()).isEqualTo(302);
        UiClient.Page setting = owner.get("/ui/time-zone?lang=en");
        assertThat(setting.body()).contains("id=\"my-zone\">Asia/Tokyo<");

        for (String bad : new String[] {"Mars/Olympus_Mons", "+09:00", "UTC+9", "Asia/Tokyo\nX", "x".repeat(300)}) {
            UiClient.Page refused = saveZone(owner, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"error\"").contains("Unknown time zone")
                    .doesNotContain("Exception").doesNotContain("SELECT");
            assertThat(refused.body()).contains("id=\"my-zone\">Asia/Tokyo<");
        }
        assertThat(zoneNamed(owner.get("/ui/time-zone"))).isEqualTo("Asia/Tokyo");

        // A viewer sets their own zone, not the owner's; the same name in another organization is another user.
        UiClient viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
        assertThat(saveZone(viewer, "America/New_York").status()).isEqualTo(302);
        assertThat(zoneNamed(viewer.get("/ui/time-zone"))).isEqualTo("America/New_York");
        String other = unique("tz-other");
        createOrganization(other, "owner", "owner-pass");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other, "owner", "owner-pass");
        assertThat(zoneNamed(stranger.get("/ui/time-zone"))).isEqualTo("UTC");
        assertThat(saveZone(stranger, "Europe/Paris").status()).isEqualTo(302);
        assertThat(zoneNamed(owner.get("/ui/time-zone"))).isEqualTo("Asia/Tokyo");
    }

    @Test
    void inLoadModeTheSettingIsRefusedAndKept() {
        assertThat(saveZone(owner, "Asia/Tokyo").status()).isEqualTo(302);
        String token = owner.get("/ui/time-zone").csrfToken();
        setModes("0", "1");
        try {
            UiClient.Page refused = owner.post("/ui/time-zone", form("zone", "Europe/Berlin", "_csrf", token));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(498);
            assertThat(refused.body()).contains("id=\"error\"").contains("id=\"my-zone\">Asia/Tokyo<");
        } finally {
            setModes("0", "0");
        }
        assertThat(zoneNamed(owner.get("/ui/time-zone"))).isEqualTo("Asia/Tokyo");
    }

    @Test
    void withoutASessionOrItsTokenTheFormChangesNothing() {
        assertThat(saveZone(owner, "Asia/Tokyo").status()).isEqualTo(302);
        UiClient anonymous = new UiClient(port);
        UiClient.Page page = anonymous.get("/ui/time-zone");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        UiClient.Page post = anonymous.post("/ui/time-zone", form("zone", "Europe/Berlin"));
        assertThat(post.status()).isIn(302, 403);
        UiClient.Page forged = owner.post("/ui/time-zone", form("zone", "Europe/Berlin"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(zoneNamed(owner.get("/ui/time-zone"))).isEqualTo("Asia/Tokyo");
    }

    @Test
    void aWindowTypedInTheReadersZoneIsScheduledInUtcAndShownBackInIt() {
        UiClient console = new UiClient(port);
        console.logIn("", ADMIN, ADMIN_PASSWORD);
        console.cookie(ReaderTime.COOKIE, "Asia/Tokyo");
        UiClient.Page form = console.get("/admin/maintenance");
        assertThat(form.body()).contains("Start (Asia/Tokyo)");
        UiClient.Page scheduled = console.post("/admin/maintenance/windows", form("start", "2031-07-01T09:30",
                "end", "2031-07-01T11:00", "mode", "backyard_execute_stop", "reason", "zone check",
                "_csrf", form.csrfToken()));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(302);
        String id = null;
        try {
            for (JsonNode window : admin().get("/api/platform/maintenance-windows").data()
                    .path("upcoming")) {
                if ("zone check".equals(window.path("reason").asString())) {
                    id = window.path("id").asString();
                    assertThat(window.path("start").asString()).isEqualTo("2031-07-01T00:30:00Z");
                    assertThat(window.path("end").asString()).isEqualTo("2031-07-01T02:00:00Z");
                }
            }
            assertThat(id).isNotNull();
            String page = console.get("/admin/maintenance").body();
            assertThat(page).contains(">2031/07/01 09:30:00</time>").contains("value=\"2031-07-01T09:30:00\"");
        } finally {
            if (id != null) {
                admin().delete("/api/platform/maintenance-windows/" + id);
            }
        }
    }

    @Test
    void aMenuTablesLastUpdateIsShownAndFilteredInTheReadersZone() {
        Http api = http().as("owner", "owner-pass");
        String menu = "/api/" + org + "/workspaces/ws1/ita/menu/operation_list/";
        JsonNode record = api.post(menu + "filter/", Map.of("operation_name", Map.of("LIST", List.of("op1"))))
                .data().get(0).path("parameter");
        // The API's own format, in UTC, with microseconds.
        LocalDateTime updated = LocalDateTime.parse(record.path("last_update_date_time").asString(),
                DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss.SSSSSS"));
        LocalDateTime inTokyo = updated.plusHours(9);
        owner.cookie(ReaderTime.COOKIE, "Asia/Tokyo");
        String table = "/ui/ws/" + org + "/ws1/menu/operation_list";

        UiClient.Page page = owner.get(table + "?lang=en");
        assertThat(page.body()).contains("<td class=\"when\">"
                + inTokyo.format(DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")) + "</td>")
                .contains("Last update (Asia/Tokyo)");

        DateTimeFormatter picker = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
        String minute = inTokyo.format(picker);
        String nextMinute = inTokyo.plusMinutes(1).format(picker);
        assertThat(owner.get(table + "?from%3Alast_update_date_time=" + minute).body())
                .contains("data-total=\"1\"");
        assertThat(owner.get(table + "?to%3Alast_update_date_time=" + minute).body()).contains("data-total=\"1\"");
        assertThat(owner.get(table + "?from%3Alast_update_date_time=" + nextMinute).body())
                .contains("data-total=\"0\"");
        // The same minute read as UTC is nine hours later: nothing was updated since.
        owner.cookie(ReaderTime.COOKIE, null);
        assertThat(owner.get(table + "?from%3Alast_update_date_time=" + minute).body())
                .contains("data-total=\"0\"");
    }
}
