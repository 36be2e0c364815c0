package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.ExecutionStatus;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The execution pages of a driver (Ansible's here; every driver has the same ones) without a browser: who may
 * start, stop and cancel, what load mode leaves, and what a malformed form gets.
 */
class ExecutionPagesTest extends ApiTest {

    private String org;
    private String page;
    private Http owner;
    private UiClient member;
    private UiClient viewer;

    @BeforeEach
    void workspaceWithAMovement() {
        org = unique("pages-org");
        createOrganization(org, "owner", "owner-pass");
        owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createUser(owner, org, "watcher", "watcher-pass", "ws1", "viewer");
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        for (Map.Entry<String, Map<String, Object>> record : Map.of(
                "operation_list", Map.<String, Object>of("operation_name", "op1"),
                "movement_list_ansible_legacy", Map.<String, Object>of("movement_name", "mv1")).entrySet()) {
            Http.Reply reply = owner.post(menus + record.getKey() + "/maintenance/", Map.of("parameter", record.getValue()));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        page = "/ui/ws/" + org + "/ws1/ansible";
        member = new UiClient(port);
        member.logIn(org, "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(org, "watcher", "watcher-pass");
    }

    private static String tomorrow() {
        return LocalDateTime.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm"));
    }

    private static Map<String, String> form(String token, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        form.put("_csrf", token);
        return form;
    }

    /** A scheduled execution started from the form; its page's path. */
    private String scheduled() {
        String token = member.get(page).csrfToken();
        UiClient.Page started = member.post(page, form(token, "mode", "run", "movement", "mv1", "operation", "op1",
                "schedule", tomorrow()));
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        assertThat(started.location()).matches(".*/ui/ws/" + org + "/ws1/ansible/[0-9a-f-]{36}$");
        return started.location().substring(started.location().indexOf("/ui/"));
    }

    private JsonNode status(UiClient client, String execution) {
        UiClient.Page status = client.get(execution + "/status");
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        return Http.JSON.readTree(status.body());
    }

    @Test
    void anUnknownDriverOrExecutionIsNotFound() {
        UiClient.Page menu = member.get("/ui/ws/" + org + "/ws1/menu/operation_list");
        assertThat(menu.body()).contains("id=\"executions-ansible\"").contains("href=\"" + page + "\"");

        for (String path : new String[] {"/ui/ws/" + org + "/ws1/no-such-driver",
                page + "/" + UUID.randomUUID(), page + "/" + UUID.randomUUID() + "/status"}) {
            UiClient.Page answer = member.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
        }
        String execution = scheduled();
        UiClient.Page noFile = member.get(execution + "/file?name=nothing.txt");
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(404);
    }

    @Test
    void theFormOffersTheDriversModesAndListsItsExecutionsNewestFirst() {
        UiClient.Page form = member.get(page);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Ansible Legacy</h1>").contains("id=\"execute-form\"")
                .contains("id=\"execute\"").contains("id=\"dry-run\"").contains("value=\"mv1\"")
                .contains("value=\"op1\"").doesNotContain("id=\"destroy-form\"");
        String first = scheduled();
        String second = scheduled();
        String list = member.get(page).body();
        String firstId = first.substring(first.lastIndexOf('/') + 1);
        String secondId = second.substring(second.lastIndexOf('/') + 1);
        assertThat(list.indexOf(secondId)).isPositive().isLessThan(list.indexOf(firstId));

        String shown = member.get(first).body();
        assertThat(shown).contains("id=\"log-console\"").contains("id=\"log-error\"").contains("mv1").contains("op1");
        assertThat(status(member, first).path("status_id").asString()).isEqualTo("9");
    }

    @Test
    void theExecutionListLinksEachRowToItsPageWhichColoursTheStatusAndCountsTheLogs() {
        String execution = scheduled();
        UiClient.Page list = viewer.get("/ui/ws/" + org + "/ws1/menu/execution_list_ansible_legacy");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("class=\"record-page\" href=\"" + execution + "\"");
        assertThat(member.get("/ui/ws/" + org + "/ws1/menu/operation_list").body()).doesNotContain("record-page");

        String shown = viewer.get(execution).body();
        assertThat(shown).contains("class=\"execution-status exec-waiting\"").contains("id=\"elapsed\"")
                .contains("id=\"log-console-search\"").contains("id=\"log-console-count\" aria-live=\"polite\">no lines<")
                .containsPattern("id=\"populated-data\"[^>]* hidden=\"hidden\"").containsPattern("id=\"result-data\"[^>]* hidden=\"hidden\"");
        JsonNode status = status(viewer, execution);
        assertThat(status.path("status_kind").asString()).isEqualTo("waiting");
        assertThat(status.path("log_lines").path("log-console").asString()).isEqualTo("no lines");
        assertThat(status.path("elapsed").isNull()).as(status.toString()).isTrue();
        assertThat(status.path("populated_data").isNull()).isTrue();
    }

    @Test
    void elapsedTimesAndLineCounts() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(ExecutionPages.elapsed(start, start.plusSeconds(3 * 3600 + 25 * 60 + 7))).isEqualTo("03:25:07");
        assertThat(ExecutionPages.elapsed(start, start.minusSeconds(5))).as("clocks of two nodes").isEqualTo("00:00:00");
        assertThat(ExecutionPages.elapsed(null, start)).isNull();
        assertThat(ExecutionPages.elapsed(Instant.now().minusSeconds(61), null)).startsWith("00:01:0");
        assertThat(ExecutionPages.lineCount("")).isZero();
        assertThat(ExecutionPages.lineCount("one")).isEqualTo(1);
        assertThat(ExecutionPages.lineCount("one\ntwo\n")).isEqualTo(2);
        assertThat(ExecutionPages.lineCount("one\ntwo")).isEqualTo(2);
        assertThat(ExecutionPages.statusKind(ExecutionStatus.UNEXPECTED_ERROR)).isEqualTo("failed");
        assertThat(ExecutionPages.statusKind(ExecutionStatus.COMPLETED)).isEqualTo("done");
    }

    @Test
    void aViewerSeesButCannotStartStopOrCancel() {
        String execution = scheduled();
        UiClient.Page list = viewer.get(page);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("id=\"execute-form\"");
        UiClient.Page shown = viewer.get(execution);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain("id=\"scram-form\"").doesNotContain("id=\"cancel-form\"");

        String token = shown.csrfToken();
        UiClient.Page start = viewer.post(page, form(token, "mode", "run", "movement", "mv1", "operation", "op1"));
        assertThat(start.status()).as(start.toString()).isEqualTo(403);
        for (String action : new String[] {"/scram", "/cancel"}) {
            UiClient.Page refused = viewer.post(execution + action, form(token));
            assertThat(refused.status()).as(action).isEqualTo(403);
        }
        assertThat(status(viewer, execution).path("status_id").asString()).isEqualTo("9");
        assertThat(member.get(page).body().split("/ansible/[0-9a-f-]{36}\"", -1)).hasSize(2);

        UiClient.Page forged = member.post(execution + "/cancel", Map.of());
        assertThat(forged.status()).as("no CSRF token").isEqualTo(403);
        assertThat(status(member, execution).path("status_id").asString()).isEqualTo("9");
    }

    @Test
    void aMemberCancelsAReservationButCannotStopWhatDoesNotRun() {
        String execution = scheduled();
        UiClient.Page shown = member.get(execution);
        assertThat(shown.body()).contains("id=\"cancel-form\"").contains("id=\"scram-form\"");
        String token = shown.csrfToken();

        UiClient.Page scram = member.post(execution + "/scram", form(token));
        assertThat(scram.location()).endsWith(execution + "?refused=scram");
        assertThat(member.get(execution + "?refused=scram").body()).contains("The emergency stop was refused");

        UiClient.Page cancel = member.post(execution + "/cancel", form(token));
        assertThat(cancel.status()).isEqualTo(302);
        assertThat(cancel.location()).endsWith(execution);
        JsonNode status = status(member, execution);
        assertThat(status.path("status_id").asString()).isEqualTo("10");
        assertThat(status.path("ended").asBoolean()).isTrue();
        assertThat(member.post(execution + "/cancel", form(token)).location()).endsWith("?refused=cancel");
    }

    @Test
    void loadModeHidesTheWriteControlsAndRefusesTheWrites() {
        String execution = scheduled();
        String token = member.get(page).csrfToken();
        setModes("0", "1");
        try {
            UiClient.Page list = member.get(page);
            assertThat(list.body()).contains("id=\"read-only-notice\"").doesNotContain("id=\"execute-form\"");
            assertThat(member.get(execution).body()).doesNotContain("id=\"scram-form\"")
                    .doesNotContain("id=\"cancel-form\"");

            UiClient.Page start = member.post(page, form(token, "mode", "run", "movement", "mv1", "operation", "op1"));
            assertThat(start.status()).isEqualTo(200);
            assertThat(start.body()).contains("id=\"error\"").contains("498-");
            assertThat(member.post(execution + "/cancel", form(token)).location()).endsWith("?refused=cancel");
        } finally {
            setModes("0", "0");
        }
        assertThat(status(member, execution).path("status_id").asString()).isEqualTo("9");
    }

    @Test
    void aMalformedFormIsRefused() {
        String token = member.get(page).csrfToken();
        UiClient.Page unknownMode = member.post(page, form(token, "mode", "destroy", "movement", "mv1", "operation", "op1"));
        assertThat(unknownMode.status()).as(unknownMode.toString()).isEqualTo(400);

        UiClient.Page noMovement = member.post(page, form(token, "mode", "run", "operation", "op1"));
        assertThat(noMovement.status()).isEqualTo(200);
        assertThat(noMovement.body()).contains("id=\"error\"").contains("499-00201").contains("movement_name");

        UiClient.Page badSchedule = member.post(page, form(token, "mode", "dry_run", "movement", "mv1",
                "operation", "op1", "schedule", "tomorrow"));
        assertThat(badSchedule.body()).contains("499-00201").contains("schedule_date");
        UiClient.Page unknownMovement = member.post(page, form(token, "mode", "run", "movement", "mv9", "operation", "op1"));
        assertThat(unknownMovement.body()).contains("499-00201").contains("mv9");
        assertThat(member.get(page).body()).doesNotContainPattern("/ansible/[0-9a-f-]{36}\"");
    }
}
