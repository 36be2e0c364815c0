package dev.jita.drivers.terraform;

import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.platform.ItaDriver;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The menus of the Terraform CLI driver with Exastro ITA's REST names and columns (docs/menus.md lists them
 * and every difference). An organization created without the driver has none of them.
 */
@Component
class TerraformCliMenus implements MenuCatalog.MenuProvider {

    static final String INTERFACE = "intarface_info_terraform_cli";
    static final String WORKSPACES = "workspace_list_terraform_cli";
    static final String MOVEMENTS = "movement_list_terraform_cli";
    static final String MODULES = "module_files_terraform_cli";
    static final String MOVEMENT_MODULES = "movement_module_link_terraform_cli";
    static final String MODULE_VARIABLES = "module_variable_link_terraform_cli";
    static final String AUTO_REGISTRATION = "subst_value_auto_reg_setting_terraform_cli";
    static final String VALUES = "subst_value_list_terraform_cli";
    /** A Terraform workspace name: what Terraform allows, and safe as a directory name. */
    static final String WORKSPACE_NAME = "[A-Za-z0-9][A-Za-z0-9_\\-]{0,89}";
    /** A module file name: safe as a file name in the work directory, and a .tf file. */
    static final String MODULE_FILE_NAME = "[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]*\\.tf";
    private static final String OPERATIONS = "operation_list";
    private static final List<String> TRUE_FALSE = List.of("True", "False");
    private static final String VARIABLE = "[A-Za-z_][A-Za-z0-9_\\-]*";

    private static final List<MenuDefinition> MENUS = List.of(
            new MenuDefinition(INTERFACE, "Interface information", "インターフェース情報", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.choice("null_link", "Null link", "NULL連携", false, TRUE_FALSE),
                    Column.integer("status_monitoring_cycle", "Status monitoring cycle (ms)", "状態監視周期(単位ミリ秒)",
                            false, 1000, Integer.MAX_VALUE),
                    Column.integer("number_of_rows_to_display_progress_status", "Number of rows to display progress status",
                            "進行状態表示件数", false, 1, Integer.MAX_VALUE)),
                    List.of(), true),
            new MenuDefinition(WORKSPACES, "Workspace list", "Workspace管理", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.text("tf_workspace_name", "Workspace name", "Workspace名", true, true, 90)
                            .matching(WORKSPACE_NAME)),
                    List.of(), true),
            new MenuDefinition(MOVEMENTS, "Movement list", "Movement一覧", List.of(
                    Column.id("movement_id", "Movement ID", "Movement ID"),
                    Column.text("movement_name", "Movement name", "Movement名", true, true, 255),
                    Column.text("orchestrator", "Orchestrator", "オーケストレータ", false, false, 255).filledByJita(),
                    Column.integer("delay_timer", "Delay timer (min)", "遅延タイマー(分)", false, 0, Integer.MAX_VALUE),
                    Column.reference("workspace_name", "Workspace name", "Workspace名", true,
                            WORKSPACES + ".tf_workspace_name")),
                    List.of(), true),
            new MenuDefinition(MODULES, "Module files", "Module素材集", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.text("module_file_name", "Module file name", "Module素材名", true, true, 255)
                            .matching(MODULE_FILE_NAME),
                    Column.file("module_file", "Module file", "Module素材", true)),
                    List.of(), true),
            new MenuDefinition(MOVEMENT_MODULES, "Movement-Module link", "Movement-Module紐付", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.reference("movement_name", "Movement name", "Movement名", true, MOVEMENTS + ".movement_name"),
                    Column.reference("module_file", "Module file", "Module素材", true, MODULES + ".module_file_name")),
                    List.of(List.of("movement_name", "module_file")), true),
            new MenuDefinition(MODULE_VARIABLES, "Module variable link", "Module-変数紐付", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    readOnly("module_file", "Module file", "Module素材", 255),
                    readOnly("variable_name", "Variable name", "変数名", 255),
                    readOnly("variable_type", "Variable type", "タイプ", 4000),
                    readOnly("default_value", "Default value", "デフォルト値", 65_536),
                    readOnly("sensitive", "Sensitive", "Sensitive", 5)),
                    List.of(), false),
            new MenuDefinition(AUTO_REGISTRATION, "Substitution value auto-registration setting", "代入値自動登録設定",
                    List.of(
                            Column.id("item_no", "Item No.", "項番"),
                            Column.text("menu_group_menu_item", "Menu group:Menu:Item", "メニューグループ:メニュー:項目",
                                    true, false, 4000),
                            Column.integer("column_substitution_order", "Column substitution order", "代入順序",
                                    false, 1, Integer.MAX_VALUE),
                            Column.choice("registration_method", "Registration method", "登録方式", true,
                                    List.of("Value type", "Key type")),
                            Column.reference("movement_name", "Movement name", "Movement名", true,
                                    MOVEMENTS + ".movement_name"),
                            Column.text("variable_name", "Movement name:Variable name", "Movement名:変数名", true, false, 512)
                                    .matching("(.+:)?" + VARIABLE),
                            Column.choice("hcl_setting", "HCL setting", "HCL設定", true, TRUE_FALSE),
                            Column.text("member_variable_name", "Member variable name", "メンバー変数名", false, false, 4000),
                            Column.integer("substitution_order", "Substitution order", "代入順序", false, 1, Integer.MAX_VALUE),
                            Column.choice("null_link", "Null link", "NULL連携", false, TRUE_FALSE)),
                    List.of(), true),
            new MenuDefinition(VALUES, "Substitution value list", "代入値管理", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.text("execution_no", "Execution No.", "作業No.", false, false, 40).filledByJita(),
                    Column.reference("operation_name", "Operation name", "オペレーション名", true,
                            OPERATIONS + ".operation_name"),
                    Column.reference("movement_name", "Movement name", "Movement名", true, MOVEMENTS + ".movement_name"),
                    Column.text("variable_name", "Movement name:Variable name", "Movement名:変数名", true, false, 512)
                            .matching("(.+:)?" + VARIABLE),
                    Column.choice("hcl_setting", "HCL setting", "HCL設定", true, TRUE_FALSE),
                    Column.text("member_variable_name", "Member variable name", "メンバー変数名", false, false, 4000),
                    Column.integer("substitution_order", "Substitution order", "代入順序", false, 1, Integer.MAX_VALUE),
                    Column.choice("sensitive_setting", "Sensitive setting", "Sensitive設定", true, TRUE_FALSE),
                    Column.multiline("value", "Value", "値", false, 65_536)),
                    List.of(List.of("operation_name", "movement_name", "variable_name", "member_variable_name",
                            "substitution_order")), true));

    private static Column readOnly(String restName, String en, String ja, int maxLength) {
        return Column.text(restName, en, ja, false, false, maxLength).filledByJita();
    }

    @Override
    public List<MenuDefinition> menus() {
        return MENUS;
    }

    @Override
    public ItaDriver driver() {
        return ItaDriver.TERRAFORM_CLI;
    }
}
