package jitanode;

/**
 * A node process started by a test ends when the test's JVM ends, however it ends (a SIGKILLed build included):
 * no node is left behind holding ports and database connections.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /** Halts this process once the process named by {@code -Djita.test.parent-pid} has ended. */
    static void exitWithParent() {
        String parent = System.getProperty("jita.test.parent-pid");
        if (parent != null) {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                    () -> Runtime.getRuntime().halt(3));
        }
    }
}
