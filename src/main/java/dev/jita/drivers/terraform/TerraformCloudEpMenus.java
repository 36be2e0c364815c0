package dev.jita.drivers.terraform;

import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.platform.ItaDriver;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The menus of the Terraform Cloud/EP driver with Exastro ITA's REST names and columns (docs/menus.md lists
 * them and every difference); those it shares with the CLI driver come from {@link TerraformMenuSet}. The
 * policy menus are not defined. An organization created without the driver has none of them.
 */
@Component
class TerraformCloudEpMenus implements MenuCatalog.MenuProvider {

    private static final TerraformMenuSet SET = TerraformMenuSet.CLOUD_EP;
    static final String INTERFACE = SET.interfaceInfo;
    static final String ORGANIZATIONS = "organization_list_terraform_cloud_ep";
    static final String WORKSPACES = SET.workspaces;
    static final String MOVEMENTS = SET.movements;
    static final String MODULES = SET.modules;
    static final String MOVEMENT_MODULES = SET.movementModules;
    static final String MODULE_VARIABLES = SET.moduleVariables;
    static final String AUTO_REGISTRATION = SET.autoRegistration;
    static final String VALUES = SET.values;
    static final String ORGANIZATION_WORKSPACE = "organization_workspace";
    /** A Terraform Cloud organization name, as Exastro checks it (no ':', so "organization:workspace" splits once). */
    static final String ORGANIZATION_NAME = "[A-Za-z0-9_\\-]{1,40}";
    /** A Terraform Cloud workspace name, as Exastro checks it. */
    static final String WORKSPACE_NAME = "[A-Za-z0-9_\\-]{1,90}";
    /** A host name or an IPv4 address, or an IPv6 address in brackets: nothing that could change the URL's path. */
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]";
    private static final String EMAIL =
            "[A-Za-z0-9_+\\-]+(\\.[A-Za-z0-9_+\\-]+)*@([A-Za-z0-9][A-Za-z0-9\\-]*[A-Za-z0-9]*\\.)+[A-Za-z]{2,}";

    private static final List<MenuDefinition> MENUS = SET.menus(
            new MenuDefinition(INTERFACE, "Interface information", "インターフェース情報", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.choice("protocol", "Protocol", "プロトコル", true, List.of("https", "http")),
                    Column.text("hostname", "Hostname", "ホスト名", true, false, 255).matching(HOST),
                    Column.integer("port", "Port", "ポート", false, 1, 65_535),
                    // Exastro's token may be 1024 characters long; Column.password() allows 255.
                    new Column("user_token", "User token", "ユーザトークン", ColumnType.PASSWORD, false, false, 1024, 0,
                            null, List.of(), null, false),
                    Column.text("proxy_address", "Proxy address", "プロキシアドレス", false, false, 255),
                    Column.integer("proxy_port", "Proxy port", "プロキシポート", false, 1, 65_535),
                    Column.choice("null_link", "Null link", "NULL連携", false, TerraformMenuSet.TRUE_FALSE),
                    Column.integer("status_monitoring_cycle", "Status monitoring cycle (ms)", "状態監視周期(単位ミリ秒)",
                            false, 1000, Integer.MAX_VALUE),
                    Column.integer("number_of_rows_to_display_progress_status", "Number of rows to display progress status",
                            "進行状態表示行数", false, 1, Integer.MAX_VALUE)),
                    List.of(), true),
            new MenuDefinition(ORGANIZATIONS, "Organization list", "Organization管理", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.text("tf_organization_name", "Organization name", "Organization名", true, true, 40)
                            .matching(ORGANIZATION_NAME),
                    Column.text("email_address", "Email address", "Email address", true, false, 128).matching(EMAIL)),
                    List.of(), true),
            new MenuDefinition(WORKSPACES, "Workspace list", "Workspace管理", List.of(
                    Column.id("item_no", "Item No.", "項番"),
                    Column.reference("tf_organization_name", "Organization name", "Organization名", true,
                            ORGANIZATIONS + ".tf_organization_name"),
                    Column.text("tf_workspace_name", "Workspace name", "Workspace名", true, false, 90)
                            .matching(WORKSPACE_NAME),
                    Column.text("terraform_version", "Terraform version", "Terraform version", false, false, 8)
                            .matching("[0-9.]+")),
                    List.of(List.of("tf_organization_name", "tf_workspace_name")), true),
            SET.movementMenu(Column.text(ORGANIZATION_WORKSPACE, "Organization:Workspace", "Organization:Workspace",
                    true, false, 131)));

    @Override
    public List<MenuDefinition> menus() {
        return MENUS;
    }

    @Override
    public ItaDriver driver() {
        return ItaDriver.TERRAFORM_CLOUD_EP;
    }
}
