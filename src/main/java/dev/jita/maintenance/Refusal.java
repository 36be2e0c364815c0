package dev.jita.maintenance;

/**
 * What load mode refused, with the result code the spec gives for it. The message (English and Japanese)
 * says what was refused and that it is because of maintenance.
 */
public enum Refusal {
    MENU_DATA("498-00001", "maintenance.refused.menu_data"),
    USER_MANAGEMENT("498-00001", "maintenance.refused.user_management"),
    SYSTEM_API("498-00001", "maintenance.refused.system_api"),
    PARAMETER_SHEET("498-00004", "maintenance.refused.parameter_sheet"),
    CONDUCTOR_CLASS("498-00005", "maintenance.refused.conductor_class"),
    CONDUCTOR_EXECUTE("498-00006", "maintenance.refused.conductor_execute"),
    CANCEL_RESERVATION("498-00007", "maintenance.refused.cancel_reservation"),
    EMERGENCY_STOP("498-00008", "maintenance.refused.emergency_stop"),
    RELEASE_PAUSE("498-00009", "maintenance.refused.release_pause"),
    DRIVER_EXECUTE("498-00010", "maintenance.refused.driver_execute"),
    DRIVER_DRY_RUN("498-00011", "maintenance.refused.driver_dry_run"),
    DRIVER_PARAMETER_CHECK("498-00012", "maintenance.refused.driver_parameter_check"),
    DRIVER_RESOURCE_DELETE("498-00013", "maintenance.refused.driver_resource_delete"),
    MENU_EXPORT("498-00014", "maintenance.refused.menu_export"),
    MENU_IMPORT("498-00015", "maintenance.refused.menu_import"),
    EXCEL_EXPORT("498-00016", "maintenance.refused.excel_export"),
    EXCEL_IMPORT("498-00017", "maintenance.refused.excel_import"),
    ORGANIZATION_CREATE("498-23001", "maintenance.refused.organization_create"),
    ORGANIZATION_DELETE("498-23002", "maintenance.refused.organization_delete"),
    ORGANIZATION_UPDATE("498-23003", "maintenance.refused.organization_update"),
    WORKSPACE_CREATE("498-22001", "maintenance.refused.workspace_create"),
    WORKSPACE_DELETE("498-22002", "maintenance.refused.workspace_delete"),
    WORKSPACE_UPDATE("498-22003", "maintenance.refused.workspace_update");

    private final String code;
    private final String messageKey;

    Refusal(String code, String messageKey) {
        this.code = code;
        this.messageKey = messageKey;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }
}
