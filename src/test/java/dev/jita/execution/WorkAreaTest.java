package dev.jita.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.DatabaseIndependent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.jita.test.Waits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work areas of several nodes in one process (as tests and small installs run them) keep each other's locks. */
@DatabaseIndependent
class WorkAreaTest {

    @TempDir
    Path root;

    @Test
    void aSweepInTheSameProcessLeavesTheOtherNodesLockAndDirectoryAlone() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 probes the lock from another process");
        ExecutionProperties properties = new ExecutionProperties(root, Duration.ofMinutes(1), true, "bwrap", 65534, 65534,
                List.of(), Duration.ofMinutes(1));
        WorkArea first = new WorkArea(properties);
        WorkArea second = new WorkArea(properties);
        try {
            second.sweep();
            Path firstNode = first.directoryFor("x").getParent();
            assertThat(firstNode).isDirectory();
            // Another process must still find the first node's lock taken: its directory is not a dead node's.
            Process probe = new ProcessBuilder("/usr/bin/python3", "-c",
                    "import fcntl, sys\nf = open(sys.argv[1], 'r+')\ntry:\n    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                            + "except OSError:\n    sys.exit(3)\nsys.exit(0)",
                    firstNode.resolve(".lock").toString()).inheritIO().start();
            assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(probe.exitValue()).as("exit 3: the lock is still held").isEqualTo(3);
        } finally {
            second.destroy();
            first.destroy();
        }
    }

    @Test
    void processesLeftRunningInADeadNodesDirectoryAreKilledBeforeItIsRemoved() throws Exception {
        // A node killed with SIGKILL: its lock file is there, but no process holds the lock any more.
        Path dead = Files.createDirectories(root.resolve("node-dead").resolve("execution-1"));
        Files.createFile(dead.getParent().resolve(".lock"));
        String marker = "3600." + System.nanoTime() % 1_000_000;
        // A tool run without the sandbox, and what it started, as SIGKILL leaves them: orphans still running.
        Process tool = new ProcessBuilder("/bin/sh", "-c", "sleep " + marker + " & wait").directory(dead.toFile()).start();
        Waits.awaitTrue("the tool's child to run", Duration.ofSeconds(10),
                () -> tool.descendants().anyMatch(p -> p.info().commandLine().orElse("").contains(marker)));
        List<ProcessHandle> started = tool.descendants().toList();
        WorkArea restarted = new WorkArea(new ExecutionProperties(root, Duration.ofHours(1), true, "bwrap", 65534, 65534,
                List.of(), Duration.ofMinutes(1)));
        try {
            assertThat(tool.waitFor(15, TimeUnit.SECONDS)).as("the tool killed").isTrue();
            Waits.awaitTrue("the tool's child to be killed", Duration.ofSeconds(15),
                    () -> started.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(dead.getParent()).doesNotExist();
        } finally {
            tool.descendants().forEach(ProcessHandle::destroyForcibly);
            tool.destroyForcibly();
            restarted.destroy();
        }
    }
}
