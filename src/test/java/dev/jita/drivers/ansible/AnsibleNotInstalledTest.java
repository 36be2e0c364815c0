package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.WorkArea;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A node without ansible-playbook: the execution ends in Unexpected error with a note that says so. */
@TestPropertySource(properties = "jita.ansible.command=/nonexistent/ansible-playbook")
class AnsibleNotInstalledTest extends AnsibleTestSupport {

    @Autowired
    WorkArea workArea;

    @Test
    void anExecutionEndsInUnexpectedErrorWhenAnsibleIsMissing() throws Exception {
        scenario(play("""
                    - debug:
                        msg: "never runs"
                """), null);

        String id = execute(Map.of("movement_name", "mv1", "operation_name", "op1"));
        JsonNode end = awaitEnd(id);

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("7");
        assertThat(end.path("status_name").asString()).isEqualTo("Unexpected error");
        assertThat(end.path("note").asString()).contains("ansible-playbook was not found on node");
        assertThat(end.toString()).doesNotContain(PASSWORD);
        assertThat(workArea.directoryFor(id)).doesNotExist();
    }
}
