package dev.jita.execution;

/**
 * An execution as registered: what it is about, named as it was at registration. The movement and the
 * operation are absent for a driver's mode that needs neither (e.g. Terraform's resource deletion).
 *
 * @param target the driver's own subject of the run, e.g. the Terraform workspace's record id, or null
 * @param conductorInstanceId the conductor instance whose movement node registered it, or null
 * @param conductorName that instance's conductor name, or null
 */
public record Execution(String id, String driver, String organizationId, String workspaceId, RunMode runMode,
                        String movementId, String movementName, String operationId, String operationName,
                        String target, String targetName, String registeredBy, String conductorInstanceId,
                        String conductorName) {
}
