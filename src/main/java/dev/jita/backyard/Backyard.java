package dev.jita.backyard;

import java.util.Optional;

/** The seven backyards, by the names the API uses. */
public enum Backyard {
    ANSIBLE_EXECUTE("ita-by-ansible-execute", "ansible", StatusTable.EXECUTION, true),
    /** Its runs go on at Terraform Cloud without jita: a dead node's items are handed over, not ended. */
    TERRAFORM_CLOUD_EP_EXECUTE("ita-by-terraform-cloud-ep-execute", "terraform-cloud-ep", StatusTable.EXECUTION, true, true,
            true),
    TERRAFORM_CLI_EXECUTE("ita-by-terraform-cli-execute", "terraform-cli", StatusTable.EXECUTION, true, true, false),
    /** One running item per sheet (its items carry the sheet's id as exclusive key): they apply in order. */
    MENU_CREATE("ita-by-menu-create", "menu-create", StatusTable.MENU_CREATE, true, true, false),
    MENU_EXPORT_IMPORT("ita-by-menu-export-import", "menu-export-import", StatusTable.EXPORT_IMPORT, true),
    EXCEL_EXPORT_IMPORT("ita-by-excel-export-import", "excel-export-import", StatusTable.EXPORT_IMPORT, true),
    /**
     * Listed by backyard-execute-check but not counted: the executions it starts count under their driver.
     * Its items advance in short steps and wait between them without a node.
     */
    CONDUCTOR_SYNCHRONIZE("ita-by-conductor-synchronize", "conductor", StatusTable.CONDUCTOR, false, false, false, true);

    private final String serviceName;
    private final String enabledProperty;
    private final StatusTable statusTable;
    private final boolean counted;
    private final boolean exclusiveKeys;
    private final boolean resumable;
    private final boolean stepped;

    Backyard(String serviceName, String switchName, StatusTable statusTable, boolean counted) {
        this(serviceName, switchName, statusTable, counted, false, false, false);
    }

    Backyard(String serviceName, String switchName, StatusTable statusTable, boolean counted, boolean exclusiveKeys,
             boolean resumable) {
        this(serviceName, switchName, statusTable, counted, exclusiveKeys, resumable, false);
    }

    Backyard(String serviceName, String switchName, StatusTable statusTable, boolean counted, boolean exclusiveKeys,
             boolean resumable, boolean stepped) {
        this.serviceName = serviceName;
        this.enabledProperty = "jita." + switchName + ".enabled";
        this.statusTable = statusTable;
        this.counted = counted;
        this.exclusiveKeys = exclusiveKeys;
        this.resumable = resumable;
        this.stepped = stepped;
    }

    /**
     * Whether its items run as a series of short steps (a conductor instance): between two steps an item
     * stays running without a node ({@link JobHandler.Step#later}); a node takes it again for its next step
     * only while both maintenance modes are OFF. A dead node's item waits for its next step the same way.
     */
    public boolean stepped() {
        return stepped;
    }

    /**
     * Whether the work of its items goes on outside jita (a Terraform Cloud run): when the node running an item
     * dies, the item stays running without a node and another node takes it over, whatever the modes say
     * (following a run is not starting one).
     */
    public boolean resumable() {
        return resumable;
    }

    /** Whether its items may carry an exclusive key (one running item per key, across nodes). */
    boolean exclusiveKeys() {
        return exclusiveKeys;
    }

    /** The setting that keeps a node from taking its items when false, e.g. {@code jita.ansible.enabled}. */
    public String enabledProperty() {
        return enabledProperty;
    }

    /** e.g. {@code ita-by-ansible-execute}. */
    public String serviceName() {
        return serviceName;
    }

    public StatusTable statusTable() {
        return statusTable;
    }

    /** Whether its running items count in execute_count. */
    public boolean counted() {
        return counted;
    }

    public static Optional<Backyard> of(String serviceName) {
        for (Backyard backyard : values()) {
            if (backyard.serviceName.equals(serviceName)) {
                return Optional.of(backyard);
            }
        }
        return Optional.empty();
    }
}
