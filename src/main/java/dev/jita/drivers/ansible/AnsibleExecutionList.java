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

    private final JdbcClient jdbc;

    AnsibleExecutionList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(new MenuDefinition(MENU, "Execution list", "作業管理", List.of(
                Column.id("execution_no", "Execution No.", "作業No."),
                Column.text("execution_type", "Execution type", "実行種別", false, false, 16),
                Column.text("status_id", "Status ID", "ステータスID", false, false, 4),
                Column.text("status", "Status", "ステータス", false, false, 64),
                Column.text("movement_name", "Movement name", "Movement名", false, false, 255),
                Column.text("operation_name", "Operation name", "オペレーション名", false, false, 255),
                Column.text("execution_user", "Executed by", "実行ユーザ", false, false, 64),
                Column.text("time_book", "Scheduled date", "予約日時", false, false, 19),
                Column.text("time_start", "Start date", "開始日時", false, false, 19),
                Column.text("time_end", "End date", "終了日時", false, false, 19)),
                List.of(), false));
    }

    @Override
    public String menu() {
        return MENU;
    }

    @Override
    public List<MenuService.Record> records(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT e.execution_id, e.run_mode, i.status_id, e.movement_name, e.operation_name, "
                        + "e.registered_by, i.not_before, i.started_at, i.ended_at, i.last_update_timestamp "
                        + "FROM ansible_execution e JOIN backyard_item i ON i.item_id = e.execution_id "
                        + "WHERE e.organization_id = ? AND e.workspace_id = ? ORDER BY i.registered_at, e.execution_id")
                .params(organizationId, workspaceId)
                .query((rs, n) -> {
                    Map<String, Object> parameter = new LinkedHashMap<>();
                    parameter.put("uuid", rs.getString(1));
                    parameter.put("execution_no", rs.getString(1));
                    parameter.put("execution_type", AnsibleExecutions.DRY_RUN.equals(rs.getString(2)) ? "Dry run" : "Normal");
                    parameter.put("status_id", String.valueOf(rs.getInt(3)));
                    parameter.put("status", StatusTable.EXECUTION.name(rs.getInt(3), false));
                    parameter.put("movement_name", rs.getString(4));
                    parameter.put("operation_name", rs.getString(5));
                    parameter.put("execution_user", rs.getString(6));
                    parameter.put("time_book", shown(rs.getObject(7, LocalDateTime.class)));
                    parameter.put("time_start", shown(rs.getObject(8, LocalDateTime.class)));
                    parameter.put("time_end", shown(rs.getObject(9, LocalDateTime.class)));
                    parameter.put("discard", "0");
                    parameter.put("remarks", null);
                    parameter.put("last_update_date_time", MenuService.STAMP.format(Times.fromDb(rs.getObject(10, LocalDateTime.class))));
                    parameter.put("last_updated_user", rs.getString(6));
                    return new MenuService.Record(rs.getString(1), parameter, Map.of(), false);
                })
                .list();
    }

    private static String shown(LocalDateTime value) {
        Instant instant = Times.fromDb(value);
        return instant == null ? null : SHOWN.format(instant);
    }
}
