package dev.jita.drivers.ansible;

import dev.jita.execution.Execution;
import dev.jita.execution.Executions;
import dev.jita.execution.RunMode;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code execution_list_ansible_legacy}: the workspace's Ansible executions as a read-only menu, searched
 * through the same endpoints as every menu. jita writes it; users cannot.
 */
@Component
class AnsibleExecutionList implements MenuCatalog.MenuProvider, MenuRecordSource {

    static final String MENU = "execution_list_ansible_legacy";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final MenuDefinition DEFINITION = new MenuDefinition(MENU, "Execution list", "作業管理", List.of(
            Column.id("execution_no", "Execution No.", "作業No."),
            text("detail", "Detail", "詳細", 255),
            text("execution_type", "Execution type", "実行種別", 255),
            text("status", "Status", "ステータス", 255),
            text("abort_execute_flag", "Abort execute flag", "緊急停止フラグ", 255),
            text("execution_engine", "Execution engine", "実行エンジン", 255),
            text("caller_conductor", "Caller conductor", "呼出元Conductor", 255),
            text("execution_user", "Execution user", "実行ユーザ", 255),
            Column.dateTime("register_time", "Register time", "登録日時", false).filledByJita(),
            text("movement_id", "Movement ID", "Movement ID", 40),
            text("movement_name", "Movement name", "Movement名", 255),
            Column.integer("delay_timer", "Delay timer", "遅延タイマー", false, 0, Integer.MAX_VALUE).filledByJita(),
            text("host_specific_format", "Host specific format", "ホスト指定形式", 255),
            text("winrm_connection", "WinRM connection", "WinRM接続", 255),
            text("header_section", "Header section", "ヘッダーセクション", 4000),
            text("ansible_cfg", "ansible.cfg", "ansible.cfg", 255),
            text("ansible_agent_execution_environment", "Ansible agent execution environment", "実行環境", 255),
            text("ansibel_builder_options", "Ansibel builder options", "ansible-builder パラメータ", 4000),
            text("execution_environment", "Execution environment", "実行環境", 255),
            text("operation_id", "Operation ID", "オペレーションID", 40),
            text("operation_name", "Operation name", "オペレーション名", 255),
            text("populated_data", "Populated data", "投入データ", 255),
            text("result_data", "Result data", "結果データ", 255),
            Column.dateTime("scheduled_date_time", "Scheduled date/time", "予約日時", false).filledByJita(),
            Column.dateTime("start_date_time", "Start date/time", "開始日時", false).filledByJita(),
            Column.dateTime("end_date_time", "End date/time", "終了日時", false).filledByJita(),
            text("collection_status", "Collection status", "収集ステータス", 255),
            text("collection_log", "Collection log", "収集ログ", 255),
            text("conductor_instance_id", "Conductor instance ID", "Conductorインスタンス番号", 40)),
            List.of(), false);

    private final Executions executions;
    private final AnsibleDriver driver;

    AnsibleExecutionList(Executions executions, AnsibleDriver driver) {
        this.executions = executions;
        this.driver = driver;
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(DEFINITION);
    }

    private static Column text(String restName, String en, String ja, int maxLength) {
        return Column.text(restName, en, ja, false, false, maxLength).filledByJita();
    }

    @Override
    public String menu() {
        return MENU;
    }

    /** Exastro's columns; those about features jita does not have (collection, agents) stay empty. */
    /** The name of the populated data's file starts so: {@code InputData_<execution id>.zip}. */
    static final String POPULATED_DATA = "InputData_";

    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        return executions.list(driver, organizationId, workspaceId).stream().map(listed -> {
            Execution execution = listed.execution();
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("uuid", execution.id());
            for (Column column : DEFINITION.columns()) {
                parameter.put(column.restName(), null);
            }
            parameter.put("execution_no", execution.id());
            parameter.put("execution_type", execution.runMode() == RunMode.DRY_RUN ? "Dry run" : "Normal");
            parameter.put("status", listed.status().displayName(false));
            parameter.put("abort_execute_flag", listed.scramRequested() ? "True" : "False");
            parameter.put("execution_engine", "Ansible-Core");
            parameter.put("execution_user", execution.registeredBy());
            parameter.put("caller_conductor", execution.conductorName());
            parameter.put("conductor_instance_id", execution.conductorInstanceId());
            parameter.put("register_time", shown(listed.registeredAt()));
            parameter.put("movement_id", execution.movementId());
            parameter.put("movement_name", execution.movementName());
            parameter.put("operation_id", execution.operationId());
            parameter.put("operation_name", execution.operationName());
            parameter.put("scheduled_date_time", shown(listed.scheduledFor()));
            parameter.put("start_date_time", shown(listed.startedAt()));
            parameter.put("populated_data", listed.files().stream().filter(name -> name.startsWith(POPULATED_DATA))
                    .findFirst().orElse(null));
            parameter.put("end_date_time", shown(listed.endedAt()));
            parameter.put("remarks", null);
            parameter.put("discard", "0");
            parameter.put("last_update_date_time", MenuService.STAMP.format(listed.lastUpdate()));
            parameter.put("last_updated_user", execution.registeredBy());
            return new MenuService.Record(execution.id(), parameter, Map.of(), false);
        }).toList();
    }

    private static String shown(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }
}
