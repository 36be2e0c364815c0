package dev.jita.conductor;

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
 * {@code conductor_instance_list} and {@code conductor_node_instance_list}: the workspace's conductor
 * instances and their nodes as read-only menus, searched through the same endpoints as every menu.
 */
@Component
class ConductorInstanceLists implements MenuCatalog.MenuProvider {

    static final String INSTANCES = "conductor_instance_list";
    static final String NODES = "conductor_node_instance_list";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final MenuDefinition INSTANCE_MENU = new MenuDefinition(INSTANCES, "Conductor instance list",
            "Conductor作業一覧", List.of(
            Column.id("conductor_instance_id", "Conductor instance ID", "ConductorインスタンスID"),
            text("instance_source_class_id", "Conductor class ID", "ConductorクラスID", 40),
            text("instance_source_class_name", "Conductor name", "Conductor名称", 255),
            text("status", "Status", "ステータス", 64),
            text("operation_id", "Operation ID", "オペレーションID", 40),
            text("operation_name", "Operation name", "オペレーション名", 255),
            text("execution_user", "Execution user", "実行ユーザ", 64),
            text("parent_conductor_instance_id", "Parent conductor instance ID", "親ConductorインスタンスID", 40),
            text("top_conductor_instance_id", "Top conductor instance ID", "最上位ConductorインスタンスID", 40),
            text("abort_execute_flag", "Abort execute flag", "緊急停止フラグ", 8),
            time("time_register", "Register time", "登録日時"),
            time("time_book", "Scheduled date/time", "予約日時"),
            time("time_start", "Start date/time", "開始日時"),
            time("time_end", "End date/time", "終了日時")),
            List.of(), false);
    private static final MenuDefinition NODE_MENU = new MenuDefinition(NODES, "Conductor node instance list",
            "Conductorノード作業一覧", List.of(
            Column.id("node_instance_id", "Node instance ID", "ノードインスタンスID"),
            text("instance_source_node_name", "Node name", "ノード名", 32),
            text("node_type", "Node type", "ノードタイプ", 32),
            text("movement_type", "Orchestra", "オーケストレータ", 8),
            text("conductor_instance_id", "Conductor instance ID", "ConductorインスタンスID", 40),
            text("execution_id", "Execution ID", "作業No.", 40),
            text("status", "Status", "ステータス", 64),
            text("status_file", "Status file", "ステータスファイル", 255),
            text("released_flag", "Released flag", "一時停止解除フラグ", 8),
            text("skip", "Skip", "スキップ", 8),
            text("end_type", "End type", "終了タイプ", 8),
            time("time_start", "Start date/time", "開始日時"),
            time("time_end", "End date/time", "終了日時")),
            List.of(), false);

    @Override
    public List<MenuDefinition> menus() {
        return List.of(INSTANCE_MENU, NODE_MENU);
    }

    private static Column text(String restName, String en, String ja, int maxLength) {
        return Column.text(restName, en, ja, false, false, maxLength).filledByJita();
    }

    private static Column time(String restName, String en, String ja) {
        return Column.dateTime(restName, en, ja, false).filledByJita();
    }

    private static String shown(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    private static Map<String, Object> record(String id, Instant lastUpdate, String user) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("uuid", id);
        parameter.put("remarks", null);
        parameter.put("discard", "0");
        parameter.put("last_update_date_time", lastUpdate == null ? null : MenuService.STAMP.format(lastUpdate));
        parameter.put("last_updated_user", user);
        return parameter;
    }

    @Component
    static class Instances implements MenuRecordSource {

        private final ConductorInstances instances;

        Instances(ConductorInstances instances) {
            this.instances = instances;
        }

        @Override
        public String menu() {
            return INSTANCES;
        }

        @Override
        public List<MenuService.Record> records(String organizationId, String workspaceId) {
            return instances.list(organizationId, workspaceId).stream().map(listed -> {
                ConductorInstance instance = listed.instance();
                Instant lastUpdate = listed.endedAt() != null ? listed.endedAt()
                        : listed.startedAt() != null ? listed.startedAt() : listed.registeredAt();
                Map<String, Object> parameter = record(instance.id(), lastUpdate, instance.executionUser());
                parameter.put("conductor_instance_id", instance.id());
                parameter.put("instance_source_class_id", instance.classId());
                parameter.put("instance_source_class_name", instance.conductorName());
                parameter.put("status", ConductorInstances.statusName(listed.statusId(), false));
                parameter.put("operation_id", instance.operationId());
                parameter.put("operation_name", instance.operationName());
                parameter.put("execution_user", instance.executionUser());
                parameter.put("parent_conductor_instance_id", instance.parentId());
                parameter.put("top_conductor_instance_id", instance.topId());
                parameter.put("abort_execute_flag", instance.abort() ? "True" : "False");
                parameter.put("time_register", shown(listed.registeredAt()));
                parameter.put("time_book", shown(instance.timeBook()));
                parameter.put("time_start", shown(listed.startedAt()));
                parameter.put("time_end", shown(listed.endedAt()));
                return new MenuService.Record(instance.id(), parameter, Map.of(), false);
            }).toList();
        }
    }

    @Component
    static class Nodes implements MenuRecordSource {

        private final ConductorInstances instances;

        Nodes(ConductorInstances instances) {
            this.instances = instances;
        }

        @Override
        public String menu() {
            return NODES;
        }

        @Override
        public List<MenuService.Record> records(String organizationId, String workspaceId) {
            return instances.allNodes(organizationId, workspaceId).stream().map(node -> {
                Instant lastUpdate = node.timeEnd() != null ? node.timeEnd() : node.timeStart();
                Map<String, Object> parameter = record(node.id(), lastUpdate, null);
                parameter.put("node_instance_id", node.id());
                parameter.put("instance_source_node_name", node.nodeName());
                parameter.put("node_type", node.nodeType());
                parameter.put("movement_type", node.orchestraId());
                parameter.put("conductor_instance_id", node.instanceId());
                parameter.put("execution_id", node.executionId());
                parameter.put("status", ConductorInstances.nodeStatusName(node.statusId(), false));
                parameter.put("status_file", node.statusFile());
                parameter.put("released_flag", node.released() ? "True" : "False");
                parameter.put("skip", node.skip() ? "True" : "False");
                parameter.put("end_type", node.endType());
                parameter.put("time_start", shown(node.timeStart()));
                parameter.put("time_end", shown(node.timeEnd()));
                return new MenuService.Record(node.id(), parameter, Map.of(), false);
            }).toList();
        }
    }
}
