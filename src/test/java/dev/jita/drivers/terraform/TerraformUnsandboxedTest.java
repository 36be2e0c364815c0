package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The system administrator turned the sandbox off: terraform runs, each of its commands is given the
 * sensitive variables again, and every run says there is no sandbox.
 */
@TestPropertySource(properties = {"jita.execution.sandbox=false", "jita.terraform-cli.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=200ms"})
class TerraformUnsandboxedTest extends TerraformTestSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Test
    void applyRunsAndItsErrorLogSaysThereIsNoSandbox() throws Exception {
        scenario(MAIN_TF, "hello-unsandboxed", null);

        JsonNode end = awaitEnd(apply());

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        assertThat(end.path("outputs").path("greeting").path("value").asString()).isEqualTo("hello-unsandboxed");
        assertThat(errorLog(end)).contains("WITHOUT a sandbox");
        assertThat(end.toString()).doesNotContain(SECRET);
    }
}
