package dev.jita.basic;

import dev.jita.menu.Column;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The basic console's menus every driver works from: the operations and the devices, with Exastro ITA's
 * columns in Exastro's order (docs/menus.md lists each one and every difference). Their names are public:
 * drivers refer to these menus.
 */
@Component
public class BasicMenus implements MenuCatalog.MenuProvider {

    /** A host name, also what drivers write into an inventory or a file name. */
    public static final String NAME = "[A-Za-z0-9_.\\-]+";
    public static final String OPERATIONS = "operation_list";
    public static final String DEVICES = "device_list";
    private static final int TEXT = 4000;

    BasicMenus() {
    }

    @Override
    public List<MenuDefinition> menus() {
        return List.of(
                new MenuDefinition(OPERATIONS, "Operation list", "オペレーション一覧", List.of(
                        Column.id("operation_id", "Operation ID", "オペレーションID"),
                        Column.text("operation_name", "Operation name", "オペレーション名", true, true, 255),
                        Column.dateTime("scheduled_date_for_execution", "Scheduled date for execution", "実施予定日時", false),
                        Column.dateTime("last_run_date", "Last run date", "最終実行日時", false).filledByJita(),
                        Column.text("environment", "Environment", "環境", false, false, 255),
                        Column.language("language", "Language", "言語")),
                        List.of(), true),
                new MenuDefinition(DEVICES, "Device list", "機器一覧", List.of(
                        Column.id("managed_system_item_number", "Managed system item number", "管理システム項番"),
                        Column.choice("hw_device_type", "HW device type", "HW機器種別", false, List.of("SV", "ST", "NW")),
                        Column.text("host_name", "Host name", "ホスト名", true, true, 255).matching(NAME),
                        Column.text("host_dns_name", "DNS Host name", "DNSホスト名", false, false, 255),
                        Column.text("ip_address", "IP address", "IPアドレス", false, false, 64)
                                .matching("[0-9A-Fa-f:.]+"),
                        Column.text("login_user", "Login user", "ユーザ", false, false, 255),
                        Column.password("login_password", "Login password", "パスワード", false),
                        Column.file("ssh_private_key_file", "ssh private key file", "ssh秘密鍵ファイル", false),
                        Column.password("passphrase", "Passphrase", "パスフレーズ", false),
                        Column.text("authentication_method", "Authentication method", "認証方式", false, false, 255),
                        Column.integer("port_no", "Port no", "ポート番号", false, 0, 65_535),
                        Column.file("winrm_public_key_file", "winrm public key file", "winrm公開鍵ファイル", false),
                        Column.file("winrm_private_key_file", "winrm private key file", "winrm秘密鍵ファイル", false),
                        Column.choice("protocol", "Protocol", "プロトコル", false, List.of("telnet", "ssh")),
                        Column.text("os_type", "OS type", "OS種別", false, false, 255),
                        Column.choice("lang", "LANG", "LANG", false, List.of("utf-8", "shift_jis", "euc")),
                        Column.text("connection_options", "Connection options", "接続オプション", false, false, TEXT),
                        Column.multiline("inventory_file_additional_option", "Inventory file Additional option",
                                "インベントリファイル追加オプション", false, TEXT),
                        Column.text("instance_group_name", "Instance group name", "インスタンスグループ名", false, false, 255),
                        Column.choice("connection_type", "Connection type", "接続タイプ", true,
                                List.of("machine", "network", "ssh", "local"))),
                        List.of(), true));
    }
}
