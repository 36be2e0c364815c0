package dev.jita.drivers.ansible;

import dev.jita.backyard.Backyard;
import dev.jita.core.UntrustedText;
import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionRun;
import dev.jita.execution.ExecutionStatus;
import dev.jita.execution.RunMode;
import dev.jita.execution.ToolOutcome;
import dev.jita.execution.ToolRun;
import dev.jita.menu.MenuService;
import dev.jita.parametersheet.SheetValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The Ansible (legacy) driver: builds a work directory from the workspace's menus and runs
 * ansible-playbook in it (with {@code --check} for a dry run), keeping what the playbooks wrote to
 * output/.
 */
@Component
@EnableConfigurationProperties(AnsibleProperties.class)
class AnsibleDriver implements ExecutionDriver {

    static final String NAME = "ansible_legacy";
    static final String MOVEMENTS = "movement_list_ansible_legacy";
    static final String OPERATIONS = "operation_list";
    private static final Logger log = LoggerFactory.getLogger(AnsibleDriver.class);
    /** MariaDB's default packet size is 16 MB; larger files would fail there anyway. */
    private static final long MAX_OUTPUT_FILE_BYTES = 15L * 1024 * 1024;
    static final String CONSOLE_LOG = "console";

    /** Lazily: the driver's execution list is a menu itself. */
    private final ObjectProvider<MenuService> menus;
    private final AnsibleProperties properties;
    private final ObjectMapper json;
    private final SheetValues sheetValues;

    AnsibleDriver(ObjectProvider<MenuService> menus, AnsibleProperties properties, ObjectMapper json,
                  SheetValues sheetValues) {
        this.menus = menus;
        this.sheetValues = sheetValues;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backyard backyard() {
        return Backyard.ANSIBLE_EXECUTE;
    }

    @Override
    public String title() {
        return "Ansible Legacy";
    }

    @Override
    public String pagePath() {
        return "ansible";
    }

    @Override
    public List<String> logNames() {
        return List.of(CONSOLE_LOG, ExecutionRun.ERROR_LOG);
    }

    @Override
    public String movementMenu() {
        return MOVEMENTS;
    }

    @Override
    public Set<RunMode> modes() {
        return Set.of(RunMode.RUN, RunMode.DRY_RUN);
    }

    @Override
    public ExecutionStatus run(Execution execution, ExecutionRun run) throws Exception {
        AnsiblePlan plan = AnsiblePlan.read(menus.getObject(), sheetValues, execution);
        run.mask(plan.passwords());
        // Before the values are recorded: a file's value is its path as the tool sees the work directory.
        ToolRun tool = run.sandbox();
        run.recordValues(plan.values(tool.workDir()));
        run.delayTimer(plan.delayTimer());
        WorkDirectory work = new WorkDirectory(run.workDirectory());
        work.prepare(plan);
        run.keepPopulatedData(work.populatedData(plan));
        if (!run.executing()) {
            return ExecutionStatus.UNEXPECTED_ERROR;
        }
        ToolOutcome outcome = run.runTool("ansible-playbook", CONSOLE_LOG, command(execution, tool),
                environment(tool), WorkDirectory.INVENTORY, WorkDirectory.inventory(plan, tool.workDir()), Duration.ZERO);
        if (outcome.lost()) {
            return ExecutionStatus.UNEXPECTED_ERROR;
        }
        if (outcome.stopped()) {
            return ExecutionStatus.EMERGENCY_STOP;
        }
        keepOutputFiles(work, run);
        run.exitCode(outcome.exitCode());
        return outcome.succeeded() ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED;
    }

    private List<String> command(Execution execution, ToolRun tool) {
        String outputDir = tool.workDir().resolve(WorkDirectory.OUTPUT).toString();
        List<String> command = new ArrayList<>(List.of(properties.command(), "-i",
                tool.secretFile(WorkDirectory.INVENTORY).toString(), WorkDirectory.SITE,
                "-e", json.writeValueAsString(Map.of("jita_output_dir", outputDir))));
        if (execution.runMode() == RunMode.DRY_RUN) {
            command.add("--check");
        }
        return command;
    }

    private static Map<String, String> environment(ToolRun tool) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ANSIBLE_HOST_KEY_CHECKING", "False");
        environment.put("ANSIBLE_NOCOLOR", "1");
        environment.put("ANSIBLE_RETRY_FILES_ENABLED", "False");
        environment.put("ANSIBLE_LOCAL_TEMP", tool.tempDir().resolve("ansible-local").toString());
        environment.put("ANSIBLE_REMOTE_TEMP", tool.tempDir().resolve("ansible-remote").toString());
        // Python buffers a pipe; unbuffered, the log shows each task as it runs.
        environment.put("PYTHONUNBUFFERED", "1");
        return environment;
    }

    /** The run itself is over: a file that cannot be kept is reported in the error log, not fatal. */
    private static void keepOutputFiles(WorkDirectory work, ExecutionRun run) throws IOException {
        for (Path file : work.outputFiles()) {
            String name = file.getFileName().toString();
            long size = Files.size(file);
            if (size > MAX_OUTPUT_FILE_BYTES) {
                run.log(ExecutionRun.ERROR_LOG, "[jita: output file " + name + " (" + size + " bytes) is larger than "
                        + MAX_OUTPUT_FILE_BYTES + " bytes and was not kept]");
                continue;
            }
            try {
                run.keepFile(name, WorkDirectory.read(file));
            } catch (RuntimeException e) {
                log.warn("Output file {} could not be stored", UntrustedText.forLog(name), e);
                run.log(ExecutionRun.ERROR_LOG, "[jita: output file " + name + " (" + size
                        + " bytes) could not be kept in the database]");
            }
        }
    }
}
