package dev.jita.drivers.terraform;

import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionDriver;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import dev.jita.platform.ItaDriver;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code execution_list_terraform_cli} and {@code execution_list_terraform_cloud_ep}: a Terraform driver's
 * executions as a read-only menu. The CLI's rows name the Terraform workspace, the Cloud/EP's the
 * "organization:workspace" and the Terraform Cloud run.
 */
class TerraformExecutionList implements MenuCatalog.MenuProvider, MenuRecordSource {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Map<RunMode, String> EXECUTION_TYPES = Map.of(RunMode.RUN, "Normal",
            RunMode.DRY_RUN, "Plan check", RunMode.PARAMETER_CHECK, "Parameter confirmation",
            RunMode.DESTROY, "Delete resource");
    private static final List<Column> FIRST = List.of(
            Column.id("execution_no", "Execution No.", "作業No."),
            text("execution_type", "Execution type", "実行種別", 255),
            text("status", "Status", "ステータス", 255),
            text("caller_conductor", "Caller conductor", "呼出元Conductor", 255),
            text("execution_user", "Execution user", "実行ユーザ", 255),
            Column.dateTime("register_time", "Register time", "登録日時", false).filledByJita(),
            text("movement_id", "Movement ID", "Movement ID", 40),
            text("movement_name", "Movement name", "Movement名", 255),
            Column.integer("delay_timer", "Delay timer", "遅延タイマー", false, 0, Integer.MAX_VALUE).filledByJita());
    private static final List<Column> CLI_TARGET = List.of(
            text("workspace_id", "Workspace ID", "Workspace ID", 40),
            text("tf_workspace_name", "Workspace name", "Workspace名", 255));
    private static final List<Column> CLOUD_TARGET = List.of(
            text("organization_workspace", "Organization:Workspace", "Organization:Workspace", 255),
            text("run_id", "RUN-ID", "RUN-ID", 64));
    private static final List<Column> LAST = List.of(
            text("operation_id", "Operation ID", "オペレーションID", 40),
            text("operation_name", "Operation name", "オペレーション名", 255),
            text("populated_data", "Populated data", "投入データ", 255),
            text("result_data", "Result data", "結果データ", 255),
            Column.dateTime("scheduled_date_time", "Scheduled date/time", "予約日時", false).filledByJita(),
            Column.dateTime("start_date_time", "Start date/time", "開始日時", false).filledByJita(),
            Column.dateTime("end_date_time", "End date/time", "終了日時", false).filledByJita(),
            text("conductor_instance_id", "Conductor instance ID", "Conductorインスタンス番号", 40));

    private final MenuDefinition definition;
    private final ItaDriver itaDriver;
    private final boolean cloud;
    private final Executions executions;
    private final ExecutionDriver driver;
    private final TerraformMenuSet set;
    /** Lazily: this menu is one of those the menu engine is built with. */
    private final ObjectProvider<MenuService> menus;
    /** The Cloud/EP runs, by execution; null for the CLI. */
    private final TerraformCloudEpRuns runs;

    TerraformExecutionList(Executions executions, ExecutionDriver driver, TerraformMenuSet set, ItaDriver itaDriver,
                           ObjectProvider<MenuService> menus, TerraformCloudEpRuns runs) {
        this.executions = executions;
        this.driver = driver;
        this.set = set;
        this.itaDriver = itaDriver;
        this.menus = menus;
        this.runs = runs;
        this.cloud = runs != null;
        List<Column> columns = new ArrayList<>(FIRST);
        columns.addAll(cloud ? CLOUD_TARGET : CLI_TARGET);
        columns.addAll(LAST);
        this.definition = new MenuDefinition("execution_list_" + set.suffix, "Execution list", "作業管理", columns,
                List.of(), false);
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(definition);
    }

    @Override
    public ItaDriver driver() {
        return itaDriver;
    }

    @Override
    public String menu() {
        return definition.restName();
    }

    /** The delay timer is the movement's as it is now; the conductor columns name the instance that registered it. */
    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        Map<String, Object> delays = delayTimers(organizationId, workspaceId);
        return executions.list(driver, organizationId, workspaceId).stream()
                .map(listed -> new MenuService.Record(listed.execution().id(), parameter(listed,
                        delays.get(listed.execution().movementId())), Map.of(), false))
                .toList();
    }

    /** One execution's row, also shown by the status API. */
    Map<String, Object> parameter(Executions.Listed listed, Object delayTimer) {
        Execution execution = listed.execution();
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("uuid", execution.id());
        for (Column column : definition.columns()) {
            parameter.put(column.restName(), null);
        }
        parameter.put("execution_no", execution.id());
        parameter.put("execution_type", EXECUTION_TYPES.get(execution.runMode()));
        parameter.put("status", listed.status().displayName(false));
        parameter.put("execution_user", execution.registeredBy());
        parameter.put("caller_conductor", execution.conductorName());
        parameter.put("conductor_instance_id", execution.conductorInstanceId());
        parameter.put("register_time", shown(listed.registeredAt()));
        parameter.put("movement_id", execution.movementId());
        parameter.put("movement_name", execution.movementName());
        parameter.put("delay_timer", delayTimer);
        if (cloud) {
            parameter.put("organization_workspace", execution.targetName());
            parameter.put("run_id", runs.find(execution.id()).map(TerraformCloudEpRuns.Run::runId).orElse(null));
        } else {
            parameter.put("workspace_id", execution.target());
            parameter.put("tf_workspace_name", execution.targetName());
        }
        parameter.put("operation_id", execution.operationId());
        parameter.put("operation_name", execution.operationName());
        parameter.put("populated_data", file(listed, "InputData_"));
        parameter.put("result_data", file(listed, "ResultData_"));
        parameter.put("scheduled_date_time", shown(listed.scheduledFor()));
        parameter.put("start_date_time", shown(listed.startedAt()));
        parameter.put("end_date_time", shown(listed.endedAt()));
        parameter.put("remarks", null);
        parameter.put("discard", "0");
        parameter.put("last_update_date_time", MenuService.STAMP.format(listed.lastUpdate()));
        parameter.put("last_updated_user", execution.registeredBy());
        return parameter;
    }

    Object delayTimer(String organizationId, String workspaceId, String movementId) {
        return delayTimers(organizationId, workspaceId).get(movementId);
    }

    private Map<String, Object> delayTimers(String organizationId, String workspaceId) {
        Map<String, Object> delays = new HashMap<>();
        menus.getObject().records(organizationId, workspaceId, set.movements, false)
                .forEach(movement -> delays.put(movement.id(), movement.parameter().get("delay_timer")));
        return delays;
    }

    private static String file(Executions.Listed listed, String prefix) {
        return listed.files().stream().filter(name -> name.startsWith(prefix)).findFirst().orElse(null);
    }

    private static Column text(String restName, String en, String ja, int maxLength) {
        return Column.text(restName, en, ja, false, false, maxLength).filledByJita();
    }

    private static String shown(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }
}
