package dev.jita.conductor;

import java.time.Instant;

/**
 * A conductor instance as registered: the class as it was then ({@code classSettings}, with the run's
 * conductor_data applied), the operation it runs on, who asked, its place among called instances and whether
 * an emergency stop was asked for. Its status and times are those of its backyard item.
 *
 * @param parentId the instance whose call node started this one, or null
 * @param topId    the instance at the top of the calls (itself when it has no parent)
 * @param timeBook the time it was scheduled for, or null
 */
public record ConductorInstance(String id, String organizationId, String workspaceId, String classId,
                                String conductorName, String classSettings, String operationId, String operationName,
                                String executionUser, String parentId, String topId, boolean abort,
                                Instant timeBook) {
}
