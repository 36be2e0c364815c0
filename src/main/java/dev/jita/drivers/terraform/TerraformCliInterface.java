package dev.jita.drivers.terraform;

import dev.jita.menu.MenuService;
import org.springframework.stereotype.Component;

/**
 * The one-row menu {@code intarface_info_terraform_cli} as the driver uses it: the oldest active row counts
 * (later rows are kept but unused), and a missing row or an empty column means the default. Exastro seeds its
 * row; jita needs no seed and no migration for it.
 */
@Component
class TerraformCliInterface {

    static final int DEFAULT_MONITORING_CYCLE_MS = 3000;
    static final int DEFAULT_PROGRESS_ROWS = 1000;

    /** The settings: whether empty parameter sheet values are linked, the status polling cycle, the rows of log shown. */
    record Settings(boolean nullLink, int statusMonitoringCycleMs, int progressRows) {
    }

    private final MenuService menus;

    TerraformCliInterface(MenuService menus) {
        this.menus = menus;
    }

    Settings settings(String organizationId, String workspaceId) {
        return menus.records(organizationId, workspaceId, TerraformCliMenus.INTERFACE, false).stream()
                .filter(record -> !record.discarded())
                .findFirst()
                .map(record -> new Settings("True".equals(record.parameter().get("null_link")),
                        number(record.parameter().get("status_monitoring_cycle"), DEFAULT_MONITORING_CYCLE_MS),
                        number(record.parameter().get("number_of_rows_to_display_progress_status"), DEFAULT_PROGRESS_ROWS)))
                .orElse(new Settings(false, DEFAULT_MONITORING_CYCLE_MS, DEFAULT_PROGRESS_ROWS));
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number number ? (int) Math.min(number.longValue(), Integer.MAX_VALUE) : fallback;
    }
}
