package dev.jita.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * With {@code CI=true} a test that would be skipped (an assumption that does not hold, e.g. a tool that is not
 * installed) fails instead: CI must run everything. Registered for every test class through the JUnit
 * extension auto-detection (src/test/resources).
 */
public final class NoSkipsInCi implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final boolean CI = "true".equals(System.getenv("CI"));

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

    private static Throwable failIfSkipped(Throwable throwable) {
        if (CI && throwable instanceof TestAbortedException) {
            return new AssertionError("Skipped under CI=true, where every test must run: " + throwable.getMessage(),
                    throwable);
        }
        return throwable;
    }
}
