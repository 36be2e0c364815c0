package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The documented maintenance procedure, end to end, with real Ansible executions: stop server side jobs,
 * watch the drain, freeze writes, resume — every step as the specification says.
 */
class MaintenanceProcedureTest extends AnsibleTestSupport {

    private static final Duration PROCEDURE_WAIT = Duration.ofSeconds(90);
    private static final String SLEEPING = play("    - name: work a while\n      command: sleep {{ seconds }}\n");

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PROCEDURE_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    private Http.Reply executeOn(String operation) {
        return member.post(driver + "execute/", Map.of("movement_name", "mv-sleep", "operation_name", operation));
    }

    private String statusId(String execution) {
        return status(execution).path("status_id").asString();
    }

    private JsonNode check() {
        return admin().get("/api/ita/backyard-execute-check/").data();
    }

    private JsonNode ourWorkspace() {
        for (JsonNode organization : check().path("organizations").values()) {
            if (organization.path("id").asString().equals(org)) {
                return organization.path("workspaces").get(0);
            }
        }
        throw new AssertionError(org + " not listed");
    }

    @Test
    void stopDrainFreezeResume() throws Exception {
        Assumptions.assumeTrue(ansibleInstalled(),
                "ansible-playbook is not installed (Debian package ansible-core): the procedure runs real playbooks");
        record("device_list", Map.of("host_name", "localhost", "connection_type", "local"));
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv-sleep"));
        playbook("sleep.yml", SLEEPING);
        record("movement_playbook_link", Map.of("movement", "mv-sleep", "playbook_file", "sleep.yml", "include_order", 1));
        for (String operation : List.of("op-short", "op-long")) {
            record("operation_list", Map.of("operation_name", operation));
            record("target_host_ansible_legacy", Map.of("operation", operation, "movement", "mv-sleep",
                    "host", "localhost"));
            record("subst_value_list_ansible_legacy", Map.of("operation", operation, "movement", "mv-sleep",
                    "host", "localhost", "variable_name", "seconds", "value", operation.equals("op-short") ? "5" : "120"));
        }

        // E1 runs and is listed by backyard-execute-check.
        String e1 = execute(Map.of("movement_name", "mv-sleep", "operation_name", "op-short"));
        await("E1 executing", () -> statusId(e1).equals("3"));
        JsonNode listed = ourWorkspace();
        assertThat(listed.path("execute_count").asInt()).isEqualTo(1);
        assertThat(listed.path("backyards").path("ita-by-ansible-execute").get(0).path("id").asString()).isEqualTo(e1);

        // Stop server side jobs: E2 is accepted but waits; E1 runs on to its end; the count drains to 0.
        setModes("1", "0");
        String e2 = execute(Map.of("movement_name", "mv-sleep", "operation_name", "op-short"));
        assertThat(statusId(e2)).isEqualTo("1");
        await("E1 completed", () -> statusId(e1).equals("5"));
        await("drained", () -> ourWorkspace().path("execute_count").asInt() == 0);
        assertThat(check().path("execute_count").asInt()).isZero();
        Thread.sleep(1500);
        assertThat(statusId(e2)).as("E2 waits while jobs are stopped").isEqualTo("1");

        // Load mode: writes and executions refused, searching works.
        setModes("1", "1");
        assertError(member.post(menus + "operation_list/maintenance/", Map.of("parameter", Map.of("operation_name", "op-new"))),
                498, "498-00001");
        assertError(executeOn("op-short"), 498, "498-00010");
        assertThat(member.post(menus + "operation_list/filter/", Map.of("operation_name", Map.of("NORMAL", "op")))
                .data().size()).isEqualTo(2);
        assertThat(statusId(e2)).isEqualTo("1");

        // Both OFF: E2 runs and completes.
        setModes("0", "0");
        await("E2 completed", () -> statusId(e2).equals("5"));
        assertThat(status(e2).path("execution_log").path("console").asString()).contains("work a while");

        // E3 is stopped in an emergency.
        String e3 = execute(Map.of("movement_name", "mv-sleep", "operation_name", "op-long"));
        await("E3 executing", () -> statusId(e3).equals("3"));
        Http.Reply scram = member.patch(status + e3 + "/scram/", "{}");
        assertThat(scram.status()).as(scram.toString()).isEqualTo(200);
        await("E3 emergency stop", () -> statusId(e3).equals("8"));
        await("nothing runs", () -> ourWorkspace().path("execute_count").asInt() == 0);
    }
}
