package dev.jita.execution;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where a tool that runs a user's content (ansible-playbook, terraform) runs: in bubblewrap, as an
 * unprivileged user, in new mount, PID, IPC and UTS namespaces, seeing /usr, a few files of /etc, a private
 * /tmp and its own work directory (as {@code /work}) and nothing else of the host: not jita's data, not its
 * configuration, not other executions. It shares the host's network, to reach the devices. It dies with the
 * node: bubblewrap kills it when the JVM is gone, and with the PID namespace every process it started.
 */
@Component
public class Sandbox {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    private static final String SETPRIV = "setpriv";

    private final ExecutionProperties properties;

    Sandbox(ExecutionProperties properties) {
        this.properties = properties;
    }

    /** A tool run in {@code hostWorkDir}, a directory made for it, which it may write. */
    public ToolRun prepare(Path hostWorkDir) {
        if (!properties.sandbox()) {
            return new ToolRun(properties, hostWorkDir, null, null);
        }
        Path bwrap = onPath(properties.bwrap()).orElseThrow(() -> new Unavailable(
                "The sandbox is not available on node " + hostName() + ": bubblewrap (" + properties.bwrap()
                        + ") is not installed. Install the package bubblewrap; jita runs no playbook or module "
                        + "outside it unless jita.execution.sandbox=false is set."));
        Path setpriv = null;
        if (ToolRun.runningAsRoot()) {
            setpriv = onPath(SETPRIV).orElseThrow(() -> new Unavailable("The sandbox is not available on node "
                    + hostName() + ": jita runs as root and setpriv (util-linux), which drops to jita.execution.uid, "
                    + "is not installed."));
        }
        return new ToolRun(properties, hostWorkDir, bwrap, setpriv);
    }

    /** Says at start, loudly, when tools run without the sandbox or when it cannot start here. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        if (!properties.sandbox()) {
            log.warn("*** jita.execution.sandbox=false: playbooks and modules run WITHOUT a sandbox, as jita's OS "
                    + "user: they can read jita's data, its configuration and other tenants' executions. "
                    + "Never do this on a system shared by tenants. ***");
            return;
        }
        try {
            ToolRun trial = prepare(Files.createTempDirectory("jita-sandbox-check-"));
            try {
                Process process = trial.start(List.of("true"), Map.of(), null, null);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    log.error("The sandbox (bubblewrap) does not start on this node: executions will fail. "
                            + "Does the kernel allow user namespaces (user.max_user_namespaces)?");
                }
            } finally {
                WorkArea.deleteTree(trial.hostWorkDir());
            }
        } catch (Unavailable e) {
            log.error("{}", e.getMessage());
        } catch (IOException e) {
            log.error("The sandbox could not be tried on this node: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A name looked up on the PATH, or a path; empty when there is no such executable. */
    static Optional<Path> onPath(String command) {
        if (command.contains(File.separator)) {
            Path path = Path.of(command);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** The name of this node's host, for messages that tell an operator where to look. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** This node cannot run tools safely; the message says why and what to do. */
    public static final class Unavailable extends IllegalStateException {
        Unavailable(String message) {
            super(message);
        }
    }
}
