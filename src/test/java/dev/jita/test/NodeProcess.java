package dev.jita.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A whole jita node ({@link dev.jita.JitaApplication}, real drivers) in a process of its own. */
public record NodeProcess(Process process, Path log, int port) {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    /** Starts a node on {@code database} with {@code arguments} and waits until it answers. */
    public static NodeProcess start(Map<String, String> database, List<String> arguments)
            throws IOException, InterruptedException {
        return start("dev.jita.JitaApplication", "-Xmx384m", database, arguments);
    }

    /** The same with another main class (a node with test handlers) and maximum heap ({@code -Xmx...}). */
    public static NodeProcess start(String mainClass, String maxHeap, Map<String, String> database,
                                    List<String> arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jita-node-", ".log");
        List<String> command = java(mainClass, maxHeap);
        command.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--jita.security.bcrypt-strength=4"));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                NodeProcess node = new NodeProcess(process, log, Integer.parseInt(started.group(1)));
                if (node.live()) {
                    return node;
                }
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the jita node did not start:\n" + Files.readString(log));
    }

    /**
     * The command that runs {@code mainClass} on the test classpath in a JVM of its own with {@code jvmOptions}
     * (a maximum heap at least); the program's arguments go after it.
     */
    public static List<String> java(String mainClass, String... jvmOptions) {
        List<String> command = jvm(jvmOptions);
        command.addAll(NodeClassData.classPath());
        command.add(mainClass);
        return command;
    }

    /** The java command of a node's JVM with {@code jvmOptions}, up to its class path. */
    static List<String> jvm(String... jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A quick start matters more than peak speed for a process that lives seconds or minutes: C1 only
                // spares most of the compiler's CPU, which the suite's other processes need.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        return command;
    }

    public Http client() {
        return new Http(port);
    }

    private boolean live() {
        try {
            return client().get("/actuator/health/liveness").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    /** SIGKILL (kill -9): no shutdown hook, no last words. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the node process did not end after SIGKILL");
        }
    }

    /** Ends the node if it still runs and removes its log. */
    public void discard() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(log);
    }

    /** {@code e} with the node's log, to see why. */
    public AssertionError withLog(Throwable e) {
        String text;
        try {
            text = Files.readString(log);
        } catch (IOException unreadable) {
            text = "(log unreadable: " + unreadable.getMessage() + ")";
        }
        return new AssertionError(e.getMessage() + "\nnode log:\n" + text, e);
    }
}
