package dev.jita.transfer;

import static dev.jita.test.Workbooks.cell;
import static dev.jita.test.Workbooks.columns;
import static dev.jita.test.Workbooks.headerRow;
import static dev.jita.test.Workbooks.headerRowOf;
import static dev.jita.test.Workbooks.set;
import static dev.jita.test.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Exastro's per-menu Excel endpoints over HTTP: workbooks downloaded, edited with POI and uploaded back through
 * {@code excel/maintenance/}, all or nothing.
 */
class MenuExcelApiTest extends ApiTest {

    private TestWorkspace ws;
    private String excel;

    @BeforeEach
    void workspace() {
        ws = newWorkspace("menuxl");
        excel = ws.menus() + "operation_list/excel/";
    }

    @Test
    void aDownloadedWorkbookEditedAndUploadedChangesTheRecords() throws IOException {
        operation("op-a");
        operation("op-b");
        operation("op-c");

        Http.Reply download = ws.member().get(excel);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.result()).isEqualTo("000-00000");
        byte[] edited = edit(Base64.getDecoder().decode(download.data().asString()), sheet -> {
            assertThat(sheet.getSheetName()).isEqualTo("Operation list");
            int header = headerRow(sheet);
            Map<String, Integer> columns = columns(sheet, header);
            for (int r = header + 1; !cell(sheet, r, columns.get("Operation name")).isEmpty(); r++) {
                switch (cell(sheet, r, columns.get("Operation name"))) {
                    case "op-a" -> {
                        set(sheet, r, 2, "Update");
                        set(sheet, r, columns.get("Operation name"), "op-a2");
                    }
                    case "op-b" -> set(sheet, r, 2, "Discard");
                    default -> { }
                }
            }
            set(sheet, header + 5, 2, "Register");
            set(sheet, header + 5, columns.get("Operation name"), "op-new");
            set(sheet, header + 5, columns.get("Scheduled date for execution"), "2026/12/24 09:00:00");
        });

        Http.Reply uploaded = ws.member().post(excel + "maintenance/", Map.of("excel", base64(edited)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.data().path("Register").asInt()).isEqualTo(1);
        assertThat(uploaded.data().path("Update").asInt()).isEqualTo(1);
        assertThat(uploaded.data().path("Discard").asInt()).isEqualTo(1);
        assertThat(uploaded.data().path("Restore").asInt()).isZero();
        assertThat(uploaded.data().path("IdList").size()).isEqualTo(3);
        assertThat(names(false)).containsExactlyInAnyOrder("op-a2", "op-c", "op-new");
        assertThat(names(true)).containsExactly("op-b");

        // The same workbook again: op-a2's row still carries op-a's old last update, so nothing is written.
        Http.Reply stale = ws.member().post(excel + "maintenance/", Map.of("excel", base64(edited)));
        assertError(stale, 499, "499-00201");
        assertThat(names(false)).containsExactlyInAnyOrder("op-a2", "op-c", "op-new");
    }

    @Test
    void theFormatAndTheFileFormUploadAndTheBinaryDownload() throws IOException {
        operation("op-listed");
        Http.Reply format = ws.member().get(excel + "format/");
        assertThat(format.status()).as(format.toString()).isEqualTo(200);
        byte[] empty = Base64.getDecoder().decode(format.data().asString());
        byte[] filled = edit(empty, sheet -> {
            int header = headerRow(sheet);
            assertThat(text(sheet)).doesNotContain("op-listed");
            Map<String, Integer> columns = columns(sheet, header);
            set(sheet, header + 1, 2, "Register");
            set(sheet, header + 1, columns.get("Operation name"), "op-form");
        });
        Http.Reply uploaded = ws.member().multipart("POST", excel + "maintenance/",
                Http.Part.file("excel", "operations.xlsx", filled));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.data().path("Register").asInt()).isEqualTo(1);
        assertThat(names(false)).containsExactlyInAnyOrder("op-listed", "op-form");

        Http.Reply binary = ws.member().get(excel + "?file=binary");
        assertThat(binary.status()).isEqualTo(200);
        assertThat(binary.header("Content-Type")).startsWith(MenuExcel.CONTENT_TYPE);
        assertThat(binary.header("Content-Disposition")).startsWith("attachment;").contains(".xlsx");
        assertThat(binary.body()).startsWith("PK");
    }

    @Test
    void aSearchDownloadsOnlyItsRecords() throws IOException {
        operation("op-one");
        operation("op-two");
        operation("op-three");
        Http.Reply filtered = ws.member().post(excel, Map.of("operation_name", Map.of("LIST", List.of("op-two"))));
        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        String text = text(Base64.getDecoder().decode(filtered.data().asString()));
        assertThat(text).contains("op-two").doesNotContain("op-one").doesNotContain("op-three");
        assertThat(text(Base64.getDecoder().decode(ws.member().get(excel).data().asString())))
                .contains("op-one", "op-two", "op-three");
        // Japanese labels follow the request's language.
        Http.Reply japanese = ws.member().header("Language", "ja").get(excel);
        assertThat(text(Base64.getDecoder().decode(japanese.data().asString()))).contains("実行処理種別");

        assertError(ws.member().post(excel, Map.of("operation_name", Map.of("RANGE", Map.of("START", "a")))), 499,
                "499-00101");
        assertError(ws.member().post(excel, "not json"), 400, "400-00002");
    }

    @Test
    void aRefusedRowLeavesTheTableAsItWas() throws IOException {
        operation("op-keep");
        operation("op-other");
        List<JsonNode> before = records();
        byte[] edited = edit(Base64.getDecoder().decode(ws.member().get(excel).data().asString()), sheet -> {
            int header = headerRow(sheet);
            Map<String, Integer> columns = columns(sheet, header);
            set(sheet, header + 1, 2, "Update");
            set(sheet, header + 1, columns.get("Operation name"), "op-changed");
            set(sheet, header + 2, 2, "Update");
            set(sheet, header + 2, columns.get("Scheduled date for execution"), "not a date");
            set(sheet, header + 4, 2, "Register");
        });
        Http.Reply refused = ws.member().post(excel + "maintenance/", Map.of("excel", base64(edited)));
        assertError(refused, 499, "499-00201");
        List<String> where = new ArrayList<>();
        for (JsonNode refusal : refused.json().path("data").path("refusals")) {
            where.add(refusal.path("row").asInt() + ":" + refusal.path("rest_name").asString());
        }
        int headerExcelRow = headerRowOf(edited) + 1;
        assertThat(where).contains((headerExcelRow + 2) + ":scheduled_date_for_execution",
                (headerExcelRow + 4) + ":operation_name");
        assertThat(refused.json().path("message").asString()).contains("row " + (headerExcelRow + 2) + ", column ");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void whoMayDownloadAndUpload() throws IOException {
        operation("op-x");
        String org = ws.org();
        TestWorkspace other = newWorkspace("menuxlother");
        createUser(other.member(), other.org(), "stranger", "stranger-pass", "ws1", "member");
        Http stranger = http().as("stranger", "stranger-pass");
        byte[] workbook = Base64.getDecoder().decode(ws.member().get(excel).data().asString());
        Map<String, String> body = Map.of("excel", base64(workbook));

        assertThat(ws.viewer().get(excel).status()).isEqualTo(200);
        assertThat(ws.viewer().get(excel + "format/").status()).isEqualTo(200);
        assertThat(ws.viewer().post(excel, Map.of()).status()).isEqualTo(200);
        assertError(ws.viewer().post(excel + "maintenance/", body), 401, "401-00001");
        assertError(ws.viewer().multipart("POST", excel + "maintenance/", Http.Part.file("excel", "a.xlsx", workbook)),
                401, "401-00001");
        for (String path : List.of(excel, excel + "format/")) {
            assertError(http().get(path), 401, "401-00002");
            // Another organization's user is not a user of this organization.
            assertError(stranger.get(path), 401, "401-00002");
        }
        assertError(http().post(excel + "maintenance/", body), 401, "401-00002");
        assertError(stranger.post(excel + "maintenance/", body), 401, "401-00002");
        assertError(ws.member().get("/api/" + org + "/workspaces/nope/ita/menu/operation_list/excel/"), 403, "403-00001");
        assertError(ws.member().post("/api/" + org + "/workspaces/nope/ita/menu/operation_list/excel/maintenance/",
                body), 403, "403-00001");
        assertError(ws.member().get(ws.menus() + "no_such_menu/excel/"), 499, "499-00002");
        assertError(ws.member().post(ws.menus() + "no_such_menu/excel/maintenance/", body), 499, "499-00002");
        assertThat(names(false)).containsExactly("op-x");
    }

    @Test
    void malformedUploadsAreRefusedAndChangeNothing() throws IOException {
        operation("op-y");
        List<JsonNode> before = records();
        String upload = excel + "maintenance/";
        assertError(ws.member().post(upload, "not json"), 400, "400-00002");
        assertError(ws.member().post(upload, Map.of()), 400, "400-00002");
        assertError(ws.member().post(upload, Map.of("excel", 42)), 400, "400-00002");
        assertError(ws.member().post(upload, Map.of("excel", "*** not base64 ***")), 400, "400-00002");
        Http.Reply notWorkbook = ws.member().post(upload, Map.of("excel", base64("hello".getBytes(StandardCharsets.UTF_8))));
        assertError(notWorkbook, 499, "499-00401");
        assertThat(notWorkbook.json().path("message").asString()).contains("xlsx").doesNotContain("jita-menu-excel");
        assertError(ws.member().multipart("POST", upload, Http.Part.field("other", "x")), 400, "400-00002");
        // Another menu's workbook, with a row to register.
        byte[] devices = edit(Base64.getDecoder().decode(ws.member().get(ws.menus() + "device_list/excel/format/")
                .data().asString()), sheet -> set(sheet, headerRow(sheet) + 1, 2, "Register"));
        Http.Reply wrongMenu = ws.member().post(upload, Map.of("excel", base64(devices)));
        assertError(wrongMenu, 499, "499-00402");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void loadModeRefusesTheUploadButNotTheDownload() throws IOException {
        operation("op-z");
        byte[] workbook = edit(Base64.getDecoder().decode(ws.member().get(excel).data().asString()), sheet -> {
            int header = headerRow(sheet);
            set(sheet, header + 1, 2, "Update");
            set(sheet, header + 1, columns(sheet, header).get("Operation name"), "op-z2");
        });
        setModes("0", "1");
        try {
            assertThat(ws.member().get(excel).status()).isEqualTo(200);
            assertError(ws.member().post(excel + "maintenance/", Map.of("excel", base64(workbook))), 498, "498-00001");
            assertError(ws.member().post(excel + "maintenance/", Map.of("excel", "*** not base64 ***")), 498,
                    "498-00001");
        } finally {
            setModes("0", "0");
        }
        assertThat(names(false)).containsExactly("op-z");
        assertThat(ws.member().post(excel + "maintenance/", Map.of("excel", base64(workbook))).status()).isEqualTo(200);
        assertThat(names(false)).containsExactly("op-z2");
    }

    // ------------------------------------------------------------------ helpers

    private void operation(String name) {
        Http.Reply reply = ws.member().post(ws.menus() + "operation_list/maintenance/", Map.of("parameter",
                Map.of("operation_name", name, "scheduled_date_for_execution", "2026/12/01 10:30:00")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        ws.member().get(ws.menus() + "operation_list/filter/").data().forEach(records::add);
        return records;
    }

    private List<String> names(boolean discarded) {
        List<String> names = new ArrayList<>();
        for (JsonNode record : records()) {
            if (record.path("parameter").path("discard").asString().equals(discarded ? "1" : "0")) {
                names.add(record.path("parameter").path("operation_name").asString());
            }
        }
        return names;
    }

    private static String base64(byte[] content) {
        return Base64.getEncoder().encodeToString(content);
    }

    private static byte[] edit(byte[] workbook, Consumer<XSSFSheet> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }
}
