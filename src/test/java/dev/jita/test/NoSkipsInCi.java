package dev.jita.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * With {@code CI=true} a test that would be skipped (an assumption that does not hold, e.g. a tool that is not
 * installed) fails instead: CI must run everything. Registered for every test class through the JUnit
 * extension auto-detection (src/test/resources). It sees assumptions that fail in a test, a {@code @BeforeEach}
 * or a {@code @BeforeAll} method, the places where the suite's tests check for ansible-playbook, terraform and
 * chromium (NoSkipsInCiTest); a test disabled by an annotation never reaches it, so the suite has none.
 */
public final class NoSkipsInCi implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Whether this run is CI's: the environment says {@code CI=true}. */
    public static final boolean IN_CI = "true".equals(System.getenv("CI"));

    private final boolean ci;

    /** As registered for every test: skips fail where the environment says {@code CI=true}. */
    public NoSkipsInCi() {
        this(IN_CI);
    }

    /** Skips fail when {@code ci}, whatever the environment says (for the test of this extension). */
    public NoSkipsInCi(boolean ci) {
        this.ci = ci;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfSkipped(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfSkipped(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw failIfSkipped(throwable);
    }

    private Throwable failIfSkipped(Throwable throwable) {
        if (ci && throwable instanceof TestAbortedException) {
            return new AssertionError("Skipped under CI=true, where every test must run: " + throwable.getMessage(),
                    throwable);
        }
        return throwable;
    }
}
