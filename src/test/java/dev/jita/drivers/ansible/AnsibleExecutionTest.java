package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.ExecutionRun;
import dev.jita.execution.WorkArea;
import dev.jita.test.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Real ansible-playbook runs against localhost (connection local), driven through the API. */
@ExtendWith(OutputCaptureExtension.class)
class AnsibleExecutionTest extends AnsibleTestSupport {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    @Autowired
    WorkArea workArea;

    @BeforeEach
    void ansibleIsThere() {
        Assumptions.assumeTrue(ansibleInstalled(),
                "ansible-playbook is not on the PATH: install ansible-core to run the Ansible driver tests");
    }

    @Test
    void anExecutionCompletesWithTheTaskOutputAndTheSubstitutionValuesInItsLog(CapturedOutput serverLog) throws Exception {
        scenario(play("""
                    - name: say hello
                      debug:
                        msg: "greeting is {{ greeting }}"
                    - name: show the connection password
                      debug:
                        var: ansible_password
                """), null);

        String id = execute();
        JsonNode end = awaitEnd(id);

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("status_name").asString()).isEqualTo("Completed");
        assertThat(end.path("execution_no").asString()).isEqualTo(id);
        assertThat(end.path("run_mode").asString()).isEqualTo("run");
        assertThat(end.path("movement_name").asString()).isEqualTo("mv1");
        assertThat(end.path("operation_name").asString()).isEqualTo("op1");
        assertThat(end.path("time_book").isNull()).isTrue();
        assertThat(end.path("time_start").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(end.path("time_end").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        String console = end.path("execution_log").path("console").asString();
        assertThat(console).contains("TASK [say hello]").contains("greeting is hello-from-jita")
                .contains("ansible_password").contains(ExecutionRun.MASK);
        assertThat(end.path("files").isArray()).isTrue();
        assertThat(end.path("files").size()).isZero();

        // The password is used (it is in the inventory) but shown nowhere, and nothing of the run stays on disk.
        assertThat(member.get(status + id + "/").body()).doesNotContain(PASSWORD);
        assertThat(viewer.get(status + id + "/").body()).doesNotContain(PASSWORD);
        assertThat(workArea.directoryFor(id)).doesNotExist();
        assertThat(serverLog.getAll()).contains(id).doesNotContain(PASSWORD);

        JsonNode japanese = member.header("Language", "ja").get(status + id + "/").data();
        assertThat(japanese.path("status_name").asString()).isEqualTo("完了");
    }

    @Test
    void aFailingPlaybookEndsInCompletedError() throws Exception {
        scenario(play("""
                    - name: break on purpose
                      fail:
                        msg: "boom from the playbook"
                """), null);

        JsonNode end = awaitEnd(execute());

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("6");
        assertThat(end.path("status_name").asString()).isEqualTo("Completed (error)");
        assertThat(end.path("execution_log").path("console").asString()).contains("boom from the playbook");
    }

    @Test
    void aDryRunRunsInCheckModeAndChangesNothing() throws Exception {
        scenario(play("""
                    - name: write a file
                      copy:
                        content: "written"
                        dest: "{{ jita_output_dir }}/created-by-playbook.txt"
                """), null);

        Http.Reply reply = member.post(driver + "execute_dry_run/", Map.of("movement_name", "mv1", "operation_name", "op1"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode end = awaitEnd(reply.data().path("execution_no").asString());

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("run_mode").asString()).isEqualTo("dry_run");
        assertThat(end.path("execution_log").path("console").asString()).contains("TASK [write a file]")
                .contains("changed: [web1]");
        assertThat(end.path("files").size()).as(end.toString()).isZero();

        String id = execute();
        JsonNode real = awaitEnd(id);
        assertThat(real.path("status_id").asString()).as(real.toString()).isEqualTo("5");
        assertThat(real.path("files").toString()).isEqualTo("[\"created-by-playbook.txt\"]");
        String file = member.get(status + id + "/files/created-by-playbook.txt/").data().path("file_data").asString();
        assertThat(new String(Base64.getDecoder().decode(file), StandardCharsets.UTF_8)).isEqualTo("written");
    }

    @Test
    void theExecutionListMenuShowsEveryExecutionAndIsReadOnly() throws Exception {
        scenario(play("    - name: nothing much\n      ping:\n"), null);
        String run = execute();
        awaitEnd(run);
        Http.Reply dry = member.post(driver + "execute_dry_run/", Map.of("movement_name", "mv1", "operation_name", "op1"));
        String dryRun = dry.data().path("execution_no").asString();
        awaitEnd(dryRun);

        JsonNode rows = viewer.get(menus + "execution_list_ansible_legacy/filter/").data();
        assertThat(rows.size()).isEqualTo(2);
        JsonNode first = rows.get(0).path("parameter");
        assertThat(first.path("execution_no").asString()).isEqualTo(run);
        assertThat(first.path("execution_type").asString()).isEqualTo("Normal");
        assertThat(first.path("status").asString()).isEqualTo("Completed");
        assertThat(first.path("movement_name").asString()).isEqualTo("mv1");
        assertThat(first.path("start_date_time").asString()).matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(first.path("end_date_time").asString()).matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(first.path("register_time").asString()).matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(first.path("operation_name").asString()).isEqualTo("op1");
        assertThat(first.path("abort_execute_flag").asString()).isEqualTo("False");
        assertThat(first.path("execution_engine").asString()).isEqualTo("Ansible-Core");
        assertThat(first.propertyNames().stream().filter(name -> !name.equals("uuid")).toList()).containsExactly(
                "execution_no", "detail", "execution_type", "status", "abort_execute_flag", "execution_engine",
                "caller_conductor", "execution_user", "register_time", "movement_id", "movement_name", "delay_timer",
                "host_specific_format", "winrm_connection", "header_section", "ansible_cfg",
                "ansible_agent_execution_environment", "ansibel_builder_options", "execution_environment", "operation_id",
                "operation_name", "populated_data", "result_data", "scheduled_date_time", "start_date_time",
                "end_date_time", "collection_status", "collection_log", "conductor_instance_id", "remarks", "discard",
                "last_update_date_time", "last_updated_user");
        assertThat(rows.get(1).path("parameter").path("execution_type").asString()).isEqualTo("Dry run");
        assertThat(member.post(menus + "execution_list_ansible_legacy/filter/count/",
                Map.of("execution_type", Map.of("LIST", List.of("Dry run")))).data().asInt()).isEqualTo(1);
        assertThat(member.get(menus + "execution_list_ansible_legacy/info/").data().path("menu_info").path("row_insert_flag")
                .asString()).isEqualTo("0");
        assertError(member.post(menus + "execution_list_ansible_legacy/maintenance/",
                Map.of("parameter", Map.of("movement_name", "x"))), 403, "403-00001");
    }

    @Test
    void anExecutionFillsTheLastRunDateOfItsOperationAndTheExecutionNoOfItsTargetHosts() throws Exception {
        scenario(play("    - name: nothing much\n      ping:\n"), null);
        JsonNode before = member.get(menus + "operation_list/filter/").data().get(0).path("parameter");
        assertThat(before.path("last_run_date").isNull()).as(before.toString()).isTrue();

        String run = execute();
        awaitEnd(run);

        JsonNode execution = viewer.get(menus + "execution_list_ansible_legacy/filter/").data().get(0).path("parameter");
        JsonNode operation = viewer.get(menus + "operation_list/filter/").data().get(0).path("parameter");
        assertThat(operation.path("last_run_date").asString()).as(operation.toString())
                .isEqualTo(execution.path("start_date_time").asString());
        assertThat(viewer.post(menus + "operation_list/filter/", Map.of("last_run_date",
                Map.of("RANGE", Map.of("START", "2000/01/01 00:00:00")))).data().size()).isEqualTo(1);
        assertThat(viewer.get(menus + "target_host_ansible_legacy/filter/").data().get(0).path("parameter")
                .path("execution_no").asString()).isEqualTo(run);
        assertThat(viewer.get(menus + "subst_value_list_ansible_legacy/filter/").data().get(0).path("parameter")
                .path("execution_no").asString()).isEqualTo(run);
        assertThat(viewer.get(menus + "movement_list_ansible_legacy/filter/").data().get(0).path("parameter")
                .path("orchestrator").asString()).isEqualTo("Ansible Legacy");
    }

    @Test
    void filesWrittenToTheOutputDirectoryAreListedAndDownloadable() throws Exception {
        scenario(play("""
                    - name: write a report
                      copy:
                        content: "report for {{ inventory_hostname }}: {{ greeting }}"
                        dest: "{{ jita_output_dir }}/report.txt"
                """), null);

        String id = execute();
        JsonNode end = awaitEnd(id);

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("files").size()).isEqualTo(1);
        assertThat(end.path("files").get(0).asString()).isEqualTo("report.txt");
        for (Http client : new Http[] {member, viewer}) {
            Http.Reply download = client.get(status + id + "/files/report.txt/");
            assertThat(download.status()).as(download.toString()).isEqualTo(200);
            assertThat(download.data().path("file_name").asString()).isEqualTo("report.txt");
            assertThat(new String(Base64.getDecoder().decode(download.data().path("file_data").asString()),
                    StandardCharsets.UTF_8)).isEqualTo("report for web1: hello-from-jita");
        }
        assertError(member.get(status + id + "/files/other.txt/"), 404, "404-00001");
    }

    @Test
    void anExecutionPastItsDelayTimerIsShownDelayedAndThenCompletes() throws Exception {
        // One unit of the delay timer is 2 s in these tests; the play runs about 6 s.
        scenario(play("""
                    - name: take a while
                      pause:
                        seconds: 6
                """), 1);

        String id = execute();
        JsonNode delayed = awaitStatus(id, 4);
        assertThat(delayed.path("status_name").asString()).isEqualTo("Executing (delay)");

        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
    }

    @Test
    void anEmergencyStopKillsTheWholeProcessTreeAndEndsInEmergencyStop() throws Exception {
        // A module that runs a command: ansible-playbook → worker → module → sleep, all must go.
        String marker = "3600." + System.nanoTime() % 1_000_000;
        scenario(play("""
                    - name: run for an hour
                      command: sleep %s
                """.formatted(marker)), null);

        String id = execute();
        awaitStatus(id, s -> s.path("status_id").asString().equals("3")
                && s.path("execution_log").path("console").asString().contains("TASK [run for an hour]"), "the task to run");
        awaitProcess(marker, true);

        assertError(viewer.patch(status + id + "/scram/", null), 403, "403-00001");
        Http.Reply scram = member.patch(status + id + "/scram/", null);
        assertThat(scram.status()).as(scram.toString()).isEqualTo(200);

        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("8");
        assertThat(end.path("status_name").asString()).isEqualTo("Emergency stop");
        awaitProcess(marker, false);
        assertThat(workArea.directoryFor(id)).doesNotExist();

        assertError(member.patch(status + id + "/scram/", null), 499, "499-00201");
    }

    @Test
    void aScheduledExecutionWaitsForItsTimeThenRuns() throws Exception {
        scenario(play("""
                    - debug:
                        msg: "on schedule"
                """), null);
        String at = SECONDS.format(LocalDateTime.now(ZoneOffset.UTC).plusSeconds(4));

        String id = execute(Map.of("movement_name", "mv1", "operation_name", "op1", "schedule_date", at));

        JsonNode waiting = status(id);
        assertThat(waiting.path("status_id").asString()).isEqualTo("9");
        assertThat(waiting.path("status_name").asString()).isEqualTo("Unexecuted (schedule)");
        assertThat(waiting.path("time_book").asString()).startsWith(at.replace('/', '-').replace(' ', 'T'));
        assertThat(waiting.path("time_start").isNull()).isTrue();

        JsonNode end = awaitEnd(id);
        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("execution_log").path("console").asString()).contains("on schedule");
    }

    @Test
    void aReservationCanBeCancelledButNothingElse() throws Exception {
        scenario(play("""
                    - debug:
                        msg: "never"
                """), null);
        String at = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").format(LocalDateTime.now(ZoneOffset.UTC).plusDays(1));
        String reserved = execute(Map.of("movement_name", "mv1", "operation_name", "op1", "schedule_date", at));
        assertThat(status(reserved).path("status_id").asString()).isEqualTo("9");

        assertError(viewer.patch(status + reserved + "/cancel/", null), 403, "403-00001");
        Http.Reply cancel = member.patch(status + reserved + "/cancel", null);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);

        JsonNode cancelled = status(reserved);
        assertThat(cancelled.path("status_id").asString()).isEqualTo("10");
        assertThat(cancelled.path("status_name").asString()).isEqualTo("Schedule cancellation");
        assertThat(cancelled.path("time_end").isNull()).isFalse();
        assertError(member.patch(status + reserved + "/cancel/", null), 499, "499-00201");

        String immediate = execute();
        assertError(member.patch(status + immediate + "/cancel/", null), 499, "499-00201");
        assertThat(awaitEnd(immediate).path("status_id").asString()).isEqualTo("5");
        assertThat(status(reserved).path("status_id").asString()).isEqualTo("10");
    }

    /** Waits until a process whose command line contains {@code marker} exists, or until none does. */
    private static void awaitProcess(String marker, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (running(marker) != present) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("A process with " + marker + (present ? " never started" : " is still running"));
            }
            Thread.sleep(100);
        }
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
                && p.info().commandLine().map(line -> line.contains(marker)).orElse(false));
    }
}
