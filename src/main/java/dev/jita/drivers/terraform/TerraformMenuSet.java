package dev.jita.drivers.terraform;

import dev.jita.basic.BasicMenus;
import dev.jita.menu.Column;
import dev.jita.menu.MenuDefinition;
import dev.jita.parametersheet.SheetValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the menus of the two Terraform drivers share. Exastro names them alike but for the suffix
 * ({@code _terraform_cli}, {@code _terraform_cloud_ep}) and gives them the same module files, movement–module
 * links, module variables, substitution values and auto-registration settings; their movement lists differ
 * only in the column that says where a movement runs. Each driver's menu provider adds its own menus.
 */
enum TerraformMenuSet {

    CLI("terraform_cli", "Terraform CLI"),
    CLOUD_EP("terraform_cloud_ep", "Terraform Cloud/EP");

    /** A module file name: safe as a file name in the work directory, and a .tf file. */
    static final String MODULE_FILE_NAME = "[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]*\\.tf";
    static final List<String> TRUE_FALSE = List.of("True", "False");
    private static final String VARIABLE = "[A-Za-z_][A-Za-z0-9_\\-]*";

    /** {@code terraform_cli} or {@code terraform_cloud_ep}, as Exastro ends the menus' names. */
    final String suffix;
    final String interfaceInfo;
    final String workspaces;
    final String movements;
    final String modules;
    final String movementModules;
    final String moduleVariables;
    final String autoRegistration;
    final String values;
    /** The movements' {@code orchestrator}, as Exastro names the driver. */
    final String orchestrator;

    TerraformMenuSet(String suffix, String orchestrator) {
        this.suffix = suffix;
        interfaceInfo = "intarface_info_" + suffix;
        workspaces = "workspace_list_" + suffix;
        movements = "movement_list_" + suffix;
        modules = "module_files_" + suffix;
        movementModules = "movement_module_link_" + suffix;
        moduleVariables = "module_variable_link_" + suffix;
        autoRegistration = "subst_value_auto_reg_setting_" + suffix;
        values = "subst_value_list_" + suffix;
        this.orchestrator = orchestrator;
    }

    /** The set a menu (movements or values) belongs to. */
    static Optional<TerraformMenuSet> ofMenu(String menu) {
        return Arrays.stream(values()).filter(set -> menu.equals(set.movements) || menu.equals(set.values)).findFirst();
    }

    /** The movement list, {@code target} (where a movement runs) last. */
    MenuDefinition movementMenu(Column target) {
        return new MenuDefinition(movements, "Movement list", "Movement一覧", List.of(
                Column.id("movement_id", "Movement ID", "Movement ID"),
                Column.text("movement_name", "Movement name", "Movement名", true, true, 255),
                Column.text("orchestrator", "Orchestrator", "オーケストレータ", false, false, 255).filledByJita(),
                Column.integer("delay_timer", "Delay timer (min)", "遅延タイマー(分)", false, 0, Integer.MAX_VALUE),
                target),
                List.of(), true);
    }

    /**
     * A driver's menus: its own ({@code own}, its movement list last), then module files, movement–module links,
     * module variables, auto-registration settings and values, in Exastro's order.
     */
    List<MenuDefinition> menus(MenuDefinition... own) {
        List<MenuDefinition> menus = new ArrayList<>(List.of(own));
        menus.addAll(List.of(
                new MenuDefinition(modules, "Module files", "Module素材集", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        Column.text("module_file_name", "Module file name", "Module素材名", true, true, 255)
                                .matching(MODULE_FILE_NAME),
                        Column.file("module_file", "Module file", "Module素材", true)),
                        List.of(), true),
                new MenuDefinition(movementModules, "Movement-Module link", "Movement-Module紐付", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        Column.reference("movement_name", "Movement name", "Movement名", true, movements + ".movement_name"),
                        Column.reference("module_file", "Module file", "Module素材", true, modules + ".module_file_name")),
                        List.of(List.of("movement_name", "module_file")), true),
                new MenuDefinition(moduleVariables, "Module variable link", "Module-変数紐付", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        readOnly("module_file", "Module file", "Module素材", 255),
                        readOnly("variable_name", "Variable name", "変数名", 255),
                        readOnly("variable_type", "Variable type", "タイプ", 4000),
                        readOnly("default_value", "Default value", "デフォルト値", 65_536),
                        readOnly("sensitive", "Sensitive", "Sensitive", 5)),
                        List.of(), false),
                new MenuDefinition(autoRegistration, "Substitution value auto-registration setting", "代入値自動登録設定",
                        SheetValues.settingColumns(movements, VARIABLE, List.of(
                                Column.choice("hcl_setting", "HCL setting", "HCL設定", true, TRUE_FALSE),
                                Column.text("member_variable_name", "Member variable name", "メンバー変数名", false, false,
                                        4000))),
                        List.of(), true),
                new MenuDefinition(values, "Substitution value list", "代入値管理", List.of(
                        Column.id("item_no", "Item No.", "項番"),
                        Column.text("execution_no", "Execution No.", "作業No.", false, false, 40).filledByJita(),
                        Column.reference("operation_name", "Operation name", "オペレーション名", true,
                                BasicMenus.OPERATIONS + ".operation_name"),
                        Column.reference("movement_name", "Movement name", "Movement名", true, movements + ".movement_name"),
                        Column.text("variable_name", "Movement name:Variable name", "Movement名:変数名", true, false, 512)
                                .matching("(.+:)?" + VARIABLE),
                        Column.choice("hcl_setting", "HCL setting", "HCL設定", true, TRUE_FALSE),
                        Column.text("member_variable_name", "Member variable name", "メンバー変数名", false, false, 4000),
                        Column.integer("substitution_order", "Substitution order", "代入順序", false, 1, Integer.MAX_VALUE),
                        Column.choice("sensitive_setting", "Sensitive setting", "Sensitive設定", true, TRUE_FALSE),
                        Column.multiline("value", "Value", "値", false, 65_536)),
                        List.of(List.of("operation_name", "movement_name", "variable_name", "member_variable_name",
                                "substitution_order")), true)));
        return List.copyOf(menus);
    }

    private static Column readOnly(String restName, String en, String ja, int maxLength) {
        return Column.text(restName, en, ja, false, false, maxLength).filledByJita();
    }
}
