package dev.jita.test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jita nodes as processes of their own (a JVM each, from the test classpath) on one database: started together,
 * awaited until ready, and always ended. {@link #close()} stops them (SIGTERM, then SIGKILL after a grace); a
 * JVM shutdown hook kills whatever a failed or interrupted test left; and each node ends itself when the JVM
 * that started it ends, even by SIGKILL (see {@code jitanode.ParentWatch}).
 */
public final class NodeProcesses implements AutoCloseable {

    /** What the node is for: its name in messages and the arguments of its role. */
    public record Spec(String name, List<String> arguments) {

        /** A node that serves the API and runs the backyards. */
        public static Spec apiAndBackyard(String name, String... arguments) {
            return new Spec(name, List.of(arguments));
        }

        /** A node that runs the backyards only: its API answers 503. */
        public static Spec backyardOnly(String name, String... arguments) {
            List<String> all = new ArrayList<>(List.of(arguments));
            all.add("--jita.api.enabled=false");
            return new Spec(name, all);
        }
    }

    /** A started node. */
    public record Node(String name, Process process, Path log, int port) {

        public String base() {
            return "http://127.0.0.1:" + port;
        }

        public Http http() {
            return new Http(port);
        }

        /** A client of this node over {@code client}'s connections (keep-alive, shared by the caller's threads). */
        public Http http(HttpClient client) {
            return new Http(base(), client);
        }

        public String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(log unreadable: " + e.getMessage() + ")";
            }
        }
    }

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL = 20_000;
    /** Every node process of this JVM not yet ended, for the shutdown hook. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(NodeProcesses::kill),
                "node-processes-killer"));
    }

    private final List<Node> nodes;

    private NodeProcesses(List<Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * Starts one process per spec, all at once, running {@code mainClass} on {@code database} (Spring properties),
     * each on a port of its own, and waits until every one answers its readiness probe with 200.
     */
    public static NodeProcesses start(Class<?> mainClass, Map<String, String> database, List<String> common,
                                      List<Spec> specs, Duration limit) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (Spec spec : specs) {
                Path log = Files.createTempFile("jita-" + spec.name() + "-", ".log");
                logs.add(log);
                List<String> command = NodeProcess.java(mainClass.getName(), "-Xmx384m",
                        "-Djita.test.parent-pid=" + ProcessHandle.current().pid());
                command.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
                database.forEach((key, value) -> command.add("--" + key + "=" + value));
                command.addAll(common);
                command.addAll(spec.arguments());
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                RUNNING.add(process);
                processes.add(process);
            }
            List<Node> nodes = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            for (int i = 0; i < specs.size(); i++) {
                nodes.add(awaitReady(specs.get(i).name(), processes.get(i), logs.get(i), deadline));
            }
            return new NodeProcesses(nodes);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
            for (int i = 0; i < processes.size(); i++) {
                kill(processes.get(i));
                text.append("\n--- ").append(specs.get(i).name()).append(" ---\n").append(tail(logs.get(i)));
            }
            deleteAll(logs);
            throw new AssertionError("the nodes did not start: " + text, e);
        }
    }

    private static Node awaitReady(String name, Process process, Path log, long deadline)
            throws IOException, InterruptedException {
        int port = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue());
            }
            if (port < 0) {
                Matcher started = STARTED.matcher(Files.readString(log));
                if (started.find()) {
                    port = Integer.parseInt(started.group(1));
                }
            }
            if (port > 0 && ready(port)) {
                return new Node(name, process, log, port);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready in time");
    }

    private static boolean ready(int port) {
        try {
            return new Http(port).get("/actuator/health/readiness").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** {@code failure} with the end of every node's log, for a test that failed while they ran. */
    public AssertionError withLogs(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Node node : nodes) {
            text.append("\n--- ").append(node.name()).append(" (port ").append(node.port()).append(") ---\n")
                    .append(tail(node.log()));
        }
        return new AssertionError(text.toString(), failure);
    }

    /** Stops every node: SIGTERM, and SIGKILL for any still there after the grace; then removes the logs. */
    @Override
    public void close() {
        nodes.forEach(node -> node.process().destroy());
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Node node : nodes) {
            try {
                node.process().waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            kill(node.process());
        }
        deleteAll(nodes.stream().map(Node::log).toList());
    }

    /** SIGKILL to the process and everything it started; returns once it has ended (or after 10 s). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            RUNNING.remove(process);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() <= LOG_TAIL ? text : "…" + text.substring(text.length() - LOG_TAIL);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteAll(List<Path> logs) {
        for (Path log : logs) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // A temporary file; the system's clean-up takes it.
            }
        }
    }
}
