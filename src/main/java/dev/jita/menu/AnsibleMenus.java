package dev.jita.menu;

import java.util.List;
import org.springframework.stereotype.Component;

/** The menus an Ansible (legacy) execution is built from, with Exastro's REST names. */
@Component
class AnsibleMenus implements MenuCatalog.MenuProvider {

    static final String NAME = "[A-Za-z0-9_.\\-]+";

    @Override
    public List<MenuDefinition> menus() {
        return List.of(
                new MenuDefinition("operation_list", "Operation list", "オペレーション一覧", List.of(
                        Column.id("operation_id", "Operation ID", "オペレーションID"),
                        Column.text("operation_name", "Operation name", "オペレーション名", true, true, 255),
                        Column.dateTime("scheduled_date_for_execution", "Scheduled date for execution", "実施予定日時", false)),
                        List.of(), true),
                new MenuDefinition("device_list", "Device list", "機器一覧", List.of(
                        Column.id("managed_system_item_number", "Managed system item number", "管理システム項番"),
                        Column.text("host_name", "Host name", "ホスト名", true, true, 255).matching(NAME),
                        Column.text("ip_address", "IP address", "IPアドレス", false, false, 64)
                                .matching("[0-9A-Fa-f:.]+"),
                        Column.text("login_user", "Login user", "ログインユーザID", false, false, 255),
                        Column.password("login_password", "Login password", "ログインパスワード", false),
                        Column.choice("connection_type", "Connection type", "接続タイプ", true, List.of("ssh", "local"))),
                        List.of(), true),
                new MenuDefinition("movement_list_ansible_legacy", "Movement list", "Movement一覧", List.of(
                        Column.id("movement_id", "Movement ID", "Movement ID"),
                        Column.text("movement_name", "Movement name", "Movement名", true, true, 255),
                        Column.integer("delay_timer", "Delay timer (minutes)", "遅延タイマー(分)", false, 1, 100_000)),
                        List.of(), true),
                new MenuDefinition("playbook_files", "Playbook files", "Playbook素材集", List.of(
                        Column.id("playbook_file_id", "Playbook file ID", "Playbook素材ID"),
                        Column.text("playbook_name", "Playbook name", "Playbook素材名", true, true, 255).matching(NAME),
                        Column.file("playbook_file", "Playbook file", "Playbook素材", true)),
                        List.of(), true),
                new MenuDefinition("movement_playbook_link", "Movement-Playbook link", "Movement-Playbook紐付", List.of(
                        Column.id("movement_playbook_link_id", "Link ID", "紐付ID"),
                        Column.reference("movement_name", "Movement name", "Movement名", true,
                                "movement_list_ansible_legacy.movement_name"),
                        Column.reference("playbook_name", "Playbook name", "Playbook素材名", true, "playbook_files.playbook_name"),
                        Column.integer("include_order", "Include order", "インクルード順序", true, 1, 10_000)),
                        List.of(List.of("movement_name", "playbook_name")), true),
                new MenuDefinition("target_host_ansible_legacy", "Target host", "作業対象ホスト", List.of(
                        Column.id("target_host_id", "Target host ID", "作業対象ホストID"),
                        Column.reference("operation_name", "Operation name", "オペレーション名", true, "operation_list.operation_name"),
                        Column.reference("movement_name", "Movement name", "Movement名", true,
                                "movement_list_ansible_legacy.movement_name"),
                        Column.reference("host_name", "Host name", "ホスト名", true, "device_list.host_name")),
                        List.of(List.of("operation_name", "movement_name", "host_name")), true),
                new MenuDefinition("substitution_value_list_ansible_legacy", "Substitution value list", "代入値管理", List.of(
                        Column.id("substitution_value_id", "Substitution value ID", "代入値ID"),
                        Column.reference("operation_name", "Operation name", "オペレーション名", true, "operation_list.operation_name"),
                        Column.reference("movement_name", "Movement name", "Movement名", true,
                                "movement_list_ansible_legacy.movement_name"),
                        Column.reference("host_name", "Host name", "ホスト名", true, "device_list.host_name"),
                        Column.text("variable_name", "Variable name", "変数名", true, false, 255)
                                .matching("[A-Za-z_][A-Za-z0-9_]*"),
                        Column.multiline("value", "Value", "具体値", false, 8000)),
                        List.of(List.of("operation_name", "movement_name", "host_name", "variable_name")), true));
    }
}
