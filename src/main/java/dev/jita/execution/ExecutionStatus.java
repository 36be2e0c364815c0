package dev.jita.execution;

import dev.jita.backyard.StatusTable;
import java.util.Optional;

/** The status table of Ansible and Terraform executions (backyards.md), by name. */
public enum ExecutionStatus {
    UNEXECUTED(1),
    PREPARING(2),
    EXECUTING(3),
    DELAYED(4),
    COMPLETED(5),
    FAILED(6),
    UNEXPECTED_ERROR(7),
    EMERGENCY_STOP(8),
    SCHEDULED(9),
    SCHEDULE_CANCELLED(10);

    private final int id;

    ExecutionStatus(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public boolean running() {
        return StatusTable.EXECUTION.isRunning(id);
    }

    public String displayName(boolean japanese) {
        return StatusTable.EXECUTION.name(id, japanese);
    }

    public static Optional<ExecutionStatus> of(int id) {
        for (ExecutionStatus status : values()) {
            if (status.id == id) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
