package dev.jita.transfer;

import dev.jita.core.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code menu_export_import}: what each export (and import) was asked to do, and its files. */
@Repository
class MenuExportStore {

    static final int EXPORT = 1;
    static final int IMPORT = 2;

    /**
     * One request. {@code menus}: the JSON array of REST names; {@code passphrase}: sealed, null when none was
     * given or the job has ended.
     */
    record Row(String executionNo, String organizationId, String workspaceId, int executionType, String mode,
               String abolishedType, String journalType, String specifiedTime, String menus, String passphrase,
               String language, String fileName, String fileId, String logName, String logId) {
    }

    private static final String COLUMNS = "execution_no, organization_id, workspace_id, execution_type, mode, "
            + "abolished_type, journal_type, specified_time, menus, passphrase, language, file_name, file_id, "
            + "log_name, log_id";

    private final JdbcClient jdbc;

    MenuExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row) {
        jdbc.sql("INSERT INTO menu_export_import (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.executionNo(), row.organizationId(), row.workspaceId(), row.executionType(), row.mode(),
                        row.abolishedType(), row.journalType(), row.specifiedTime(), row.menus(), row.passphrase(),
                        row.language(), row.fileName(), row.fileId(), row.logName(), row.logId())
                .update();
    }

    Optional<Row> find(String executionNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM menu_export_import WHERE execution_no = ?").param(executionNo)
                .query(MenuExportStore::row).optional();
    }

    List<Row> all(String organizationId, String workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM menu_export_import WHERE organization_id = ? AND workspace_id = ?")
                .params(organizationId, workspaceId).query(MenuExportStore::row).list();
    }

    /** The job's result: its files, and the passphrase forgotten. */
    void finish(String executionNo, String fileName, String fileId, String logName, String logId) {
        jdbc.sql("UPDATE menu_export_import SET file_name = ?, file_id = ?, log_name = ?, log_id = ?, passphrase = NULL "
                        + "WHERE execution_no = ?")
                .params(fileName, fileId, logName, logId, executionNo).update();
    }

    /** A checked archive waiting for its import. */
    record Upload(String uploadId, String fileName, String fileId) {
    }

    void insertUpload(String uploadId, String organizationId, String workspaceId, String fileName, String fileId) {
        jdbc.sql("INSERT INTO menu_import_upload (upload_id, organization_id, workspace_id, file_name, file_id, "
                        + "uploaded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(uploadId, organizationId, workspaceId, fileName, fileId, Times.toDb(Times.now())).update();
    }

    /**
     * The workspace's upload; an import takes it over (it can be imported once). Locked first: the expiry sweep
     * waits for the import's registration, then finds the upload gone and its file referred to by the import.
     */
    Optional<Upload> takeUpload(String organizationId, String workspaceId, String uploadId) {
        Optional<Upload> upload = jdbc.sql("SELECT upload_id, file_name, file_id FROM menu_import_upload "
                        + "WHERE upload_id = ? AND organization_id = ? AND workspace_id = ? FOR UPDATE")
                .params(uploadId, organizationId, workspaceId)
                .query((rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        upload.ifPresent(u -> jdbc.sql("DELETE FROM menu_import_upload WHERE upload_id = ?").param(uploadId).update());
        return upload;
    }

    /** Removes the uploads waiting since before {@code before}; how many. */
    int deleteUploadsBefore(Instant before) {
        return jdbc.sql("DELETE FROM menu_import_upload WHERE uploaded_at < ?").param(Times.toDb(before)).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
    }
}
