package dev.jita.conductor;

import java.time.Instant;

/**
 * One node of a conductor instance and where it is.
 *
 * @param executionId the driver execution of a movement node, the child instance of a call node, or null
 * @param statusFile  the first line of the movement's status file, read when it ended normally
 */
public record NodeInstance(String id, String instanceId, String nodeName, String nodeType, String orchestraId,
                           String executionId, int statusId, String statusFile, boolean released, boolean skip,
                           String endType, String note, Instant timeStart, Instant timeEnd) {

    NodeInstance withStatus(int status, Instant at) {
        Instant start = timeStart == null && status != NodeStatus.UNEXECUTED ? at : timeStart;
        Instant end = NodeStatus.isEnd(status) ? (timeEnd == null ? at : timeEnd) : null;
        return new NodeInstance(id, instanceId, nodeName, nodeType, orchestraId, executionId, status, statusFile,
                released, skip, endType, note, start, end);
    }

    NodeInstance withExecution(String execution) {
        return new NodeInstance(id, instanceId, nodeName, nodeType, orchestraId, execution, statusId, statusFile,
                released, skip, endType, note, timeStart, timeEnd);
    }

    NodeInstance withStatusFile(String file) {
        return new NodeInstance(id, instanceId, nodeName, nodeType, orchestraId, executionId, statusId, file,
                released, skip, endType, note, timeStart, timeEnd);
    }

    NodeInstance withNote(String text) {
        return new NodeInstance(id, instanceId, nodeName, nodeType, orchestraId, executionId, statusId, statusFile,
                released, skip, endType, text, timeStart, timeEnd);
    }

    NodeInstance releasedNow() {
        return new NodeInstance(id, instanceId, nodeName, nodeType, orchestraId, executionId, statusId, statusFile,
                true, skip, endType, note, timeStart, timeEnd);
    }
}
