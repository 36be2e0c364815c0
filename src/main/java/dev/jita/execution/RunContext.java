package dev.jita.execution;

import dev.jita.backyard.ItemProgress;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** One run of one execution on this node: its logs, its work directory, its tools, its status. */
final class RunContext implements ExecutionRun, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunContext.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /** Its own mapper: the file's form does not follow the application's JSON settings. */
    private static final JsonMapper VALUES_JSON = JsonMapper.builder().build();

    private final Execution execution;
    private final Path workDirectory;
    private final ExecutionStore store;
    private final Sandbox sandbox;
    private final ItemProgress progress;
    private final Duration delayTimerUnit;
    private final boolean resumed;
    private final List<String> secrets = new ArrayList<>();
    private final Map<String, CapturedLog> logs = new LinkedHashMap<>();
    private ToolRun tool;
    private Duration delay;
    private long executingSince;
    private boolean delayed;

    RunContext(Execution execution, Path workDirectory, ExecutionStore store, Sandbox sandbox, ItemProgress progress,
               Duration delayTimerUnit, boolean resumed) {
        this.resumed = resumed;
        this.execution = execution;
        this.workDirectory = workDirectory;
        this.store = store;
        this.sandbox = sandbox;
        this.progress = progress;
        this.delayTimerUnit = delayTimerUnit;
    }

    @Override
    public Path workDirectory() {
        if (!Files.isDirectory(workDirectory)) {
            try {
                Files.createDirectories(workDirectory.getParent());
                Files.createDirectory(workDirectory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new IllegalStateException("The work directory " + workDirectory + " cannot be made: "
                        + e.getMessage(), e);
            }
        }
        return workDirectory;
    }

    @Override
    public ToolRun sandbox() {
        if (tool == null) {
            tool = sandbox.prepare(workDirectory());
            if (!tool.sandboxed()) {
                log(ERROR_LOG, "[jita: this node runs tools WITHOUT a sandbox (jita.execution.sandbox=false)]");
            }
        }
        return tool;
    }

    @Override
    public void mask(Collection<String> values) {
        if (!logs.isEmpty()) {
            throw new IllegalStateException("Secrets are masked in logs made after mask(), not before");
        }
        values.stream().filter(v -> v != null && !v.isEmpty()).forEach(secrets::add);
    }

    @Override
    public void delayTimer(Long units) {
        delay = units == null || units <= 0 ? null : delayTimerUnit.multipliedBy(units);
    }

    @Override
    public boolean executing() {
        executingSince = System.nanoTime();
        return progress.setStatus(ExecutionStatus.EXECUTING.id());
    }

    @Override
    public void log(String logName, String line) {
        capture(logName).appendLine(line);
    }

    @Override
    public String logText(String logName) {
        CapturedLog captured = logs.get(logName);
        return captured == null ? "" : captured.text();
    }

    @Override
    public void replaceLog(String logName, String text) {
        capture(logName).replace(text);
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    @Override
    public ExecutionStatus follow(Duration interval, Follower follower) throws Exception {
        boolean stopAsked = false;
        while (true) {
            if (!stopAsked && store.scramRequested(execution.id())) {
                stopAsked = true;
                log(ERROR_LOG, "[jita: emergency stop: the run is asked to stop]");
                follower.stop();
            }
            if (!heldAfterDelayCheck()) {
                log.warn("Execution {} is no longer held by this node; it is no longer followed here", execution.id());
                return null;
            }
            ExecutionStatus end = follower.poll();
            flush();
            if (end != null) {
                return end;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    /** Past the delay timer: Executing (delay), once. False when this node no longer holds the execution. */
    private boolean heldAfterDelayCheck() {
        if (!delayed && delay != null && executingSince != 0 && System.nanoTime() - executingSince > delay.toNanos()) {
            delayed = true;
            return progress.setStatus(ExecutionStatus.DELAYED.id());
        }
        return progress.stillHeld();
    }

    @Override
    public void recordValues(List<ExecutionValue> values) {
        store.saveValues(execution.id(), values.stream().map(ExecutionValue::recorded).toList());
    }

    @Override
    public void keepPopulatedData(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, byte[]> entries = new LinkedHashMap<>(files);
            entries.put(VALUES_FILE, VALUES_JSON.writeValueAsBytes(store.values(execution.id())));
            for (Map.Entry<String, byte[]> file : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        keepFile("InputData_" + execution.id() + ".zip", bytes.toByteArray());
    }

    @Override
    public void keepFile(String fileName, byte[] content) {
        store.saveFile(execution.id(), fileName, content);
    }

    @Override
    public void exitCode(int exitCode) {
        store.saveExitCode(execution.id(), exitCode);
    }

    @Override
    public ToolOutcome runTool(String toolName, String logName, List<String> command, Map<String, String> environment,
                               String secretName, byte[] secret, Duration grace)
            throws IOException, InterruptedException {
        CapturedLog out = capture(logName);
        CapturedLog errors = capture(ERROR_LOG);
        Process process = start(toolName, command, environment, secretName, secret);
        List<Thread> pumps = List.of(out.pump(process.getInputStream(), toolName + "-out-" + execution.id()),
                errors.pump(process.getErrorStream(), toolName + "-err-" + execution.id()));
        boolean stopped = false;
        try {
            while (!stopped && !process.waitFor(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    flush();
                    if (store.scramRequested(execution.id())) {
                        ProcessTree.stop(process, grace);
                        stopped = true;
                    } else if (!heldAfterDelayCheck()) {
                        return lost(toolName, process);
                    }
                } catch (RuntimeException e) {
                    // A database hiccup must not end a deployment: the next tick tries again.
                    log.warn("Execution {}: watching {} failed this time: {}", execution.id(), toolName, e.getMessage());
                }
            }
            join(pumps);
            if (stopped) {
                errors.appendLine("[jita: emergency stop: " + toolName + " and its processes were stopped]");
                flush();
                return new ToolOutcome(null, true, false);
            }
            flush();
            return new ToolOutcome(process.exitValue(), false, false);
        } finally {
            if (process.isAlive()) {
                ProcessTree.kill(process);
            }
        }
    }

    private Process start(String toolName, List<String> command, Map<String, String> environment, String secretName,
                          byte[] secret) {
        try {
            return sandbox().start(command, environment, secretName, secret);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException(toolName + " was not found on node " + Sandbox.hostName() + " ("
                    + command.get(0) + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException(toolName + " could not be started on node " + Sandbox.hostName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Another node declared this one dead and ended the item: stop the run, write nothing more. */
    private ToolOutcome lost(String toolName, Process process) {
        log.warn("Execution {} is no longer held by this node; {} is killed", execution.id(), toolName);
        ProcessTree.kill(process);
        return new ToolOutcome(null, false, true);
    }

    private CapturedLog capture(String logName) {
        return logs.computeIfAbsent(logName, name -> new CapturedLog(secrets));
    }

    /** Stores the logs that changed since the last flush. */
    void flush() {
        Map<String, String> changed = new LinkedHashMap<>();
        logs.forEach((name, captured) -> {
            String text = captured.takeChanged();
            if (text != null) {
                changed.put(name, text);
            }
        });
        if (!changed.isEmpty()) {
            store.saveLogs(execution.id(), changed);
        }
    }

    /** Stores the last of the logs and removes the work directory. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            if (Files.exists(workDirectory)) {
                WorkArea.deleteTree(workDirectory);
            }
        }
    }

    /** The pumps end when the process's streams close; a process that left children holding them is not waited for. */
    private static void join(List<Thread> pumps) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Thread pump : pumps) {
            pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
