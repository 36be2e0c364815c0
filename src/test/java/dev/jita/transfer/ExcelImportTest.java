package dev.jita.transfer;

import static dev.jita.test.Waits.awaitTrue;
import static dev.jita.test.Waits.released;
import static dev.jita.test.Workbooks.cell;
import static dev.jita.test.Workbooks.columns;
import static dev.jita.test.Workbooks.headerRow;
import static dev.jita.test.Workbooks.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.backyard.BackyardItems;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Excel bulk import end to end: workbooks exported through the API, edited with POI, zipped, uploaded and imported
 * by this server's ita-by-excel-export-import (a database of its own), the records read back through the API.
 */
@TestPropertySource(properties = {"jita.excel-export-import.enabled=true", "jita.menu-create.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms", "jita.excel-import.max-rows=100",
        "jita.excel-import.max-uncompressed-size=4MB"})
class ExcelImportTest extends ApiTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private BackyardItems items;

    private TestWorkspace ws;
    private String bulk;

    @BeforeEach
    void workspace() {
        ws = newWorkspace("excelimp");
        bulk = "/api/" + ws.org() + "/workspaces/ws1/ita/excel/bulk/";
    }

    @Test
    void editedWorkbooksAreImportedRowByRow() throws Exception {
        operation("op-a");
        operation("op-b");
        String discarded = operation("op-c");
        discard("operation_list", discarded);
        operation("op-keep");
        defineSheet();
        register("exsheet", Map.of("operation_name_select", "op-keep", "port", 8080));

        Map<String, byte[]> zip = export(List.of("operation_list", "exsheet"));
        edit(zip, "operation_list", sheet -> {
            int header = headerRow(sheet);
            Map<String, Integer> columns = columns(sheet, header);
            for (int r = header + 1; !cell(sheet, r, columns.get("Operation name")).isEmpty(); r++) {
                String name = cell(sheet, r, columns.get("Operation name"));
                switch (name) {
                    case "op-a" -> {
                        set(sheet, r, 2, "Update");
                        set(sheet, r, columns.get("Operation name"), "op-a2");
                    }
                    case "op-b" -> set(sheet, r, 2, "Discard");
                    case "op-c" -> set(sheet, r, 2, "Restore");
                    default -> { }
                }
            }
            int blank = header + 4;
            set(sheet, blank, 2, "Register");
            set(sheet, blank, columns.get("Operation name"), "op-new");
            set(sheet, blank, columns.get("Scheduled date for execution"), "2026/12/24 09:00:00");
        });
        edit(zip, "exsheet", sheet -> {
            int header = headerRow(sheet);
            set(sheet, header + 1, 2, "Update");
            set(sheet, header + 1, columns(sheet, header).get("port name"), "9090");
        });

        String no = importAll(zip, Map.of("102", List.of("operation_list"), "502", List.of("exsheet")));
        JsonNode row = awaitEnd(no);
        assertThat(row.path("status").asString()).as(row.toString() + resultFile(no)).isEqualTo("Completed");
        assertThat(row.path("execution_type").asString()).isEqualTo("Import");
        String result = resultFile(no);
        assertThat(result).contains("operation_list").contains("Register 1").contains("Update 1")
                .contains("Restore 1").contains("Discard 1");

        Map<String, Boolean> operations = new LinkedHashMap<>();
        for (JsonNode record : ws.member().post(ws.menus() + "operation_list/filter/", Map.of()).data()) {
            operations.put(record.path("parameter").path("operation_name").asString(),
                    "1".equals(record.path("parameter").path("discard").asString()));
        }
        assertThat(operations).containsEntry("op-a2", false).containsEntry("op-b", true).containsEntry("op-c", false)
                .containsEntry("op-new", false).doesNotContainKey("op-a");
        JsonNode sheetRecords = ws.member().post(ws.menus() + "exsheet/filter/", Map.of()).data();
        assertThat(sheetRecords).hasSize(1);
        assertThat(sheetRecords.get(0).path("parameter").path("port").asString()).isEqualTo("9090");
    }

    @Test
    void loadModeSwitchedOnDuringTheImportRollsItAllBackAndItRunsAgainOnceOff() throws Exception {
        operation("op-a");
        String locked = operation("op-b");
        Map<String, byte[]> zip = export(List.of("operation_list"));
        edit(zip, "operation_list", sheet -> {
            int header = headerRow(sheet);
            int name = columns(sheet, header).get("Operation name");
            for (int r = header + 1; r <= header + 2; r++) {
                String was = cell(sheet, r, name);
                set(sheet, r, 2, "Update");
                set(sheet, r, name, was + "-new");
            }
        });
        setModes("1", "0");
        String no = importAll(zip, Map.of("102", List.of("operation_list")));
        // The import's update of op-b waits for this lock; meanwhile load mode is being switched ON.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT record_id FROM menu_record WHERE record_id = ? FOR UPDATE").param(locked)
                    .query(String.class).list();
            held.countDown();
            released(release, LIMIT);
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Http.Reply> loadMode;
        try {
            setModes("0", "0");
            awaitTrue("the import runs", LIMIT, () -> items.find(no).orElseThrow().running());
            loadMode = CompletableFuture.supplyAsync(() -> admin().patch(MODES,
                    Map.of("backyard_execute_stop", "0", "data_update_stop", "1")));
            awaitTrue("load mode is being switched ON", LIMIT, () -> loadMode.isDone() || jdbc.sql(
                    "SELECT COUNT(*) FROM maintenance_switch WHERE stops_writes = '1'").query(Integer.class).single() > 0);
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        try {
            Http.Reply switched = loadMode.get(60, TimeUnit.SECONDS);
            assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
            awaitTrue("the item waits again", LIMIT, () -> items.find(no).orElseThrow().phase().equals("W"));
            BackyardItems.Item waiting = items.find(no).orElseThrow();
            assertThat(waiting.statusId()).isEqualTo(1);
            assertThat(waiting.note()).contains("Load mode");
            assertThat(listed(no).path("result_file").isNull()).isTrue();
            assertThat(operationNames()).containsExactlyInAnyOrder("op-a", "op-b");
        } finally {
            setModes("0", "0");
        }
        assertThat(awaitEnd(no).path("status").asString()).isEqualTo("Completed");
        assertThat(operationNames()).containsExactlyInAnyOrder("op-a-new", "op-b-new");
    }

    @Test
    void stopServerSideJobsSwitchedOnDuringTheImportRollsItAllBackWithoutWaitingForIt() throws Exception {
        operation("op-a");
        String locked = operation("op-b");
        Map<String, byte[]> zip = export(List.of("operation_list"));
        edit(zip, "operation_list", sheet -> {
            int header = headerRow(sheet);
            int name = columns(sheet, header).get("Operation name");
            for (int r = header + 1; r <= header + 2; r++) {
                String was = cell(sheet, r, name);
                set(sheet, r, 2, "Update");
                set(sheet, r, name, was + "-new");
            }
        });
        setModes("1", "0");
        String no = importAll(zip, Map.of("102", List.of("operation_list")));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT record_id FROM menu_record WHERE record_id = ? FOR UPDATE").param(locked)
                    .query(String.class).list();
            held.countDown();
            released(release, LIMIT);
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            setModes("0", "0");
            awaitTrue("the import runs", LIMIT, () -> items.find(no).orElseThrow().running());
            // Answered while the import is still held up by the lock: the switch does not wait for it.
            Http.Reply switched = admin().patch(MODES, Map.of("backyard_execute_stop", "1"));
            assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
            assertThat(items.find(no).orElseThrow().running()).isTrue();
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        try {
            awaitTrue("the item waits again", LIMIT, () -> items.find(no).orElseThrow().phase().equals("W"));
            BackyardItems.Item waiting = items.find(no).orElseThrow();
            assertThat(waiting.statusId()).isEqualTo(1);
            assertThat(waiting.note()).contains("Stop server side jobs");
            assertThat(operationNames()).containsExactlyInAnyOrder("op-a", "op-b");
        } finally {
            setModes("0", "0");
        }
        assertThat(awaitEnd(no).path("status").asString()).isEqualTo("Completed");
        assertThat(operationNames()).containsExactlyInAnyOrder("op-a-new", "op-b-new");
    }

    @Test
    void refusedRowsAreNamedByRowAndColumnAndNothingIsWritten() throws Exception {
        operation("op-a");
        operation("op-b");
        Map<String, byte[]> zip = export(List.of("operation_list"));
        int[] rows = new int[2];
        String[] dateColumn = new String[1];
        edit(zip, "operation_list", sheet -> {
            int header = headerRow(sheet);
            Map<String, Integer> columns = columns(sheet, header);
            set(sheet, header + 1, 2, "Update");
            set(sheet, header + 1, columns.get("Operation name"), "op-renamed");
            set(sheet, header + 2, 2, "Update");
            set(sheet, header + 2, columns.get("Scheduled date for execution"), "not a date");
            set(sheet, header + 4, 2, "Register");
            set(sheet, header + 4, columns.get("Scheduled date for execution"), "2026/12/24 09:00:00");
            rows[0] = header + 3;
            rows[1] = header + 5;
            dateColumn[0] = org.apache.poi.ss.util.CellReference.convertNumToColString(
                    columns.get("Scheduled date for execution"));
        });
        String no = importAll(zip, Map.of("102", List.of("operation_list")));
        JsonNode row = awaitEnd(no);
        assertThat(row.path("status").asString()).as(row.toString()).isEqualTo("Completed (error)");
        String result = resultFile(no);
        assertThat(result).contains("sheet \"Operation list\", row " + rows[0] + ", column " + dateColumn[0])
                .contains("row " + rows[1] + ", column").contains("operation_name");
        List<String> names = ws.member().post(ws.menus() + "operation_list/filter/", Map.of()).data().valueStream()
                .map(r -> r.path("parameter").path("operation_name").asString()).toList();
        assertThat(names).containsExactlyInAnyOrder("op-a", "op-b");
    }

    @Test
    void aSheetBeyondTheRowLimitIsRefusedWithNothingWritten() throws Exception {
        operation("op-a");
        Map<String, byte[]> zip = export(List.of("operation_list"));
        edit(zip, "operation_list", sheet -> {
            int header = headerRow(sheet);
            Map<String, Integer> columns = columns(sheet, header);
            for (int i = 0; i < 150; i++) {
                set(sheet, header + 2 + i, 2, "Register");
                set(sheet, header + 2 + i, columns.get("Operation name"), "bulk-" + i);
                set(sheet, header + 2 + i, columns.get("Scheduled date for execution"), "2026/12/24 09:00:00");
            }
        });
        String no = importAll(zip, Map.of("102", List.of("operation_list")));
        JsonNode row = awaitEnd(no);
        assertThat(row.path("status").asString()).isEqualTo("Completed (error)");
        assertThat(resultFile(no)).contains("more than 100 rows");
        assertThat(ws.member().post(ws.menus() + "operation_list/filter/", Map.of()).data()).hasSize(1);
    }

    @Test
    void badZipsAreRefusedClearlyAndKeepNothing() throws Exception {
        assertError(upload("x.zip", "not a zip at all".getBytes(StandardCharsets.UTF_8)), 499, "499-01301");
        assertError(upload("x.zip", zipOf(Map.of("a.txt", new byte[] {1}))), 499, "499-01302");
        assertError(upload("x.zip", zipOf(Map.of("MENU_LIST.txt", "#Basic Console\n".getBytes(StandardCharsets.UTF_8)))),
                499, "499-01303");
        Http.Reply escape = upload("x.zip", zipOf(Map.of("MENU_LIST.txt", "operation_list:a.xlsx\n"
                .getBytes(StandardCharsets.UTF_8), "../a.xlsx", new byte[] {1})));
        assertError(escape, 499, "499-01301");
        assertThat(escape.body()).contains("../a.xlsx");
        Http.Reply bomb = upload("x.zip", zipOf(Map.of("MENU_LIST.txt", "operation_list:a.xlsx\n"
                .getBytes(StandardCharsets.UTF_8), "102_Basic Console/a.xlsx", new byte[8 * 1024 * 1024])));
        assertError(bomb, 499, "499-01301");
        assertThat(bomb.body()).contains("zip bomb");
        Http.Reply notXlsx = upload("x.zip", zipOf(Map.of("MENU_LIST.txt", "operation_list:a.xlsx\n"
                .getBytes(StandardCharsets.UTF_8), "102_Basic Console/a.xlsx", "plain".getBytes(StandardCharsets.UTF_8))));
        assertError(notXlsx, 499, "499-01301");
        assertThat(notXlsx.body()).contains("Not an Excel workbook");
        assertThat(ws.member().get(ws.menus() + ExcelList.MENU + "/filter/").data()).isEmpty();
    }

    @Test
    void uploadAnswersWhatItHoldsAndPutsUnknownMenusAside() throws Exception {
        Map<String, byte[]> zip = export(List.of("operation_list"));
        String listed = new String(zip.get("MENU_LIST.txt"), StandardCharsets.UTF_8);
        zip.put("MENU_LIST.txt", (listed + "no_such_menu:" + listed.split("\n")[1].split(":")[1] + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Http.Reply reply = ws.member().multipart("POST", bulk + "upload/",
                Http.Part.file("zipfile", "mine.zip", zipOf(zip)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode data = reply.data();
        assertThat(data.path("data_portability_upload_file_name").asString()).isEqualTo("mine.zip");
        assertThat(data.path("import_list").path("102").path("menu").path("0").path("menu_id").asString())
                .isEqualTo("operation_list");
        assertThat(data.path("umimport_list").toString()).contains("no_such_menu");
        // An unknown menu cannot be chosen; the upload stays for a good request, which uses it once.
        Map<String, Object> bad = Map.of("upload_id", data.path("upload_id").asString(),
                "data_portability_upload_file_name", "mine.zip", "menu", Map.of("102", List.of("no_such_menu")));
        assertError(ws.member().post(bulk + "import/execute/", bad), 499, "499-00701");
        Map<String, Object> good = Map.of("upload_id", data.path("upload_id").asString(),
                "data_portability_upload_file_name", "mine.zip", "menu", Map.of("102", List.of("operation_list")));
        Http.Reply executed = ws.member().post(bulk + "import/execute/", good);
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        assertThat(awaitEnd(executed.data().path("execution_no").asString()).path("status").asString())
                .isEqualTo("Completed");
        assertError(ws.member().post(bulk + "import/execute/", good), 499, "499-00701");
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() throws Exception {
        byte[] zip = zipOf(export(List.of("operation_list")));
        Map<String, Object> body = Map.of("zipfile", Map.of("name", "a.zip",
                "base64", Base64.getEncoder().encodeToString(zip)));
        Map<String, Object> execute = Map.of("upload_id", "x", "data_portability_upload_file_name", "a.zip",
                "menu", Map.of("102", List.of("operation_list")));
        for (String path : List.of("upload/", "import/execute/")) {
            Object good = path.equals("upload/") ? body : execute;
            assertError(http().post(bulk + path, good), 401, "401-00002");
            assertError(ws.viewer().post(bulk + path, good), 403, "403-00001");
            assertError(ws.member().post(bulk + path, "{\"zipfile\": "), 400, "400-00002");
            assertError(ws.member().post(bulk + path, "[1]"), 400, "400-00002");
            assertError(ws.member().send("POST", bulk + path, "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
                    415, "415-00001");
        }
        createOrganization(unique("excelimp-other"), "stranger2", "stranger-pass");
        assertError(http().as("stranger2", "stranger-pass").post(bulk + "upload/", body), 401, "401-00002");
        createWorkspace(ws.member(), ws.org(), "ws2");
        createUser(ws.member(), ws.org(), "outsider2", "outsider-pass", "ws2", "member");
        assertError(http().as("outsider2", "outsider-pass").post(bulk + "upload/", body), 403, "403-00001");
        assertError(ws.member().post(bulk + "upload/", Map.of("zipfile", Map.of("name", "a.zip", "base64", "%%%"))),
                400, "400-00002");
        Http.Reply noZip = ws.member().post(bulk + "upload/", Map.of("file", "x"));
        assertError(noZip, 400, "400-00002");
        assertThat(noZip.json().path("message").asString()).as("the expected body, without the message format's quotes")
                .contains("{\"zipfile\": {\"name\"").doesNotContain("'{'");
        assertError(ws.member().post(bulk + "import/execute/", execute), 499, "499-00701");
        // Another workspace cannot import this workspace's upload.
        String uploadId = ws.member().post(bulk + "upload/", body).data().path("upload_id").asString();
        Http.Reply elsewhere = ws.member().post("/api/" + ws.org() + "/workspaces/ws2/ita/excel/bulk/import/execute/",
                Map.of("upload_id", uploadId, "data_portability_upload_file_name", "a.zip",
                        "menu", Map.of("102", List.of("operation_list"))));
        assertError(elsewhere, 499, "499-00701");

        setModes("0", "1");
        try {
            assertError(ws.member().post(bulk + "upload/", body), 498, "498-00017");
            assertError(ws.member().post(bulk + "import/execute/", Map.of("upload_id", uploadId,
                    "data_portability_upload_file_name", "a.zip", "menu", Map.of("102", List.of("operation_list")))),
                    498, "498-00017");
        } finally {
            setModes("0", "0");
        }
        assertThat(ws.member().get(ws.menus() + ExcelList.MENU + "/filter/").data()).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    private List<String> operationNames() {
        return ws.member().post(ws.menus() + "operation_list/filter/", Map.of()).data().valueStream()
                .map(r -> r.path("parameter").path("operation_name").asString()).toList();
    }

    private Http.Reply upload(String name, byte[] zip) {
        return ws.member().post(bulk + "upload/", Map.of("zipfile", Map.of("name", name,
                "base64", Base64.getEncoder().encodeToString(zip))));
    }

    private String importAll(Map<String, byte[]> zip, Map<String, List<String>> menus) throws IOException {
        Http.Reply uploaded = upload("edited.zip", zipOf(zip));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        Http.Reply executed = ws.member().post(bulk + "import/execute/", Map.of(
                "upload_id", uploaded.data().path("upload_id").asString(),
                "data_portability_upload_file_name", "edited.zip", "menu", menus));
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        return executed.data().path("execution_no").asString();
    }

    private JsonNode awaitEnd(String no) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        JsonNode row = listed(no);
        while (!row.path("status").asString().startsWith("Completed") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            row = listed(no);
        }
        return row;
    }

    private String resultFile(String no) {
        Http.Reply file = ws.member().get(ws.menus() + ExcelList.MENU + "/" + no + "/result_file/file/");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.data().path("file_name").asString()).isEqualTo("ResultData_" + no + ".log");
        return new String(Base64.getDecoder().decode(file.data().path("file_data").asString()), StandardCharsets.UTF_8);
    }

    private JsonNode listed(String no) {
        for (JsonNode row : ws.member().get(ws.menus() + ExcelList.MENU + "/filter/").data()) {
            if (no.equals(row.path("parameter").path("execution_no").asString())) {
                return row.path("parameter");
            }
        }
        throw new AssertionError("no row " + no);
    }

    private Map<String, byte[]> export(List<String> menus) throws Exception {
        Http.Reply reply = ws.member().post(bulk + "export/execute/", Map.of("menu", menus, "abolished_type", "1"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String no = reply.data().path("execution_no").asString();
        assertThat(awaitEnd(no).path("status").asString()).isEqualTo("Completed");
        Http.Reply file = ws.member().get(ws.menus() + ExcelList.MENU + "/" + no + "/file_name/file/");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(file.data().path("file_data").asString())), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** Edits the first sheet of the menu's workbook in the zip. */
    private static void edit(Map<String, byte[]> zip, String menu, Consumer<XSSFSheet> change) throws IOException {
        String listed = new String(zip.get("MENU_LIST.txt"), StandardCharsets.UTF_8);
        String fileName = null;
        for (String line : listed.split("\n")) {
            if (line.startsWith(menu + ":")) {
                fileName = line.substring(menu.length() + 1);
            }
        }
        String path = null;
        for (String name : zip.keySet()) {
            if (name.endsWith("/" + fileName)) {
                path = name;
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(zip.get(path)))) {
            change.accept(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            zip.put(path, out.toByteArray());
        }
    }

    private static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private String operation(String name) {
        register("operation_list", Map.of("operation_name", name, "scheduled_date_for_execution", "2026/12/01 10:30:00"));
        return ws.member().post(ws.menus() + "operation_list/filter/",
                Map.of("operation_name", Map.of("LIST", List.of(name)))).data().get(0).path("parameter").path("uuid")
                .asString();
    }

    private void register(String menu, Map<String, Object> parameter) {
        Http.Reply reply = ws.member().post(ws.menus() + menu + "/maintenance/", Map.of("parameter", parameter));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private void discard(String menu, String uuid) {
        JsonNode record = ws.member().post(ws.menus() + menu + "/filter/", Map.of("uuid", Map.of("LIST", List.of(uuid))))
                .data().get(0).path("parameter");
        Http.Reply reply = ws.member().patch(ws.menus() + menu + "/maintenance/" + uuid + "/", Map.of("parameter",
                Map.of("discard", "1", "last_update_date_time", record.path("last_update_date_time").asString())));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private void defineSheet() throws InterruptedException {
        Map<String, Object> port = Sheets.item("port", "NumColumn");
        port.put("item_name", "port name");
        port.put("integer_minimum_value", 1);
        port.put("integer_maximum_value", 65535);
        Sheets.create(ws.member(), ws.org(), "ws1", Sheets.createNew("exsheet", Sheets.OPERATION, false, List.of(port)),
                LIMIT);
    }
}
