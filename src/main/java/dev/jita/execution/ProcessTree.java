package dev.jita.execution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Ends a tool's whole process tree: the sandbox, the tool and whatever the tool started. */
final class ProcessTree {

    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final List<String> SANDBOX_COMMANDS = List.of("bwrap", "setpriv");

    private ProcessTree() {
    }

    /**
     * Asks the tool to end (SIGTERM to every process of the tree but the sandbox's own, so that e.g. terraform
     * can release its state), waits up to {@code grace}, then kills what is left.
     */
    static void stop(Process process, Duration grace) {
        if (!grace.isZero()) {
            Stream.concat(Stream.of(process.toHandle()), process.descendants()).filter(p -> !sandbox(p))
                    .forEach(ProcessHandle::destroy);
            try {
                if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill(process);
    }

    /**
     * Kills the tree at once. The parent goes first so that it starts nothing new; each of its descendants
     * then takes its own children with it.
     */
    static void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        for (ProcessHandle child : tree) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        try {
            process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean sandbox(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return SANDBOX_COMMANDS.stream().anyMatch(name -> command.endsWith("/" + name));
    }
}
