package dev.jita.conductor;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An instance's status change, as {@link ConductorNotices#queue} renders it into the notices its class asks
 * for. The values fill Exastro's __VARIABLES__ of a notice's fields; null ones render as "".
 *
 * @param statusId   the instance's new status id (1 to 11)
 * @param noticeInfo the class's {@code conductor.notice_info}: notice name → the status ids it is sent on
 */
public record NoticeEvent(String organizationId, String workspaceId, String conductorInstanceId,
                          String conductorClassId, String conductorName, String operationId, String operationName,
                          int statusId, String executionUser, Instant timeRegister, Instant timeStart,
                          Instant timeEnd, JsonNode noticeInfo, String parentConductorInstanceId,
                          String parentConductorName, String topConductorInstanceId, String topConductorName,
                          boolean abortExecuteFlag, Instant timeBook, String note) {

    /** An instance that no other called, not aborted, not booked, without a note. */
    public NoticeEvent(String organizationId, String workspaceId, String conductorInstanceId, String conductorClassId,
                       String conductorName, String operationId, String operationName, int statusId,
                       String executionUser, Instant timeRegister, Instant timeStart, Instant timeEnd,
                       JsonNode noticeInfo) {
        this(organizationId, workspaceId, conductorInstanceId, conductorClassId, conductorName, operationId,
                operationName, statusId, executionUser, timeRegister, timeStart, timeEnd, noticeInfo, null, null,
                null, null, false, null, null);
    }
}
