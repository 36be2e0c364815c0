package dev.jita.web;

import static dev.jita.test.Workbooks.headerRow;
import static dev.jita.test.Workbooks.headerRowOf;
import static dev.jita.test.Workbooks.set;
import static dev.jita.test.Workbooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A menu table page's downloads and upload without a browser: the links keep the page's search and sort, the files
 * hold what the page finds, and an uploaded JSON or Excel file is applied all or nothing, its refusals shown by row
 * and column in the page's language; who may do what.
 */
class MenuFilePagesTest extends ApiTest {

    private static final Pattern JSON_LINK = Pattern.compile("id=\"download-json\" href=\"([^\"]+)\"");
    private static final Pattern EXCEL_LINK = Pattern.compile("id=\"download-excel\" href=\"([^\"]+)\"");

    private TestWorkspace ws;
    private String table;
    private UiClient owner;
    private UiClient viewer;

    @BeforeEach
    void operations() {
        ws = newWorkspace("menufile");
        for (String name : List.of("op-1", "op-2", "op-3")) {
            Http.Reply reply = ws.member().post(ws.menus() + "operation_list/maintenance/", Map.of("parameter",
                    Map.of("operation_name", name, "scheduled_date_for_execution", "2026/12/01 10:30:00")));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        table = "/ui/ws/" + ws.org() + "/ws1/menu/operation_list";
        owner = new UiClient(port);
        owner.logIn(ws.org(), "owner", "owner-pass");
        viewer = new UiClient(port);
        viewer.logIn(ws.org(), "watcher", "watcher-pass");
    }

    @Test
    void theDownloadsHoldWhatThePageFinds() throws IOException {
        UiClient.Page page = owner.get(table + "?q%3Aoperation_name=op-&sort=operation_name&dir=desc&size=50&page=1");
        assertThat(page.status()).isEqualTo(200);
        String json = link(page, JSON_LINK);
        assertThat(json).isEqualTo(table + "/download/json?q%3Aoperation_name=op-&sort=operation_name&dir=desc");
        UiClient.Download downloaded = owner.download(json);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        JsonNode records = Http.JSON.readTree(downloaded.body());
        assertThat(names(records)).containsExactly("op-3", "op-2", "op-1");
        assertThat(records.get(0).has("file")).isTrue();

        UiClient.Page filtered = owner.get(table + "?l%3Aoperation_name=op-2");
        JsonNode one = Http.JSON.readTree(owner.download(link(filtered, JSON_LINK)).body());
        assertThat(names(one)).containsExactly("op-2");
        UiClient.Download excel = owner.download(link(filtered, EXCEL_LINK));
        assertThat(excel.status()).isEqualTo(200);
        assertThat(excel.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        String sheet = text(excel.body());
        assertThat(sheet).contains("op-2").doesNotContain("op-1").doesNotContain("op-3");

        // Viewers download too; the Japanese workbook has Japanese labels.
        UiClient.Download japanese = viewer.download(table + "/download/excel?lang=ja");
        assertThat(japanese.status()).isEqualTo(200);
        assertThat(text(japanese.body())).contains("実行処理種別").contains("op-1");
        assertThat(viewer.download(table + "/download/json").status()).isEqualTo(200);
    }

    @Test
    void badDownloadsAndOthersAreRefused() {
        assertThat(owner.download(table + "/download/json?discarded=maybe").status()).isEqualTo(400);
        assertThat(owner.download(table + "/download/excel?sort=no_such_column").status()).isEqualTo(400);
        UiClient anonymous = new UiClient(port);
        UiClient.Download nobody = anonymous.download(table + "/download/json");
        assertThat(nobody.status()).isEqualTo(302);
        assertThat(nobody.headers().firstValue("Location").orElse("")).contains("login");
        TestWorkspace other = newWorkspace("menufileother");
        UiClient stranger = new UiClient(port);
        stranger.logIn(other.org(), "owner", "owner-pass");
        assertThat(stranger.download(table + "/download/json").status()).isEqualTo(403);
        assertThat(stranger.download(table + "/download/excel").status()).isEqualTo(403);
    }

    @Test
    void aJsonDownloadChangedAndUploadedUpdatesAndRegisters() {
        ArrayNode records = (ArrayNode) Http.JSON.readTree(owner.download(table + "/download/json").body());
        for (JsonNode record : records) {
            ObjectNode parameter = (ObjectNode) record.get("parameter");
            if (parameter.path("operation_name").asString().equals("op-1")) {
                parameter.put("operation_name", "op-1x");
            }
        }
        records.addObject().putObject("parameter").put("operation_name", "op-4");
        UiClient.Page done = upload(owner, "records.json", records.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        UiClient.Page shown = owner.get(path(done.location()));
        assertThat(shown.body()).contains("Uploaded: 1 registered, 3 updated, 0 discarded, 0 restored.");
        assertThat(names(false)).containsExactlyInAnyOrder("op-1x", "op-2", "op-3", "op-4");

        // maintenance/all/'s list: a Discard.
        JsonNode op2 = record("op-2");
        String discard = "[{\"type\": \"Discard\", \"parameter\": {\"uuid\": \"" + op2.path("uuid").asString()
                + "\", \"last_update_date_time\": \"" + op2.path("last_update_date_time").asString() + "\"}}]";
        UiClient.Page discarded = upload(owner, "discard.json", discard.getBytes(StandardCharsets.UTF_8));
        assertThat(owner.get(path(discarded.location())).body()).contains("0 registered, 0 updated, 1 discarded");
        assertThat(names(true)).containsExactly("op-2");

        // The whole download again, as it is: the discarded record stays as it is, the others are updated.
        byte[] all = owner.download(table + "/download/json?discarded=all").body();
        UiClient.Page again = upload(owner, "all.json", all);
        assertThat(owner.get(path(again.location())).body()).contains("Uploaded: 0 registered, 3 updated, 0 discarded");
        assertThat(names(true)).containsExactly("op-2");
        assertThat(names(false)).containsExactlyInAnyOrder("op-1x", "op-3", "op-4");
    }

    @Test
    void refusedUploadsListTheirReasonsAndChangeNothing() throws IOException {
        List<JsonNode> before = records();
        String refusedJson = "[{\"type\": \"Register\", \"parameter\": {\"operation_name\": \"op-ok\"}},"
                + " {\"parameter\": {\"remarks\": \"no name\"}}]";
        UiClient.Page refused = upload(owner, "bad.json", refusedJson.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"upload-refusals\"").contains("<td>item 2</td>")
                .contains("<td>operation_name</td>").contains("Nothing was written");

        byte[] workbook = owner.download(table + "/download/excel").body();
        byte[] edited = edit(workbook, sheet -> {
            int header = headerRow(sheet);
            set(sheet, header + 1, 2, "Update");
            set(sheet, header + 1, column(sheet, header, "Scheduled date for execution"), "not a date");
        });
        UiClient.Page refusedExcel = upload(owner, "operations.xlsx?lang=ja", edited);
        assertThat(refusedExcel.status()).isEqualTo(400);
        int excelRow = headerRowOf(edited) + 2;
        assertThat(refusedExcel.body()).contains("何も書き込まれていません").contains("<td>" + excelRow + "</td>")
                .contains("(scheduled_date_for_execution)");

        UiClient.Page notJson = upload(owner, "notes.txt?lang=ja", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).contains("Excel ブックでも");
        UiClient.Page noFile = owner.postMultipart(table + "/upload", Map.of("_csrf", owner.get(table).csrfToken()),
                "file", null, null);
        assertThat(noFile.status()).isEqualTo(400);
        UiClient.Page notWorkbook = upload(owner, "fake.xlsx", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notWorkbook.status()).isEqualTo(400);
        assertThat(notWorkbook.body()).contains("499-00401");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void anExcelDownloadChangedAndUploaded() throws IOException {
        byte[] edited = edit(owner.download(table + "/download/excel?l%3Aoperation_name=op-3").body(), sheet -> {
            int header = headerRow(sheet);
            set(sheet, header + 1, 2, "Update");
            set(sheet, header + 1, column(sheet, header, "Operation name"), "op-3x");
            set(sheet, header + 3, 2, "Register");
            set(sheet, header + 3, column(sheet, header, "Operation name"), "op-5");
        });
        UiClient.Page done = upload(owner, "operations.xlsx", edited);
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(owner.get(path(done.location())).body()).contains("Uploaded: 1 registered, 1 updated");
        assertThat(names(false)).containsExactlyInAnyOrder("op-1", "op-2", "op-3x", "op-5");
    }

    @Test
    void onlyMembersUploadAndNotInLoadMode() {
        assertThat(owner.get(table).body()).contains("id=\"upload\"").contains("id=\"download-excel\"");
        UiClient.Page watched = viewer.get(table);
        assertThat(watched.body()).doesNotContain("id=\"upload\"").contains("id=\"download-json\"");
        byte[] register = "[{\"type\": \"Register\", \"parameter\": {\"operation_name\": \"op-v\"}}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(viewer.postMultipart(table + "/upload", Map.of("_csrf", watched.csrfToken()), "file", "r.json",
                register).status()).isEqualTo(403);
        String token = owner.get(table).csrfToken();
        setModes("0", "1");
        try {
            UiClient.Page loadMode = owner.get(table);
            assertThat(loadMode.body()).doesNotContain("id=\"upload\"").contains("id=\"download-json\"");
            UiClient.Page refused = owner.postMultipart(table + "/upload", Map.of("_csrf", token), "file", "r.json",
                    register);
            assertThat(refused.status()).isEqualTo(498);
            assertThat(refused.body()).contains("498-00001");
        } finally {
            setModes("0", "0");
        }
        assertThat(names(false)).containsExactlyInAnyOrder("op-1", "op-2", "op-3");
    }

    // ------------------------------------------------------------------ helpers

    private UiClient.Page upload(UiClient client, String fileName, byte[] content) {
        // "name?lang=ja" posts in Japanese.
        String[] nameAndQuery = fileName.split("\\?", 2);
        return client.postMultipart(table + "/upload" + (nameAndQuery.length > 1 ? "?" + nameAndQuery[1] : ""),
                Map.of("_csrf", client.get(table).csrfToken()), "file", nameAndQuery[0], content);
    }

    private static String path(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String link(UiClient.Page page, Pattern pattern) {
        Matcher matcher = pattern.matcher(page.body());
        assertThat(matcher.find()).as("a link in " + page).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        ws.member().get(ws.menus() + "operation_list/filter/").data().forEach(records::add);
        return records;
    }

    private JsonNode record(String name) {
        return records().stream().map(r -> r.path("parameter"))
                .filter(p -> p.path("operation_name").asString().equals(name)).findFirst().orElseThrow();
    }

    private List<String> names(boolean discarded) {
        return records().stream().map(r -> r.path("parameter"))
                .filter(p -> p.path("discard").asString().equals(discarded ? "1" : "0"))
                .map(p -> p.path("operation_name").asString()).toList();
    }

    private static List<String> names(JsonNode records) {
        List<String> names = new ArrayList<>();
        records.forEach(r -> names.add(r.path("parameter").path("operation_name").asString()));
        return names;
    }

    private static byte[] edit(byte[] workbook, java.util.function.Consumer<XSSFSheet> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }

    private static int column(XSSFSheet sheet, int header, String name) {
        for (Cell cell : sheet.getRow(header)) {
            if (cell.getStringCellValue().equals(name)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }
}
