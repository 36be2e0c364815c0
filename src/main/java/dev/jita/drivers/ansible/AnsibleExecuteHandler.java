package dev.jita.drivers.ansible;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import dev.jita.core.UntrustedText;
import dev.jita.execution.Sandbox;
import dev.jita.execution.ToolRun;
import dev.jita.execution.WorkArea;
import dev.jita.menu.MenuService;
import java.io.IOException;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs Ansible (legacy) executions: builds a work directory from the workspace's menus, runs
 * ansible-playbook in it and watches it once a second (logs to the database, emergency stop, delay timer,
 * whether this node still holds the item). {@code jita.ansible.enabled=false} keeps a node from running
 * them, e.g. where ansible is not installed; the other nodes then do.
 */
@Component
@ConditionalOnProperty(name = "jita.ansible.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AnsibleProperties.class)
class AnsibleExecuteHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(AnsibleExecuteHandler.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /** MariaDB's default packet size is 16 MB; larger files would fail there anyway. */
    private static final long MAX_OUTPUT_FILE_BYTES = 15L * 1024 * 1024;
    private static final int EXECUTING = 3;
    private static final int DELAYED = 4;
    private static final int COMPLETED = 5;
    private static final int FAILED = 6;
    private static final int UNEXPECTED = 7;
    private static final int EMERGENCY_STOP = 8;

    private final AnsibleExecutions executions;
    private final MenuService menus;
    private final AnsibleProperties properties;
    private final ObjectMapper json;
    private final WorkArea workArea;
    private final Sandbox sandbox;

    AnsibleExecuteHandler(AnsibleExecutions executions, MenuService menus, AnsibleProperties properties,
                          ObjectMapper json, WorkArea workArea, Sandbox sandbox) {
        this.executions = executions;
        this.menus = menus;
        this.properties = properties;
        this.json = json;
        this.workArea = workArea;
        this.sandbox = sandbox;
    }

    @Override
    public Backyard backyard() {
        return Backyard.ANSIBLE_EXECUTE;
    }

    @Override
    public int run(ClaimedItem item, ItemProgress progress) throws Exception {
        AnsibleExecutions.Execution execution = executions.find(item.itemId())
                .orElseThrow(() -> new IllegalStateException("No Ansible execution is registered as " + item.itemId()));
        AnsiblePlan plan;
        try {
            plan = AnsiblePlan.read(menus, execution);
        } catch (AnsiblePlan.Unrunnable e) {
            executions.saveLogs(execution.id(), null, e.getMessage() + "\n");
            return FAILED;
        }
        WorkDirectory work = new WorkDirectory(workArea.directoryFor(execution.id()));
        try {
            work.prepare(plan);
            ToolRun tool = sandbox.prepare(work.root());
            if (!progress.setStatus(EXECUTING)) {
                return UNEXPECTED;
            }
            return runPlaybooks(execution, plan, work, tool, progress);
        } finally {
            try {
                work.delete();
            } catch (IOException e) {
                log.warn("The work directory of execution {} could not be deleted: {}", execution.id(), e.getMessage());
            }
        }
    }

    private int runPlaybooks(AnsibleExecutions.Execution execution, AnsiblePlan plan, WorkDirectory work,
                             ToolRun tool, ItemProgress progress) throws IOException, InterruptedException {
        CapturedLog console = new CapturedLog(plan.passwords());
        CapturedLog errors = new CapturedLog(plan.passwords());
        if (!tool.sandboxed()) {
            errors.appendLine("[jita: this node runs playbooks WITHOUT a sandbox (jita.execution.sandbox=false)]");
        }
        Process process = start(execution, plan, tool);
        List<Thread> pumps = List.of(console.pump(process.getInputStream(), "ansible-out-" + execution.id()),
                errors.pump(process.getErrorStream(), "ansible-err-" + execution.id()));
        Duration delay = plan.delayTimer() == null ? null : properties.delayTimerUnit().multipliedBy(plan.delayTimer());
        long started = System.nanoTime();
        boolean delayed = false;
        boolean stopped = false;
        try {
            while (!stopped && !process.waitFor(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    flush(execution.id(), console, errors);
                    if (executions.scramRequested(execution.id())) {
                        killTree(process);
                        stopped = true;
                    } else if (!delayed && delay != null && System.nanoTime() - started > delay.toNanos()) {
                        delayed = true;
                        if (!progress.setStatus(DELAYED)) {
                            return lost(execution, process);
                        }
                    } else if (!progress.stillHeld()) {
                        return lost(execution, process);
                    }
                } catch (RuntimeException e) {
                    // A database hiccup must not end a deployment: the next tick tries again.
                    log.warn("Execution {}: watching ansible-playbook failed this time: {}", execution.id(), e.getMessage());
                }
            }
            join(pumps);
            if (stopped) {
                errors.appendLine("[jita: emergency stop: ansible-playbook and its processes were killed]");
                flush(execution.id(), console, errors);
                return EMERGENCY_STOP;
            }
            int exitCode = process.exitValue();
            keepOutputFiles(execution, work, errors);
            executions.saveExitCode(execution.id(), exitCode);
            flush(execution.id(), console, errors);
            return exitCode == 0 ? COMPLETED : FAILED;
        } finally {
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    /** The run itself is over: a file that cannot be kept is reported in the error log, not fatal. */
    private void keepOutputFiles(AnsibleExecutions.Execution execution, WorkDirectory work, CapturedLog errors)
            throws IOException {
        for (Path file : work.outputFiles()) {
            String name = file.getFileName().toString();
            long size = Files.size(file);
            if (size > MAX_OUTPUT_FILE_BYTES) {
                errors.appendLine("[jita: output file " + name + " (" + size + " bytes) is larger than "
                        + MAX_OUTPUT_FILE_BYTES + " bytes and was not kept]");
                continue;
            }
            try {
                executions.saveFile(execution.id(), name, WorkDirectory.read(file));
            } catch (RuntimeException e) {
                log.warn("Execution {}: output file {} could not be stored", execution.id(), UntrustedText.forLog(name), e);
                errors.appendLine("[jita: output file " + name + " (" + size + " bytes) could not be kept in the database]");
            }
        }
    }

    private Process start(AnsibleExecutions.Execution execution, AnsiblePlan plan, ToolRun tool) {
        String outputDir = tool.workDir().resolve(WorkDirectory.OUTPUT).toString();
        List<String> command = new ArrayList<>(List.of(properties.command(), "-i",
                tool.secretFile(WorkDirectory.INVENTORY).toString(), WorkDirectory.SITE,
                "-e", json.writeValueAsString(Map.of("jita_output_dir", outputDir))));
        if (execution.dryRun()) {
            command.add("--check");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ANSIBLE_HOST_KEY_CHECKING", "False");
        environment.put("ANSIBLE_NOCOLOR", "1");
        environment.put("ANSIBLE_RETRY_FILES_ENABLED", "False");
        environment.put("ANSIBLE_LOCAL_TEMP", tool.tempDir().resolve("ansible-local").toString());
        environment.put("ANSIBLE_REMOTE_TEMP", tool.tempDir().resolve("ansible-remote").toString());
        // Python buffers a pipe; unbuffered, the log shows each task as it runs.
        environment.put("PYTHONUNBUFFERED", "1");
        try {
            return tool.start(command, environment, WorkDirectory.INVENTORY, WorkDirectory.inventory(plan));
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("ansible-playbook was not found on node " + Sandbox.hostName() + " ("
                    + properties.command() + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException("ansible-playbook could not be started on node " + Sandbox.hostName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Another node declared this one dead and ended the item: stop the run, write nothing more. */
    private int lost(AnsibleExecutions.Execution execution, Process process) {
        log.warn("Execution {} is no longer held by this node; ansible-playbook is killed", execution.id());
        killTree(process);
        return UNEXPECTED;
    }

    private void flush(String id, CapturedLog console, CapturedLog errors) {
        String consoleText = console.takeChanged();
        String errorText = errors.takeChanged();
        if (consoleText != null || errorText != null) {
            executions.saveLogs(id, consoleText == null ? console.text() : consoleText,
                    errorText == null ? errors.text() : errorText);
        }
    }

    /**
     * ansible-playbook forks workers and modules: kill them all. The parent goes first so that it forks no
     * new worker; each of its descendants then takes its own children with it.
     */
    private static void killTree(Process process) {
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

    /** The pumps end when the process's streams close; a process that left children holding them is not waited for. */
    private static void join(List<Thread> pumps) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Thread pump : pumps) {
            pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
