package dev.jita.drivers.ansible;

import dev.jita.basic.BasicMenus;
import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.parametersheet.SheetValues;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The menus an Ansible (legacy) execution is built from, with Exastro ITA's columns in Exastro's order (REST
 * names, required and unique flags, read-only columns); docs/menus.md lists each one and every difference.
 * Pull-downs over masters jita does not have are kept as text.
 */
@Component
class AnsibleMenus implements MenuCatalog.MenuProvider {

    static final String MOVEMENTS = "movement_list_ansible_legacy";
    static final String PLAYBOOKS = "playbook_files";
    static final String AUTO_REGISTRATION = "subst_value_auto_reg_setting_ansible_legacy";
    private static final String OPERATIONS = BasicMenus.OPERATIONS;
    private static final String DEVICES = BasicMenus.DEVICES;
    private static final String NAME = BasicMenus.NAME;
    private static final int TEXT = 4000;

    @Override
    public List<MenuDefinition> menus() {
        return List.of(
                new MenuDefinition(MOVEMENTS, "Movement list", "Movement一覧", List.of(
                        Column.id("movement_id", "Movement ID", "Movement ID"),
                        Column.text("movement_name", "Movement name", "Movement名", true, true, 255),
                        Column.text("orchestrator", "Orchestrator", "オーケストレータ", false, false, 255).filledByJita(),
                        Column.integer("delay_timer", "Delay timer", "遅延タイマー", false, 0, Integer.MAX_VALUE),
                        Column.text("host_specific_format", "Host specific format", "ホスト指定形式", false, false, 255),
                        Column.text("winrm_connection", "WinRM connection", "WinRM接続", false, false, 255),
                        Column.multiline("header_section", "Header section", "ヘッダーセクション", false, TEXT),
                        Column.text("optional_parameter", "Optional parameter", "オプションパラメータ", false, false, TEXT),
                        Column.file("ansible_cfg", "ansible.cfg", "ansible.cfg", false),
                        Column.text("ansible_agent_execution_environment", "Ansible agent execution environment", "実行環境",
                                false, false, 255),
                        Column.text("ansibel_builder_options", "Ansibel builder options", "ansible-builder パラメータ",
                                false, false, TEXT),
                        Column.text("execution_environment", "Execution environment", "実行環境", false, false, 255)),
                        List.of(), true),
                new MenuDefinition(PLAYBOOKS, "Playbook files", "Playbook素材集", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        Column.text("playbook_name", "Playbook name", "Playbook素材名", true, true, 255).matching(NAME),
                        Column.file("playbook_file", "Playbook files", "Playbook素材", true),
                        Column.text("target_linux", "Linux", "Linux", false, false, 255),
                        Column.text("target_windows", "Windows", "Windows", false, false, 255),
                        Column.text("target_other", "Other", "その他", false, false, TEXT),
                        Column.text("python_necessary", "Python necessary", "Python要否", false, false, 255),
                        Column.multiline("description", "Description", "説明", false, TEXT),
                        Column.multiline("description_en", "Description(en)", "説明(en)", false, TEXT)),
                        List.of(), true),
                new MenuDefinition("movement_playbook_link", "Movement playbook link", "Movement-Playbook紐付", List.of(
                        Column.id("associated_item_no", "Associated item No.", "項番"),
                        Column.reference("movement", "Movement name", "Movement名", true, MOVEMENTS + ".movement_name"),
                        Column.reference("playbook_file", "Playbook files", "Playbook素材", true, PLAYBOOKS + ".playbook_name"),
                        Column.integer("include_order", "Include order", "インクルード順序", true, 1, Integer.MAX_VALUE)),
                        List.of(List.of("movement", "playbook_file")), true),
                new MenuDefinition("target_host_ansible_legacy", "Target host", "作業対象ホスト", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        Column.text("execution_no", "Execution No.", "作業No", false, false, 40).filledByJita(),
                        Column.reference("operation", "Operation", "オペレーション", true, OPERATIONS + ".operation_name"),
                        Column.reference("movement", "Movement name", "Movement名", true, MOVEMENTS + ".movement_name"),
                        Column.reference("host", "Host name", "ホスト名", true, DEVICES + ".host_name")),
                        List.of(List.of("operation", "movement", "host")), true),
                new MenuDefinition("subst_value_list_ansible_legacy", "Substitution value list", "代入値管理", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        Column.text("execution_no", "Execution No.", "作業No.", false, false, 40).filledByJita(),
                        Column.reference("operation", "Operation", "オペレーション", true, OPERATIONS + ".operation_name"),
                        Column.reference("movement", "Movement name", "Movement名", true, MOVEMENTS + ".movement_name"),
                        Column.reference("host", "Host name", "ホスト名", true, DEVICES + ".host_name"),
                        Column.text("variable_name", "Movement Name:Variable name", "Movement名:変数名", true, false, 512)
                                .matching("(.+:)?[A-Za-z_][A-Za-z0-9_]*"),
                        Column.choice("sensitive_setting", "Sensitive setting", "Sensitive設定", false, List.of("True", "False")),
                        Column.multiline("value", "Value", "値", false, 65_536),
                        Column.file("file", "File", "ファイル", false),
                        Column.integer("substitution_order", "Substitution order", "代入順序", false, 1, Integer.MAX_VALUE)),
                        List.of(List.of("operation", "movement", "host", "variable_name")), true),
                new MenuDefinition(AUTO_REGISTRATION, "Substitution value auto-registration setting", "代入値自動登録設定",
                        SheetValues.settingColumns(MOVEMENTS, "[A-Za-z_][A-Za-z0-9_]*", List.of()), List.of(), true));
    }
}
