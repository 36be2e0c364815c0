package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The system administrator turned the sandbox off: playbooks run, and every run says so. */
@TestPropertySource(properties = "jita.execution.sandbox=false")
class AnsibleUnsandboxedTest extends AnsibleTestSupport {

    @Test
    void executionsRunAndTheirErrorLogSaysThereIsNoSandbox() throws Exception {
        Assumptions.assumeTrue(ansibleInstalled(), "ansible-playbook is not on the PATH: install ansible-core");
        scenario(play("""
                    - debug:
                        msg: "{{ greeting }}"
                """), null);

        JsonNode end = awaitEnd(execute());

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("execution_log").path("console").asString()).contains("hello-from-jita");
        assertThat(end.path("execution_log").path("error").asString()).contains("WITHOUT a sandbox");
        assertThat(end.toString()).doesNotContain(PASSWORD);
    }
}
