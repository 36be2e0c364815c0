package dev.jita.drivers.terraform;

import dev.jita.backyard.Backyard;
import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionRun;
import dev.jita.execution.ExecutionStatus;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.execution.ToolOutcome;
import dev.jita.execution.ToolRun;
import dev.jita.menu.MenuService;
import dev.jita.parametersheet.SheetValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Terraform CLI driver: runs {@code terraform init}, {@code plan} and {@code apply} (or {@code destroy})
 * in a fresh work directory made from the movement's module files and the operation's variable values. The
 * state of each Terraform workspace lives in the database, so any node continues it, and the exclusive key
 * of the Terraform workspace keeps its runs one at a time across nodes.
 */
@Component
@EnableConfigurationProperties(TerraformCliProperties.class)
class TerraformCliDriver implements ExecutionDriver {

    static final String NAME = "terraform_cli";
    static final String INIT_LOG = "init.log";
    static final String PLAN_LOG = "plan.log";
    static final String APPLY_LOG = "apply.log";
    static final String OUTPUTS = "outputs.json";
    static final String TF_WORKSPACE_NAME = "tf_workspace_name";
    static final String STATE_FILE = "terraform.tfstate";
    static final String TFVARS = "terraform.tfvars";
    static final String SECURE_TFVARS = "secure.tfvars";
    static final String LOCK_FILE = ".terraform.lock.hcl";
    private static final Codes CODES = new Codes("499-00908", "499-00904", "499-00910");

    /** Lazily: the driver's execution list is a menu itself. */
    private final ObjectProvider<MenuService> menus;
    private final TerraformStates states;
    private final TerraformCliProperties properties;
    private final ObjectMapper json;
    private final SheetValues sheetValues;

    TerraformCliDriver(ObjectProvider<MenuService> menus, TerraformStates states, TerraformCliProperties properties,
                       ObjectMapper json, SheetValues sheetValues) {
        this.menus = menus;
        this.sheetValues = sheetValues;
        this.states = states;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backyard backyard() {
        return Backyard.TERRAFORM_CLI_EXECUTE;
    }

    @Override
    public String title() {
        return "Terraform CLI";
    }

    @Override
    public String pagePath() {
        return "terraform-cli";
    }

    @Override
    public List<String> logNames() {
        return List.of(INIT_LOG, PLAN_LOG, APPLY_LOG, OUTPUTS, ExecutionRun.ERROR_LOG);
    }

    @Override
    public String movementMenu() {
        return TerraformCliMenus.MOVEMENTS;
    }

    @Override
    public Set<RunMode> modes() {
        return Set.of(RunMode.RUN, RunMode.DRY_RUN, RunMode.PARAMETER_CHECK, RunMode.DESTROY);
    }

    @Override
    public Codes codes() {
        return CODES;
    }

    @Override
    public String targetField() {
        return TF_WORKSPACE_NAME;
    }

    @Override
    public List<String> targetNames(String organizationId, String workspaceId) {
        return workspaces(organizationId, workspaceId).stream().map(r -> (String) r.parameter().get(TF_WORKSPACE_NAME))
                .toList();
    }

    /** The movement's Terraform workspace, or for a resource deletion the one the body names. */
    @Override
    public Target target(String organizationId, String workspaceId, RunMode mode, JsonNode body,
                         MenuService.Record movement, Map<String, List<String>> reasons) {
        String field = mode == RunMode.DESTROY ? TF_WORKSPACE_NAME : "movement_name";
        String name;
        if (mode == RunMode.DESTROY) {
            name = Executions.requiredText(body, TF_WORKSPACE_NAME, reasons);
            if (name == null) {
                return null;
            }
        } else {
            Object workspace = movement.parameter().get("workspace_name");
            if (workspace == null) {
                Executions.reason(reasons, field, "movement " + movement.parameter().get("movement_name")
                        + " has no Terraform workspace");
                return null;
            }
            name = workspace.toString();
        }
        return workspaces(organizationId, workspaceId).stream().filter(r -> name.equals(r.parameter().get(TF_WORKSPACE_NAME)))
                .findFirst()
                .map(r -> new Target(r.id(), name, NAME + ":" + r.id()))
                .orElseGet(() -> {
                    Executions.reason(reasons, field, "no " + TF_WORKSPACE_NAME + " \"" + name + "\" in "
                            + TerraformCliMenus.WORKSPACES);
                    return null;
                });
    }

    private List<MenuService.Record> workspaces(String organizationId, String workspaceId) {
        return menus.getObject().records(organizationId, workspaceId, TerraformCliMenus.WORKSPACES, false).stream()
                .filter(r -> !r.discarded()).toList();
    }

    @Override
    public ExecutionStatus run(Execution execution, ExecutionRun run) throws Exception {
        TerraformStates.Stored stored = states.load(execution.organizationId(), execution.workspaceId(),
                execution.target());
        TerraformPlan plan = execution.runMode() == RunMode.DESTROY ? null
                : TerraformPlan.read(menus.getObject(), sheetValues, TerraformMenuSet.CLI, execution);
        WorkFiles files = plan == null ? WorkFiles.restore(stored, execution) : WorkFiles.of(plan);
        if (plan != null) {
            run.recordValues(plan.recorded());
        }
        run.mask(files.secrets());
        run.delayTimer(files.delayTimer());
        if (execution.runMode() == RunMode.PARAMETER_CHECK) {
            run.log(PLAN_LOG, "Parameter check: the module files and the variable values make a valid "
                    + "configuration; nothing was run.");
            return ExecutionStatus.COMPLETED;
        }
        Path work = run.workDirectory();
        files.write(work);
        if (stored.state() != null) {
            WorkFiles.writeFile(work, STATE_FILE, stored.state());
        }
        run.keepPopulatedData(files.populatedData());
        ToolRun tool = run.sandbox();
        if (!run.executing()) {
            return ExecutionStatus.UNEXPECTED_ERROR;
        }
        ExecutionStatus status = commands(execution, run, tool, files);
        TerraformOutputs.keepResultData(this, execution.id(), run);
        return status;
    }

    /** init, plan, then apply or destroy: the first that fails ends the run. */
    private ExecutionStatus commands(Execution execution, ExecutionRun run, ToolRun tool, WorkFiles files)
            throws IOException, InterruptedException {
        boolean destroy = execution.runMode() == RunMode.DESTROY;
        ToolOutcome init = terraform(run, tool, INIT_LOG, files, false, "init");
        if (!init.succeeded()) {
            return ended(init, execution, run, files);
        }
        ToolOutcome plan = destroy ? terraform(run, tool, PLAN_LOG, files, true, "plan", "-destroy")
                : terraform(run, tool, PLAN_LOG, files, true, "plan");
        if (!plan.succeeded() || execution.runMode() == RunMode.DRY_RUN) {
            return ended(plan, execution, run, files);
        }
        ToolOutcome apply = terraform(run, tool, APPLY_LOG, files, true, destroy ? "destroy" : "apply",
                "-auto-approve");
        ExecutionStatus status = ended(apply, execution, run, files);
        if (status == ExecutionStatus.COMPLETED && !destroy) {
            keepOutputs(run, tool.hostWorkDir().resolve(STATE_FILE));
        }
        return status;
    }

    /**
     * The status a command's outcome gives; whatever state terraform wrote is kept (an emergency stop or a
     * failed apply may have changed resources), except where another node has taken over the run.
     */
    private ExecutionStatus ended(ToolOutcome outcome, Execution execution, ExecutionRun run, WorkFiles files)
            throws IOException {
        if (outcome.lost()) {
            return ExecutionStatus.UNEXPECTED_ERROR;
        }
        keepState(execution, run.workDirectory(), files);
        if (outcome.stopped()) {
            return ExecutionStatus.EMERGENCY_STOP;
        }
        run.exitCode(outcome.exitCode());
        return outcome.succeeded() ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED;
    }

    private ToolOutcome terraform(ExecutionRun run, ToolRun tool, String log, WorkFiles files, boolean withVariables,
                                  String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(properties.command());
        command.add(arguments[0]);
        command.add("-no-color");
        command.add("-input=false");
        command.addAll(Arrays.asList(arguments).subList(1, arguments.length));
        boolean secure = withVariables && files.secureTfvars() != null;
        if (secure) {
            command.add("-var-file=" + tool.secretFile(SECURE_TFVARS));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TF_IN_AUTOMATION", "1");
        environment.put("CHECKPOINT_DISABLE", "1");
        return run.runTool("terraform", log, command, environment, secure ? SECURE_TFVARS : null,
                secure ? files.secureTfvars().getBytes(StandardCharsets.UTF_8) : null, properties.stopGrace());
    }

    /** Stores the state terraform left when it differs from the stored one, with the configuration it belongs to. */
    private void keepState(Execution execution, Path work, WorkFiles files) throws IOException {
        Path stateFile = work.resolve(STATE_FILE);
        if (!Files.isRegularFile(stateFile, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        byte[] state = WorkFiles.read(stateFile);
        byte[] lock = Files.isRegularFile(work.resolve(LOCK_FILE), LinkOption.NOFOLLOW_LINKS)
                ? WorkFiles.read(work.resolve(LOCK_FILE)) : null;
        states.save(execution.organizationId(), execution.workspaceId(), execution.target(), execution.targetName(),
                execution.id(), state, files.configuration(lock));
    }

    /** The outputs, read from the state terraform wrote (no process needed). */
    private void keepOutputs(ExecutionRun run, Path stateFile) throws IOException {
        if (Files.isRegularFile(stateFile, LinkOption.NOFOLLOW_LINKS)) {
            TerraformOutputs.log(json, WorkFiles.read(stateFile), run, OUTPUTS);
        }
    }
}
