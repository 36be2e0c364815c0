package dev.jita.drivers.terraform;

import dev.jita.backyard.Backyard;
import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.ExecutionRun;
import dev.jita.execution.ExecutionStatus;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.menu.MenuService;
import dev.jita.parametersheet.SheetValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Terraform Cloud/EP driver: replaces the Terraform Cloud workspace's variables, uploads the movement's
 * modules as a configuration version, starts a run and follows it (plan, policy checks, apply or discard)
 * to its end, keeping its logs, the state version it produced (encrypted) and its outputs. The run id is
 * stored as soon as Terraform Cloud answers, so that another node follows the run when this one dies.
 */
@Component
@EnableConfigurationProperties(TerraformCloudEpProperties.class)
class TerraformCloudEpDriver implements ExecutionDriver {

    static final String NAME = "terraform_cloud_ep";
    static final String PLAN_LOG = "plan.log";
    static final String POLICY_LOG = "policyCheck.log";
    static final String APPLY_LOG = "apply.log";
    static final String OUTPUTS = TerraformCliDriver.OUTPUTS;
    static final String TARGET_FIELD = "tf_workspace_name";
    private static final Codes CODES = new Codes("499-00908", "499-00904", "499-00910");

    /** Lazily: the driver's execution list is a menu itself. */
    private final ObjectProvider<MenuService> menus;
    private final TerraformCloudEpInterface interfaceInfo;
    private final TerraformCloudEpRuns runs;
    private final TerraformCloudEpProperties properties;
    private final ObjectMapper json;
    private final SheetValues sheetValues;

    TerraformCloudEpDriver(ObjectProvider<MenuService> menus, TerraformCloudEpInterface interfaceInfo,
                           TerraformCloudEpRuns runs, TerraformCloudEpProperties properties, ObjectMapper json,
                           SheetValues sheetValues) {
        this.menus = menus;
        this.sheetValues = sheetValues;
        this.interfaceInfo = interfaceInfo;
        this.runs = runs;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backyard backyard() {
        return Backyard.TERRAFORM_CLOUD_EP_EXECUTE;
    }

    @Override
    public String title() {
        return "Terraform Cloud/EP";
    }

    @Override
    public String pagePath() {
        return "terraform-cloud-ep";
    }

    @Override
    public List<String> logNames() {
        return List.of(PLAN_LOG, POLICY_LOG, APPLY_LOG, OUTPUTS, ExecutionRun.ERROR_LOG);
    }

    @Override
    public String movementMenu() {
        return TerraformMenuSet.CLOUD_EP.movements;
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
        return TARGET_FIELD;
    }

    /** "organization:workspace", as movements name them. */
    @Override
    public List<String> targetNames(String organizationId, String workspaceId) {
        return workspaces(organizationId, workspaceId).stream().map(TerraformCloudEpDriver::organizationWorkspace).toList();
    }

    /** The movement's "organization:workspace", or for a resource deletion the one the body names. */
    @Override
    public Target target(String organizationId, String workspaceId, RunMode mode, JsonNode body,
                         MenuService.Record movement, Map<String, List<String>> reasons) {
        String field = mode == RunMode.DESTROY ? TARGET_FIELD : "movement_name";
        String name;
        if (mode == RunMode.DESTROY) {
            name = Executions.requiredText(body, TARGET_FIELD, reasons);
            if (name == null) {
                return null;
            }
        } else {
            Object workspace = movement.parameter().get("organization_workspace");
            if (workspace == null) {
                Executions.reason(reasons, field, "movement " + movement.parameter().get("movement_name")
                        + " has no organization_workspace");
                return null;
            }
            name = workspace.toString();
        }
        List<MenuService.Record> matching = workspaces(organizationId, workspaceId).stream()
                .filter(r -> name.equals(organizationWorkspace(r)) || name.equals(r.parameter().get("tf_workspace_name")))
                .toList();
        if (matching.size() != 1) {
            Executions.reason(reasons, field, (matching.isEmpty() ? "no Terraform Cloud workspace \"" : "more than one "
                    + "Terraform Cloud workspace is named \"") + name + "\" in " + TerraformMenuSet.CLOUD_EP.workspaces
                    + (matching.isEmpty() ? "" : ": name it as organization:workspace"));
            return null;
        }
        MenuService.Record record = matching.get(0);
        return new Target(record.id(), organizationWorkspace(record), NAME + ":" + record.id());
    }

    private List<MenuService.Record> workspaces(String organizationId, String workspaceId) {
        return menus.getObject().records(organizationId, workspaceId, TerraformMenuSet.CLOUD_EP.workspaces, false)
                .stream().filter(r -> !r.discarded()).toList();
    }

    private static String organizationWorkspace(MenuService.Record workspace) {
        return workspace.parameter().get("tf_organization_name") + ":" + workspace.parameter().get("tf_workspace_name");
    }

    @Override
    public ExecutionStatus run(Execution execution, ExecutionRun run) throws Exception {
        TerraformCloudEpInterface.Settings settings = interfaceInfo.settings(execution.organizationId(),
                execution.workspaceId()).orElseThrow(() -> new ExecutionRun.Unrunnable("No Terraform Cloud/Enterprise "
                + "is configured: register it in " + TerraformMenuSet.CLOUD_EP.interfaceInfo + "."));
        TfcClient client = new TfcClient(settings.baseUrl(), settings.token(), settings.proxyAddress(),
                settings.proxyPort(), properties.timeout(), json);
        String[] organizationWorkspace = execution.targetName().split(":", 2);
        CloudRun cloud = new CloudRun(execution, run, client, organizationWorkspace[0], organizationWorkspace[1]);
        try {
            if (run.resumed()) {
                run.mask(List.of(settings.token()));
                Optional<TerraformCloudEpRuns.Run> started = runs.find(execution.id());
                if (started.isEmpty()) {
                    run.log(ExecutionRun.ERROR_LOG, "[jita: the node that prepared this execution died before "
                            + "Terraform Cloud started a run for it; nothing runs there]");
                    return ExecutionStatus.UNEXPECTED_ERROR;
                }
                run.log(ExecutionRun.ERROR_LOG, "[jita: the node that followed run " + started.get().runId()
                        + " died; this node follows it on]");
                cloud.following(started.get().runId());
            } else {
                ExecutionStatus prepared = start(execution, run, settings, cloud);
                if (prepared != null) {
                    return prepared;
                }
            }
            ExecutionStatus end = run.follow(Duration.ofMillis(settings.statusMonitoringCycleMs()), cloud);
            if (end == null) {
                return ExecutionStatus.UNEXPECTED_ERROR;
            }
            TerraformOutputs.keepResultData(this, execution.id(), run);
            return end;
        } catch (TfcClient.Failed e) {
            run.log(ExecutionRun.ERROR_LOG, e.getMessage());
            if (cloud.runId() == null) {
                return ExecutionStatus.UNEXPECTED_ERROR;
            }
            TerraformOutputs.keepResultData(this, execution.id(), run);
            return ExecutionStatus.FAILED;
        }
    }

    /** Everything before the run exists: null once it is started and stored, else the end status. */
    private ExecutionStatus start(Execution execution, ExecutionRun run, TerraformCloudEpInterface.Settings settings,
                                  CloudRun cloud) throws Exception {
        boolean destroy = execution.runMode() == RunMode.DESTROY;
        TerraformPlan plan = destroy ? null
                : TerraformPlan.read(menus.getObject(), sheetValues, TerraformMenuSet.CLOUD_EP, execution);
        if (plan != null) {
            run.recordValues(plan.recorded());
        }
        Map<String, String> variables;
        try {
            variables = destroy ? Map.of() : Tfvars.expressions(plan.values());
        } catch (Tfvars.Invalid e) {
            throw new ExecutionRun.Unrunnable("The variable values cannot be given to Terraform Cloud: " + e.getMessage());
        }
        List<String> secrets = new ArrayList<>(List.of(settings.token()));
        if (plan != null) {
            secrets.addAll(plan.secrets());
        }
        run.mask(secrets);
        if (execution.runMode() == RunMode.PARAMETER_CHECK) {
            run.log(PLAN_LOG, "Parameter check: the module files and the variable values make a valid configuration; "
                    + "nothing was sent to Terraform Cloud.");
            return ExecutionStatus.COMPLETED;
        }
        run.delayTimer(plan == null ? null : plan.delayTimer());
        if (!destroy) {
            run.keepPopulatedData(WorkFiles.populatedData(plan.modules(), Tfvars.render(plan.values(), false)));
        }
        String workspaceId = cloud.findWorkspace();
        if (!destroy) {
            cloud.replaceVariables(workspaceId, variables, plainValues(plan), sensitiveVariables(plan));
        }
        String runId = cloud.createRun(workspaceId, destroy ? null : plan.modules());
        runs.started(execution.id(), workspaceId, runId);
        cloud.following(runId);
        if (!run.executing()) {
            return ExecutionStatus.UNEXPECTED_ERROR;
        }
        return null;
    }

    /** Variables given by one row that is not HCL, without member or order: their text as it is. */
    private static Map<String, String> plainValues(TerraformPlan plan) {
        Map<String, List<Tfvars.Value>> byName = new LinkedHashMap<>();
        plan.values().forEach(v -> byName.computeIfAbsent(v.variable().substring(v.variable().lastIndexOf(':') + 1),
                k -> new ArrayList<>()).add(v));
        Map<String, String> plain = new LinkedHashMap<>();
        byName.forEach((name, rows) -> {
            Tfvars.Value only = rows.get(0);
            if (rows.size() == 1 && !only.hcl() && only.member() == null && only.order() == null) {
                plain.put(name, only.value());
            }
        });
        return plain;
    }

    private static Set<String> sensitiveVariables(TerraformPlan plan) {
        Set<String> names = new HashSet<>();
        plan.values().stream().filter(Tfvars.Value::sensitive)
                .forEach(v -> names.add(v.variable().substring(v.variable().lastIndexOf(':') + 1)));
        return names;
    }

    /** One execution's conversation with Terraform Cloud. */
    private final class CloudRun implements ExecutionRun.Follower {

        private final Execution execution;
        private final ExecutionRun run;
        private final TfcClient client;
        private final String organization;
        private final String workspace;
        private String runId;
        private boolean confirmed;
        private int failedPolls;

        CloudRun(Execution execution, ExecutionRun run, TfcClient client, String organization, String workspace) {
            this.execution = execution;
            this.run = run;
            this.client = client;
            this.organization = organization;
            this.workspace = workspace;
        }

        String runId() {
            return runId;
        }

        void following(String id) {
            runId = id;
        }

        /** The Terraform Cloud workspace's id; a plan-only run needs a workspace that does not apply by itself. */
        String findWorkspace() throws TfcClient.Failed, InterruptedException, ExecutionRun.Unrunnable {
            boolean found = false;
            for (JsonNode org : client.get("/organizations").path("data")) {
                found |= organization.equals(org.path("attributes").path("name").asString(""));
            }
            if (!found) {
                throw new ExecutionRun.Unrunnable("Terraform Cloud has no organization " + organization
                        + " that this token can see.");
            }
            for (int page = 1; ; page++) {
                JsonNode answer = client.get("/organizations/" + organization + "/workspaces?page%5Bnumber%5D=" + page
                        + "&page%5Bsize%5D=100");
                for (JsonNode candidate : answer.path("data")) {
                    if (workspace.equals(candidate.path("attributes").path("name").asString(""))) {
                        if (execution.runMode() == RunMode.DRY_RUN
                                && candidate.path("attributes").path("auto-apply").asBoolean(false)) {
                            throw new ExecutionRun.Unrunnable("Terraform Cloud workspace " + organization + ":"
                                    + workspace + " applies automatically: a plan-only run would apply.");
                        }
                        return candidate.path("id").asString();
                    }
                }
                JsonNode pagination = answer.path("meta").path("pagination");
                if (pagination.path("current-page").asInt(1) >= pagination.path("total-pages").asInt(1)) {
                    throw new ExecutionRun.Unrunnable("Terraform Cloud organization " + organization
                            + " has no workspace " + workspace + ".");
                }
            }
        }

        /**
         * The workspace's variables become exactly the execution's: TF_CLI_ARGS first, then each variable, a
         * plain string as Terraform Cloud takes one by default, anything else as one HCL expression.
         */
        void replaceVariables(String workspaceId, Map<String, String> variables, Map<String, String> plainValues,
                              Set<String> sensitive) throws TfcClient.Failed, InterruptedException {
            for (JsonNode existing : client.get("/workspaces/" + workspaceId + "/vars").path("data")) {
                client.delete("/vars/" + existing.path("id").asString());
            }
            postVariable(workspaceId, "TF_CLI_ARGS", "-no-color", "env", false, false);
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                String plain = plainValues.get(variable.getKey());
                postVariable(workspaceId, variable.getKey(), plain == null ? variable.getValue() : plain, "terraform",
                        plain == null, sensitive.contains(variable.getKey()));
            }
        }

        private void postVariable(String workspaceId, String key, String value, String category, boolean hcl,
                                  boolean sensitive) throws TfcClient.Failed, InterruptedException {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("key", key);
            attributes.put("value", value);
            attributes.put("category", category);
            attributes.put("hcl", hcl);
            attributes.put("sensitive", sensitive);
            client.post("/vars", Map.of("data", Map.of("type", "vars", "attributes", attributes,
                    "relationships", Map.of("workspace", Map.of("data", Map.of("id", workspaceId, "type", "workspaces"))))),
                    201);
        }

        /** Uploads the modules (unless destroying) and starts the run; its id. */
        String createRun(String workspaceId, Map<String, byte[]> modules) throws Exception {
            Map<String, Object> relationships = new LinkedHashMap<>();
            relationships.put("workspace", Map.of("data", Map.of("type", "workspaces", "id", workspaceId)));
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (modules != null) {
                JsonNode version = client.post("/workspaces/" + workspaceId + "/configuration-versions",
                        Map.of("data", Map.of("type", "configuration-versions",
                                "attributes", Map.of("auto-queue-runs", false, "speculative", false))), 201).path("data");
                String uploadUrl = version.path("attributes").path("upload-url").asString("");
                if (uploadUrl.isEmpty()) {
                    throw new TfcClient.Failed("POST /workspaces/" + workspaceId
                            + "/configuration-versions answered without an upload-url", 201);
                }
                client.upload(uploadUrl, TarGz.of(modules));
                relationships.put("configuration-version", Map.of("data",
                        Map.of("type", "configuration-versions", "id", version.path("id").asString())));
                attributes.put("is-destroy", false);
                attributes.put("message", "jita execution " + execution.id());
            } else {
                attributes.put("is-destroy", true);
                attributes.put("message", "Triggered Destroy");
            }
            JsonNode created = client.post("/runs", Map.of("data", Map.of("type", "runs", "attributes", attributes,
                    "relationships", relationships)), 201).path("data");
            String id = created.path("id").asString("");
            if (id.isEmpty()) {
                throw new TfcClient.Failed("POST /runs answered without the run's id", 201);
            }
            return id;
        }

        @Override
        public ExecutionStatus poll() throws Exception {
            try {
                ExecutionStatus end = look();
                failedPolls = 0;
                return end;
            } catch (TfcClient.Failed e) {
                if (e.status() != 0 && e.status() < 500 || ++failedPolls >= properties.pollFailures()) {
                    throw e;
                }
                run.log(ExecutionRun.ERROR_LOG, "[jita: following run " + runId + " failed this time ("
                        + failedPolls + "/" + properties.pollFailures() + "): " + e.getMessage() + "]");
                return null;
            }
        }

        private ExecutionStatus look() throws Exception {
            JsonNode data = client.get("/runs/" + runId).path("data");
            String status = data.path("attributes").path("status").asString("");
            JsonNode actions = data.path("attributes").path("actions");
            String planId = data.path("relationships").path("plan").path("data").path("id").asString("");
            String applyId = data.path("relationships").path("apply").path("data").path("id").asString("");
            if (!planId.isEmpty()) {
                copyLog("/plans/" + planId, PLAN_LOG);
            }
            switch (status) {
                case "canceled", "force_canceled" -> {
                    return ExecutionStatus.EMERGENCY_STOP;
                }
                case "errored" -> {
                    copyApplyLog(applyId);
                    policiesPassed();
                    run.log(ExecutionRun.ERROR_LOG, "Terraform Cloud run " + runId + " errored.");
                    return ExecutionStatus.FAILED;
                }
                case "discarded" -> {
                    if (execution.runMode() == RunMode.DRY_RUN) {
                        return ExecutionStatus.COMPLETED;
                    }
                    run.log(ExecutionRun.ERROR_LOG, "Terraform Cloud run " + runId + " was discarded.");
                    return ExecutionStatus.FAILED;
                }
                case "planned_and_finished" -> {
                    return policiesPassed() ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED;
                }
                case "applied" -> {
                    copyApplyLog(applyId);
                    return keepState();
                }
                default -> {
                    copyApplyLog(applyId);
                }
            }
            if (actions.path("is-confirmable").asBoolean(false) && !confirmed) {
                if (!policiesPassed()) {
                    discard();
                    return ExecutionStatus.FAILED;
                }
                confirmed = true;
                if (execution.runMode() == RunMode.DRY_RUN) {
                    discard();
                } else {
                    client.post("/runs/" + runId + "/actions/apply", Map.of("comment", "jita execution " + execution.id()),
                            202);
                }
            }
            return null;
        }

        /** False when a policy check failed (its output is in policyCheck.log). No policy: nothing to check. */
        private boolean policiesPassed() throws TfcClient.Failed, InterruptedException {
            JsonNode checks = client.get("/runs/" + runId + "/policy-checks").path("data");
            boolean passed = true;
            StringBuilder outputs = new StringBuilder();
            for (JsonNode check : checks) {
                String output = check.path("links").path("output").asString("");
                if (!output.isEmpty()) {
                    outputs.append(client.getText(output));
                }
                JsonNode result = check.path("attributes").path("result");
                passed &= result.path("result").asBoolean(false)
                        && !"hard_failed".equals(check.path("attributes").path("status").asString(""));
            }
            if (!checks.isEmpty()) {
                run.replaceLog(POLICY_LOG, outputs.toString());
            }
            if (!passed) {
                run.log(ExecutionRun.ERROR_LOG, "A policy check of Terraform Cloud run " + runId + " failed.");
            }
            return passed;
        }

        private void discard() throws TfcClient.Failed, InterruptedException {
            client.post("/runs/" + runId + "/actions/discard", Map.of("comment", "jita: plan only"), 202);
        }

        private void copyApplyLog(String applyId) throws TfcClient.Failed, InterruptedException {
            if (!applyId.isEmpty()) {
                copyLog("/applies/" + applyId, APPLY_LOG);
            }
        }

        private void copyLog(String path, String logName) throws TfcClient.Failed, InterruptedException {
            String url = client.get(path).path("data").path("attributes").path("log-read-url").asString("");
            if (!url.isEmpty()) {
                run.replaceLog(logName, client.download(url));
            }
        }

        /** The state version of this run, kept encrypted; its outputs shown. Missing: Completed (error). */
        private ExecutionStatus keepState() throws Exception {
            JsonNode versions = client.get("/state-versions?filter%5Bworkspace%5D%5Bname%5D=" + workspace
                    + "&filter%5Borganization%5D%5Bname%5D=" + organization + "&page%5Bsize%5D=10").path("data");
            for (JsonNode version : versions) {
                if (runId.equals(version.path("relationships").path("run").path("data").path("id").asString(""))) {
                    String url = version.path("attributes").path("hosted-state-download-url").asString("");
                    byte[] state = client.download(url).getBytes(StandardCharsets.UTF_8);
                    runs.state(execution.id(), version.path("id").asString(), state);
                    TerraformOutputs.log(json, state, run, OUTPUTS);
                    return ExecutionStatus.COMPLETED;
                }
            }
            run.log(ExecutionRun.ERROR_LOG, "Terraform Cloud has no state version of run " + runId + ".");
            return ExecutionStatus.FAILED;
        }

        @Override
        public void stop() throws Exception {
            try {
                client.post("/runs/" + runId + "/actions/cancel", Map.of("comment", "jita: emergency stop"), 202);
            } catch (TfcClient.Failed e) {
                run.log(ExecutionRun.ERROR_LOG, "[jita: the run could not be cancelled: " + e.getMessage() + "]");
            }
        }
    }
}
