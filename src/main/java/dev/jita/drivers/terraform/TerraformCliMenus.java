package dev.jita.drivers.terraform;

import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.platform.ItaDriver;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The menus of the Terraform CLI driver with Exastro ITA's REST names and columns (docs/menus.md lists them
 * and every difference); those it shares with the Cloud/EP driver come from {@link TerraformMenuSet}. An
 * organization created without the driver has none of them.
 */
@Component
class TerraformCliMenus implements MenuCatalog.MenuProvider {

    private static final TerraformMenuSet SET = TerraformMenuSet.CLI;
    static final String INTERFACE = SET.interfaceInfo;
    static final String WORKSPACES = SET.workspaces;
    static final String MOVEMENTS = SET.movements;
    static final String MODULES = SET.modules;
    static final String MOVEMENT_MODULES = SET.movementModules;
    static final String MODULE_VARIABLES = SET.moduleVariables;
    static final String AUTO_REGISTRATION = SET.autoRegistration;
    static final String VALUES = SET.values;
    /** A Terraform workspace name: what Terraform allows, and safe as a directory name. */
    static final String WORKSPACE_NAME = "[A-Za-z0-9][A-Za-z0-9_\\-]{0,89}";

    private static final List<MenuDefinition> MENUS = SET.menus(
            new MenuDefinition(INTERFACE, "Interface information", "インターフェース情報", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.choice("null_link", "Null link", "NULL連携", false, TerraformMenuSet.TRUE_FALSE),
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
            SET.movementMenu(Column.reference("workspace_name", "Workspace name", "Workspace名", true,
                    WORKSPACES + ".tf_workspace_name")));

    @Override
    public List<MenuDefinition> menus() {
        return MENUS;
    }

    @Override
    public ItaDriver driver() {
        return ItaDriver.TERRAFORM_CLI;
    }
}
