package dev.jita.drivers.terraform;

import dev.jita.menu.MenuService;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one-row menu {@code intarface_info_terraform_cloud_ep} as the driver uses it: the oldest active row
 * counts (later rows are kept but unused); without one the driver is not configured. An empty monitoring
 * cycle or row count means the CLI driver's default.
 */
@Component
class TerraformCloudEpInterface {

    static final String API_PATH = "/api/v2";

    /**
     * Where Terraform Cloud or Enterprise is and how to reach it.
     *
     * @param port      null: the protocol's
     * @param token     the user token in clear, null when none is set
     * @param proxyPort null: the proxy address's own or none
     */
    record Settings(String protocol, String hostname, Integer port, String token, String proxyAddress,
                    Integer proxyPort, int statusMonitoringCycleMs, int progressRows) {

        /** What the status API shows where nothing is configured: the defaults. */
        static final Settings NONE = new Settings(null, null, null, null, null, null,
                TerraformCliInterface.DEFAULT_MONITORING_CYCLE_MS, TerraformCliInterface.DEFAULT_PROGRESS_ROWS);

        /** The API's base, e.g. {@code https://app.terraform.io/api/v2}. */
        String baseUrl() {
            return protocol + "://" + hostname + (port == null ? "" : ":" + port) + API_PATH;
        }

        /** Without the token, so that settings logged or shown never carry it. */
        @Override
        public String toString() {
            return "Settings[" + baseUrl() + ", token " + (token == null ? "unset" : "set") + ", proxy "
                    + proxyAddress + (proxyPort == null ? "" : ":" + proxyPort) + ", cycle " + statusMonitoringCycleMs
                    + " ms, " + progressRows + " rows]";
        }
    }

    /** Lazily: the driver that reads these settings is needed by menus the menu engine is built with. */
    private final ObjectProvider<MenuService> menus;

    TerraformCloudEpInterface(ObjectProvider<MenuService> menus) {
        this.menus = menus;
    }

    /** The settings; empty where the menu has no active row. */
    Optional<Settings> settings(String organizationId, String workspaceId) {
        MenuService menus = this.menus.getObject();
        return menus.records(organizationId, workspaceId, TerraformCloudEpMenus.INTERFACE, false).stream()
                .filter(record -> !record.discarded())
                .findFirst()
                .map(record -> {
                    Map<String, Object> values = record.parameter();
                    return new Settings((String) values.get("protocol"), (String) values.get("hostname"),
                            port(values.get("port")),
                            menus.secret(organizationId, workspaceId, TerraformCloudEpMenus.INTERFACE, record.id(),
                                    "user_token").orElse(null),
                            (String) values.get("proxy_address"), port(values.get("proxy_port")),
                            number(values.get("status_monitoring_cycle"), TerraformCliInterface.DEFAULT_MONITORING_CYCLE_MS),
                            number(values.get("number_of_rows_to_display_progress_status"),
                                    TerraformCliInterface.DEFAULT_PROGRESS_ROWS));
                });
    }

    private static Integer port(Object value) {
        return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number number ? (int) Math.min(number.longValue(), Integer.MAX_VALUE) : fallback;
    }
}
