package dev.jita.transfer;

import dev.jita.core.Times;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code excel_upload}: a checked zip waiting to be imported, by workspace. */
@Component
class ExcelUploads {

    record Upload(String uploadId, String fileName, String fileId) {
    }

    private final JdbcClient jdbc;

    ExcelUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction; the new upload id. */
    String insert(String organizationId, String workspaceId, String fileName, String fileId, String user) {
        String uploadId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO excel_upload (upload_id, organization_id, workspace_id, file_name, file_id, uploaded_by, "
                        + "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(uploadId, organizationId, workspaceId, fileName, fileId, user, Times.toDb(Times.now())).update();
        return uploadId;
    }

    /**
     * The upload of this workspace with this id, locked until the caller's transaction ends (the expiry sweep waits
     * for an import being registered from it); another workspace's uploads are never found.
     */
    Optional<Upload> find(String organizationId, String workspaceId, String uploadId) {
        return jdbc.sql("SELECT upload_id, file_name, file_id FROM excel_upload "
                        + "WHERE upload_id = ? AND organization_id = ? AND workspace_id = ? FOR UPDATE")
                .params(uploadId, organizationId, workspaceId)
                .query((rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Removes the uploads waiting since before {@code before}; how many. */
    int deleteBefore(Instant before) {
        return jdbc.sql("DELETE FROM excel_upload WHERE uploaded_at < ?").param(Times.toDb(before)).update();
    }

    void delete(String uploadId) {
        jdbc.sql("DELETE FROM excel_upload WHERE upload_id = ?").param(uploadId).update();
    }
}
