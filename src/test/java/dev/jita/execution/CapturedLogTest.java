package dev.jita.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.DatabaseIndependent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a log keeps of a run's output. */
@DatabaseIndependent
class CapturedLogTest {

    @Test
    void secretsAreMaskedAlsoAsAnsiblePrintsThemInJson() {
        CapturedLog log = new CapturedLog(List.of("pa\"ss", "pa\"ss-longer"));

        log.appendLine("raw pa\"ss and pa\"ss-longer");
        log.appendLine("    \"ansible_password\": \"pa\\\"ss\"");
        log.appendLine("nul\u0000byte");

        assertThat(log.text()).isEqualTo("raw ******** and ********\n    \"ansible_password\": \"********\"\nnulbyte\n")
                .doesNotContain("pa\"ss").doesNotContain("pa\\\"ss");
    }

    @Test
    void aHugeLogKeepsItsStartAndItsLatestOutput() {
        CapturedLog log = new CapturedLog(List.of());
        String line = "x".repeat(999);
        log.appendLine("FIRST");
        for (int i = 0; i < 5_000; i++) {
            log.appendLine(line);
        }
        log.appendLine("LAST");

        String text = log.takeChanged();
        assertThat(text.length()).isLessThanOrEqualTo(2_000_000);
        assertThat(text).startsWith("FIRST\n").endsWith("LAST\n").contains("output omitted");
        assertThat(log.takeChanged()).isNull();
    }
}
