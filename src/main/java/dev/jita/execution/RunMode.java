package dev.jita.execution;

import dev.jita.maintenance.Refusal;

/**
 * What an execution is asked to do, with Exastro's run mode numbers. Stored by {@link #stored()}; the
 * first two values are those Ansible executions always had.
 */
public enum RunMode {
    RUN("run", 1, Refusal.DRIVER_EXECUTE),
    DRY_RUN("dry_run", 2, Refusal.DRIVER_DRY_RUN),
    PARAMETER_CHECK("parameter_check", 3, Refusal.DRIVER_PARAMETER_CHECK),
    DESTROY("destroy", 4, Refusal.DRIVER_RESOURCE_DELETE);

    private final String stored;
    private final int exastroId;
    private final Refusal refusal;

    RunMode(String stored, int exastroId, Refusal refusal) {
        this.stored = stored;
        this.exastroId = exastroId;
        this.refusal = refusal;
    }

    public String stored() {
        return stored;
    }

    public int exastroId() {
        return exastroId;
    }

    /** How load mode refuses registering an execution of this mode. */
    public Refusal refusal() {
        return refusal;
    }

    static RunMode ofStored(String stored) {
        for (RunMode mode : values()) {
            if (mode.stored.equals(stored)) {
                return mode;
            }
        }
        throw new IllegalStateException("Unknown run mode " + stored);
    }
}
