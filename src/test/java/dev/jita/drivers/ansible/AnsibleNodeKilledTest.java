package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.NodeProcess;
import dev.jita.JitaApplication;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A jita node in a process of its own runs a playbook and is killed with SIGKILL: the playbook's processes die
 * with it, its inventory (with the device password) was never on disk, and another node on the same host
 * removes what it left in the shared work directory. The test talks to that node; the test's own server only
 * shares the work directory.
 */
class AnsibleNodeKilledTest extends AnsibleTestSupport {

    private static final Path WORK_DIR = temporaryDirectory();
    private static Process node;
    private static int nodePort;
    private static Path nodeLog;

    @DynamicPropertySource
    static void sharedWorkDirectory(DynamicPropertyRegistry registry) {
        registry.add("jita.execution.work-dir", WORK_DIR::toString);
        registry.add("jita.execution.sweep-interval", () -> "500ms");
    }

    @BeforeAll
    static void startNode() throws Exception {
        Assumptions.assumeTrue(ansibleInstalled(), "ansible-playbook is not on the PATH: install ansible-core");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bwrap is not installed: install bubblewrap");
        try (ServerSocket socket = new ServerSocket(0)) {
            nodePort = socket.getLocalPort();
        }
        List<String> command = NodeProcess.java(JitaApplication.class.getName(), "-Xmx384m");
        command.addAll(List.of("--server.port=" + nodePort, "--spring.main.banner-mode=off",
                "--jita.admin.username=" + ADMIN, "--jita.admin.password=" + ADMIN_PASSWORD,
                "--jita.security.bcrypt-strength=4", "--jita.backyard.poll-interval=200ms",
                "--jita.execution.work-dir=" + WORK_DIR));
        TestDatabase.fresh().forEach((key, value) -> command.add("--" + key + "=" + value));
        nodeLog = Files.createTempFile("jita-node-", ".log");
        node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(nodeLog.toFile()).start();
        Http probe = new Http(nodePort);
        await("the node to start", Duration.ofSeconds(120), () -> {
            try {
                return probe.get("/actuator/health/liveness").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.destroyForcibly();
            node.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(nodeLog);
        }
    }

    /** Every request of this test goes to the node in its own process. */
    @Override
    protected Http http() {
        return new Http(nodePort);
    }

    @Test
    void theSandboxDiesWithItsNodeAndLeavesNoSecretBehind() throws Exception {
        try {
            String marker = "3600." + System.nanoTime() % 1_000_000;
            scenario(play("    - command: sleep %s\n".formatted(marker)), null);
            String id = execute();
            awaitStatus(id, 3);
            await("sleep " + marker + " to run", Duration.ofSeconds(60), () -> running(marker));
            Path executionDir = executionDirectory(id);
            assertThat(executionDir).isDirectory();
            assertThat(filesContaining(PASSWORD)).as("files holding the device password").isEmpty();

            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await("the playbook's processes to die with the node", Duration.ofSeconds(15), () -> !running(marker));
            assertThat(filesContaining(PASSWORD)).isEmpty();
            await("another node to remove what the dead one left", Duration.ofSeconds(15),
                    () -> !Files.exists(executionDir.getParent()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nnode log:\n" + Files.readString(nodeLog), e);
        }
    }

    private static Path executionDirectory(String id) throws IOException {
        try (Stream<Path> nodes = Files.list(WORK_DIR)) {
            return nodes.map(n -> n.resolve(id)).filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new AssertionError("no directory of execution " + id + " under " + WORK_DIR));
        }
    }

    private static List<Path> filesContaining(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(WORK_DIR)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                            .contains(new String(needle, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    /** Whether a process of this host has {@code marker} in its command line. */
    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
                        .contains(marker);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jita-shared-work-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
