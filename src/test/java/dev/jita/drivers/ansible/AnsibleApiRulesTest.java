package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Who may do what with executions, what load mode refuses, and how bad requests are answered. */
class AnsibleApiRulesTest extends AnsibleTestSupport {

    private static final String NO_HOSTS = play("""
                - debug:
                    msg: "unreachable"
            """);

    @Autowired
    JdbcClient jdbc;

    private int executions() {
        return jdbc.sql("SELECT COUNT(*) FROM execution WHERE organization_id = ?").param(org)
                .query(Integer.class).single();
    }

    private String tomorrow() {
        return DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").format(LocalDateTime.now(ZoneOffset.UTC).plusDays(1));
    }

    @Test
    void loadModeRefusesEveryDriverWriteAndRegistersNothing() {
        scenario(NO_HOSTS, null);
        String reserved = execute(Map.of("movement_name", "mv1", "operation_name", "op1", "schedule_date", tomorrow()));
        int before = executions();
        Map<String, Object> body = Map.of("movement_name", "mv1", "operation_name", "op1");

        setModes("0", "1");
        try {
            Http.Reply execute = member.post(driver + "execute/", body);
            assertError(execute, 498, "498-00010");
            assertThat(execute.header("Retry-After")).isNotBlank();
            assertError(member.post(driver + "execute_dry_run/", body), 498, "498-00011");
            // Load mode is answered before the body is even read.
            assertError(member.post(driver + "execute/", "{not json"), 498, "498-00010");
            assertError(member.patch(status + reserved + "/scram/", null), 498, "498-00008");
            assertError(member.patch(status + reserved + "/cancel/", null), 498, "498-00007");
            // Reading stays open.
            assertThat(viewer.get(status + reserved + "/").status()).isEqualTo(200);
        } finally {
            setModes("0", "0");
        }

        assertThat(executions()).isEqualTo(before);
        assertThat(status(reserved).path("status_id").asString()).isEqualTo("9");
    }

    @Test
    void onlyMembersStartAndStopExecutionsAndViewersReadThem() {
        scenario(NO_HOSTS, null);
        String id = execute(Map.of("movement_name", "mv1", "operation_name", "op1", "schedule_date", tomorrow()));
        Map<String, Object> body = Map.of("movement_name", "mv1", "operation_name", "op1");

        assertError(http().post(driver + "execute/", body), 401, "401-00002");
        assertError(http().get(status + id + "/"), 401, "401-00002");

        assertError(viewer.post(driver + "execute/", body), 403, "403-00001");
        assertError(viewer.post(driver + "execute_dry_run/", body), 403, "403-00001");
        assertError(viewer.patch(status + id + "/scram/", null), 403, "403-00001");
        assertError(viewer.patch(status + id + "/cancel/", null), 403, "403-00001");
        Http.Reply read = viewer.get(status + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.data().path("status_id").asString()).isEqualTo("9");

        // A user of another organization is not known here at all.
        String other = unique("ans-other");
        createOrganization(other, "stranger", "stranger-pass");
        Http stranger = http().as("stranger", "stranger-pass");
        assertError(stranger.post(driver + "execute/", body), 401, "401-00002");
        assertError(stranger.get(status + id + "/"), 401, "401-00002");
    }

    @Test
    void unknownExecutionsAreNotFoundAlsoFromAnotherWorkspace() {
        scenario(NO_HOSTS, null);
        String id = execute(Map.of("movement_name", "mv1", "operation_name", "op1", "schedule_date", tomorrow()));
        createWorkspace(member, org, "ws2");
        String ws2 = "/api/" + org + "/workspaces/ws2/ita/menu/check_operation_status_ansible_legacy/driver/";

        assertError(member.get(status + "00000000-0000-0000-0000-000000000000/"), 404, "404-00001");
        assertError(member.get(ws2 + id + "/"), 404, "404-00001");
        assertError(member.get(ws2 + id + "/files/x.txt/"), 404, "404-00001");
        assertError(member.patch(ws2 + id + "/cancel/", null), 404, "404-00001");
        assertError(member.patch(ws2 + id + "/scram/", null), 404, "404-00001");
        assertThat(status(id).path("status_id").asString()).isEqualTo("9");
    }

    @Test
    void badRequestsAreRefusedWithTheReasonPerField() {
        scenario(NO_HOSTS, null);
        int before = executions();

        assertError(member.post(driver + "execute/", "{not json"), 400, "400-00002");
        assertError(member.post(driver + "execute/", "[1, 2]"), 400, "400-00002");
        assertError(member.post(driver + "execute/", ""), 400, "400-00002");
        assertError(member.post(driver + "execute/", null), 415, "415-00001");

        Http.Reply unknown = member.post(driver + "execute", Map.of("movement_name", "mv-nope", "operation_name", "op1"));
        assertError(unknown, 499, "499-00201");
        assertThat(unknown.data().path("errors").path("movement_name").get(0).asString()).contains("mv-nope");
        assertThat(unknown.data().path("errors").has("operation_name")).isFalse();
        assertThat(unknown.json().path("message").asString()).contains("movement_name");

        Http.Reply missing = member.post(driver + "execute_dry_run", Map.of("movement_name", 7));
        assertError(missing, 499, "499-00201");
        assertThat(missing.data().path("errors").propertyNames()).contains("movement_name", "operation_name");

        Http.Reply past = member.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1",
                "schedule_date", "2020/01/01 00:00"));
        assertError(past, 499, "499-00201");
        assertThat(past.data().path("errors").has("schedule_date")).isTrue();
        assertError(member.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1",
                "schedule_date", "tomorrow")), 499, "499-00201");

        // A discarded operation can no longer be executed.
        JsonNode operation = member.get(menus + "operation_list/filter/").data().get(0).path("parameter");
        Http.Reply discard = member.post(menus + "operation_list/maintenance/all/", List.of(Map.of(
                "type", "Discard", "parameter", Map.of("uuid", operation.path("uuid").asString(),
                        "last_update_date_time", operation.path("last_update_date_time").asString()))));
        assertThat(discard.status()).as(discard.toString()).isEqualTo(200);
        Http.Reply discarded = member.post(driver + "execute/", Map.of("movement_name", "mv1", "operation_name", "op1"));
        assertError(discarded, 499, "499-00201");
        assertThat(discarded.data().path("errors").has("operation_name")).isTrue();

        assertThat(executions()).isEqualTo(before);
    }

    @Test
    void anExecutionWithoutTargetHostsEndsInCompletedErrorWithTheReason() throws Exception {
        record("operation_list", Map.of("operation_name", "op1"));
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        playbook("main.yml", NO_HOSTS);
        record("movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "main.yml", "include_order", 1));

        JsonNode end = awaitEnd(execute());

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("6");
        assertThat(end.path("execution_log").path("error").asString())
                .contains("No target host").contains("op1").contains("mv1");
        assertThat(end.path("time_end").isNull()).isFalse();
    }
}
