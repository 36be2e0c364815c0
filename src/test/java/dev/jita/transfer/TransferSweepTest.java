package dev.jita.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.core.Times;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.Waits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Uploads nobody imports expire after {@code jita.transfer.upload-keep} (two seconds here) and the sweep removes
 * them with their files; the files of jobs stay; a deleted workspace's jobs' files go too.
 */
@TestPropertySource(properties = {"jita.excel-export-import.enabled=true", "jita.menu-export-import.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms", "jita.transfer.upload-keep=2s",
        "jita.transfer.sweep-interval=200ms"})
class TransferSweepTest extends ApiTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadsNobodyImportsExpireWithTheirFilesAndJobFilesStay() throws Exception {
        TestWorkspace ws = newWorkspace("sweep");
        String bulk = "/api/" + ws.org() + "/workspaces/ws1/ita/excel/bulk/";
        String excelJob = ended(ws, bulk + "export/execute/", Map.of("menu", List.of("operation_list"),
                "abolished_type", "1"), ExcelList.MENU);
        Http.Reply exported = ws.member().get(ws.menus() + ExcelList.MENU + "/" + excelJob + "/file_name/file/");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        Http.Reply excelUpload = ws.member().post(bulk + "upload/", Map.of("zipfile", Map.of("name", "a.zip",
                "base64", exported.data().path("file_data").asString())));
        assertThat(excelUpload.status()).as(excelUpload.toString()).isEqualTo(200);
        Http.Reply menuUpload = ws.member().post(ws.menus() + "import/upload/", Map.of("file", Map.of(
                "name", "data.kym", "base64", Base64.getEncoder().encodeToString(archive()))));
        assertThat(menuUpload.status()).as(menuUpload.toString()).isEqualTo(200);
        // However long the requests took, in the end no upload and no file that nothing refers to is left.
        Waits.awaitTrue("the uploads and their files removed", LIMIT, () -> uploads(ws.org()) == 0
                && unreferred() == 0);
        assertError(ws.member().post(ws.menus() + "import/execute/", Map.of("upload_id",
                menuUpload.data().path("upload_id").asString(), "menu", List.of("operation_list"))), 499, "499-00005");
        assertThat(ws.member().post(bulk + "import/execute/", Map.of("upload_id",
                excelUpload.data().path("upload_id").asString(), "data_portability_upload_file_name", "a.zip",
                "menu", Map.of("102", List.of("operation_list")))).status()).isNotEqualTo(200);
        // The export's zip is a job's file: it stays.
        assertThat(ws.member().get(ws.menus() + ExcelList.MENU + "/" + excelJob + "/file_name/file/")
                .data().path("file_data").asString()).isEqualTo(exported.data().path("file_data").asString());
    }

    @Test
    void aDeletedWorkspaceTakesItsJobsUploadsAndFiles() throws Exception {
        TestWorkspace ws = newWorkspace("sweepws");
        String menuJob = ended(ws, ws.menus() + "bulk/export/execute/", Map.of("mode", "1", "abolished_type", "1",
                "menu", List.of("operation_list")), MenuExportImportList.MENU);
        List<String> jobFiles = jdbc.sql("SELECT file_id FROM menu_export_import WHERE execution_no = ? UNION "
                        + "SELECT log_id FROM menu_export_import WHERE execution_no = ?")
                .params(menuJob, menuJob).query(String.class).list();
        assertThat(jobFiles).hasSize(2).allMatch(id -> chunks(id) > 0);
        Waits.awaitTrue("files older than the keep", LIMIT, () -> jdbc.sql("SELECT COUNT(*) FROM transfer_file "
                + "WHERE file_id = ? AND stored_at < ?").params(jobFiles.get(0),
                Times.toDb(Times.now().minus(Duration.ofSeconds(3))))
                .query(Integer.class).single() > 0);
        assertThat(jobFiles).allMatch(id -> chunks(id) > 0);

        Http.Reply deleted = ws.member().delete("/api/" + ws.org() + "/platform/workspaces/ws1");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        Waits.awaitTrue("the deleted workspace's files removed", LIMIT,
                () -> jobFiles.stream().allMatch(id -> chunks(id) == 0));
    }

    private String ended(TestWorkspace ws, String path, Map<String, Object> body, String list) throws Exception {
        Http.Reply reply = ws.member().post(path, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String no = reply.data().path("execution_no").asString();
        List<String> status = new ArrayList<>(List.of(""));
        Waits.awaitTrue("job " + no + " ended", LIMIT, () -> {
            for (JsonNode row : ws.member().get(ws.menus() + list + "/filter/").data()) {
                if (no.equals(row.path("parameter").path("execution_no").asString())) {
                    status.set(0, row.path("parameter").path("status").asString());
                }
            }
            return status.get(0).startsWith("Completed");
        });
        assertThat(status.get(0)).isEqualTo("Completed");
        return no;
    }

    /** Files no job or upload refers to. */
    private int unreferred() {
        return jdbc.sql("SELECT COUNT(DISTINCT f.file_id) FROM transfer_file f WHERE "
                        + "NOT EXISTS (SELECT 1 FROM menu_export_import m WHERE m.file_id = f.file_id OR m.log_id = f.file_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM excel_job e WHERE e.file_id = f.file_id "
                        + "OR e.result_file_id = f.file_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM menu_import_upload u WHERE u.file_id = f.file_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM excel_upload x WHERE x.file_id = f.file_id)")
                .query(Integer.class).single();
    }

    private int chunks(String fileId) {
        return jdbc.sql("SELECT COUNT(*) FROM transfer_file WHERE file_id = ?").param(fileId).query(Integer.class)
                .single();
    }

    private int uploads(String org) {
        return jdbc.sql("SELECT COUNT(*) FROM menu_import_upload WHERE organization_id = ?").param(org)
                .query(Integer.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM excel_upload WHERE organization_id = ?").param(org)
                .query(Integer.class).single();
    }

    private static byte[] archive() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("VERSION", "{\"format\":\"jita-kym\",\"version\":1}");
        entries.put("DP_INFO", "{\"DP_MODE\":\"1\",\"ABOLISHED_TYPE\":\"1\",\"JOURNAL_TYPE\":\"2\","
                + "\"SPECIFIED_TIMESTAMP\":null}");
        entries.put("MENU_NAME_REST_LIST", "operation_list");
        entries.put("MENU_GROUPS", "{\"menu_groups\":[]}");
        entries.put("operation_list", "[]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey(), true);
                header.setSize(content.length);
                tar.putArchiveEntry(header);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
