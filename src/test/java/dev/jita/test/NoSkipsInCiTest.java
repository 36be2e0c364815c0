package dev.jita.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * With CI=true a test that needs ansible-playbook, terraform or chromium and does not find it fails instead of
 * being skipped, wherever it checks: in the test, in a {@code @BeforeEach} (as the driver and web UI tests do)
 * or in a {@code @BeforeAll} (as AnsibleNodeKilledTest does). Each case is a small test class run here through
 * the JUnit launcher, as surefire runs the suite.
 */
@DatabaseIndependent
class NoSkipsInCiTest {

    /** The three places, each as the suite's tests check for a tool. */
    static class InTheTestBody {
        @RegisterExtension
        static NoSkipsInCi ci = new NoSkipsInCi(true);

        @Test
        void needsAnsible() {
            Assumptions.assumeTrue(false, "ansible-playbook is not on the PATH");
        }
    }

    static class InBeforeEach {
        @RegisterExtension
        static NoSkipsInCi ci = new NoSkipsInCi(true);

        @BeforeEach
        void terraform() {
            Assumptions.assumeTrue(false, "terraform is not installed");
        }

        @Test
        void needsTerraform() {
        }
    }

    static class InBeforeAll {
        @RegisterExtension
        static NoSkipsInCi ci = new NoSkipsInCi(true);

        @BeforeAll
        static void chromium() {
            Assumptions.assumeTrue(false, "chromium and chromium-driver are not installed");
        }

        @Test
        void needsChromium() {
        }
    }

    /** The same in a laptop's run: the test is skipped (unless this run itself is CI's). */
    static class OnALaptop {
        @RegisterExtension
        static NoSkipsInCi ci = new NoSkipsInCi(false);

        @Test
        void needsAnsible() {
            Assumptions.assumeTrue(false, "ansible-playbook is not on the PATH");
        }
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build(), listener);
        return listener.getSummary();
    }

    @Test
    void anAssumptionThatFailsInATestFailsUnderCi() {
        assertFailedNotSkipped(run(InTheTestBody.class), "ansible-playbook");
    }

    @Test
    void anAssumptionThatFailsInBeforeEachFailsUnderCi() {
        assertFailedNotSkipped(run(InBeforeEach.class), "terraform");
    }

    @Test
    void anAssumptionThatFailsInBeforeAllFailsUnderCi() {
        TestExecutionSummary summary = run(InBeforeAll.class);
        assertThat(summary.getTestsAbortedCount() + summary.getTestsSkippedCount()).isZero();
        assertThat(summary.getContainersAbortedCount()).isZero();
        assertThat(summary.getContainersFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasMessageContaining("Skipped under CI=true").hasMessageContaining("chromium"));
    }

    @Test
    void elsewhereTheTestIsSkipped() {
        TestExecutionSummary summary = run(OnALaptop.class);
        if (NoSkipsInCi.IN_CI) {
            assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        } else {
            assertThat(summary.getTestsAbortedCount()).isEqualTo(1);
            assertThat(summary.getTestsFailedCount()).isZero();
        }
    }

    /** A test disabled by an annotation is skipped without any exception this extension could see: none may be. */
    @Test
    void noTestIsDisabledByAnAnnotation() throws IOException {
        Pattern disabling = Pattern.compile("@(Disabled|EnabledIf|DisabledIf|EnabledOn|DisabledOn|EnabledFor|DisabledFor)\\w*");
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            List<String> disabled = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("NoSkipsInCiTest.java"))
                    .filter(p -> {
                        try {
                            return disabling.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).map(Path::toString).toList();
            assertThat(disabled).as("test sources that disable tests by annotation").isEmpty();
        }
    }

    private static void assertFailedNotSkipped(TestExecutionSummary summary, String tool) {
        assertThat(summary.getTestsAbortedCount() + summary.getTestsSkippedCount()).isZero();
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasMessageContaining("Skipped under CI=true").hasMessageContaining(tool));
    }
}
