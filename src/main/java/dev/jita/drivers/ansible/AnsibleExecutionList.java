package dev.jita.drivers.ansible;

import dev.jita.backyard.StatusTable;
import dev.jita.core.Times;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuRecordSource;
import dev.jita.menu.MenuService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    AnsibleExecutionList(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Exastro's columns; those about features jita does not have (conductors, collection, agents) stay empty. */
    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT e.execution_id, e.run_mode, i.status_id, e.movement_id, e.movement_name, e.operation_id, "
                        + "e.operation_name, e.registered_by, i.registered_at, i.not_before, i.started_at, i.ended_at, "
                        + "i.last_update_timestamp, e.scram_requested "
                        + "FROM ansible_execution e JOIN backyard_item i ON i.item_id = e.execution_id "
                        + "WHERE e.organization_id = ? AND e.workspace_id = ? ORDER BY i.registered_at, e.execution_id")
                .params(organizationId, workspaceId)
                .query((rs, n) -> {
                    Map<String, Object> parameter = new LinkedHashMap<>();
                    parameter.put("uuid", rs.getString(1));
                    for (Column column : DEFINITION.columns()) {
                        parameter.put(column.restName(), null);
                    }
                    parameter.put("execution_no", rs.getString(1));
                    parameter.put("execution_type", AnsibleExecutions.DRY_RUN.equals(rs.getString(2)) ? "Dry run" : "Normal");
                    parameter.put("status", StatusTable.EXECUTION.name(rs.getInt(3), false));
                    parameter.put("abort_execute_flag", rs.getBoolean(14) ? "True" : "False");
                    parameter.put("execution_engine", "Ansible-Core");
                    parameter.put("execution_user", rs.getString(8));
                    parameter.put("register_time", shown(rs.getObject(9, LocalDateTime.class)));
                    parameter.put("movement_id", rs.getString(4));
                    parameter.put("movement_name", rs.getString(5));
                    parameter.put("operation_id", rs.getString(6));
                    parameter.put("operation_name", rs.getString(7));
                    parameter.put("scheduled_date_time", shown(rs.getObject(10, LocalDateTime.class)));
                    parameter.put("start_date_time", shown(rs.getObject(11, LocalDateTime.class)));
                    parameter.put("end_date_time", shown(rs.getObject(12, LocalDateTime.class)));
                    parameter.put("remarks", null);
                    parameter.put("discard", "0");
                    parameter.put("last_update_date_time",
                            MenuService.STAMP.format(Times.fromDb(rs.getObject(13, LocalDateTime.class))));
                    parameter.put("last_updated_user", rs.getString(8));
                    return new MenuService.Record(rs.getString(1), parameter, Map.of(), false);
                })
                .list();
    }

    private static String shown(LocalDateTime value) {
        Instant instant = Times.fromDb(value);
        return instant == null ? null : SHOWN.format(instant);
    }
}
