package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.WorkArea;
import dev.jita.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A node without terraform: the execution ends in Unexpected error with a note that says so. */
@TestPropertySource(properties = {"jita.terraform-cli.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=200ms", "jita.terraform-cli.command=/nonexistent/terraform"})
class TerraformNotInstalledTest extends TerraformTestSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    WorkArea workArea;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplyEndsInUnexpectedErrorWhenTerraformIsMissing() throws Exception {
        scenario(MAIN_TF, "never-applied", null);

        String id = apply();
        JsonNode end = awaitEnd(id);

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("7");
        assertThat(end.path("note").asString()).contains("terraform was not found on node")
                .contains("/nonexistent/terraform");
        assertThat(end.path("execution_list").path("parameter").path("status").asString()).isEqualTo("Unexpected error");
        assertThat(end.toString()).doesNotContain(SECRET);
        assertThat(workArea.directoryFor(id)).doesNotExist();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM terraform_cli_state WHERE organization_id = ?").param(org)
                .query(Integer.class).single()).isZero();
    }
}
