package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A node where bubblewrap is missing runs no playbook: the execution ends with a reason an operator can act on. */
@TestPropertySource(properties = "jita.execution.bwrap=/nonexistent/bwrap")
class AnsibleSandboxMissingTest extends AnsibleTestSupport {

    @Test
    void anExecutionEndsInUnexpectedErrorSayingTheSandboxIsMissing() throws Exception {
        scenario(play("""
                    - debug:
                        msg: "never runs"
                """), null);

        JsonNode end = awaitEnd(execute(Map.of("movement_name", "mv1", "operation_name", "op1")));

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("7");
        assertThat(end.path("note").asString()).contains("bubblewrap").contains("jita.execution.sandbox=false");
        assertThat(end.path("execution_log").path("console").asString()).doesNotContain("never runs");
    }
}
