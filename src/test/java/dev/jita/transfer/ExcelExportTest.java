package dev.jita.transfer;

import static dev.jita.test.Waits.awaitTrue;
import static dev.jita.test.Waits.released;
import static dev.jita.test.Workbooks.cell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.Sheets;
import dev.jita.test.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
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
 * Excel bulk export end to end: registered through the API, run by this server's ita-by-excel-export-import
 * (a database of its own, so that no other test server takes its items), downloaded from
 * bulk_excel_export_import_list and opened with POI.
 */
@TestPropertySource(properties = {"jita.excel-export-import.enabled=true", "jita.menu-create.enabled=true",
        "jita.backyard.enabled=true", "jita.backyard.poll-interval=100ms"})
class ExcelExportTest extends ApiTest {

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
    @Autowired
    private ExcelJobs excelJobs;

    private TestWorkspace ws;
    private String excel;

    @BeforeEach
    void workspace() {
        ws = newWorkspace("excel");
        excel = "/api/" + ws.org() + "/workspaces/ws1/ita/excel/bulk/export/";
    }

    // ---------------------------------------------------------------- the menu tree

    @Test
    void theTreeListsTheMenusThatCanBeExportedByGroupWithTheSheets() throws Exception {
        defineSheet();
        JsonNode groups = ws.viewer().get(excel + "info/").data().path("menu_groups");
        Map<String, List<String>> byGroup = tree(groups);
        assertThat(byGroup.keySet()).startsWith("102 Basic Console", "502 Input");
        assertThat(byGroup.get("102 Basic Console")).contains("operation_list", "device_list");
        assertThat(byGroup.get("502 Input")).containsExactly("exsheet");
        assertThat(byGroup.get("202 Ansible-Legacy")).contains("movement_list_ansible_legacy", "playbook_files");
        assertThat(byGroup.get("901 Terraform-CLI")).contains("movement_list_terraform_cli");
        assertThat(byGroup.get("801 Terraform-Cloud/EP")).contains("organization_list_terraform_cloud_ep");
        assertThat(byGroup.values().stream().flatMap(List::stream))
                .doesNotContain("execution_list_ansible_legacy", "exsheet_subst", ExcelList.MENU, "menu_definition_list");
        JsonNode first = groups.get(0);
        assertThat(first.path("parent_id").isNull()).isTrue();
        assertThat(first.path("disp_seq").asInt()).isEqualTo(20);
        assertThat(first.path("menus").get(0).path("menu_name").asString()).isEqualTo("Operation list");

        JsonNode japanese = ws.viewer().header("Language", "ja").get(excel + "info/").data().path("menu_groups");
        assertThat(japanese.get(0).path("menu_group_name").asString()).isEqualTo("基本コンソール");
        assertThat(japanese.get(0).path("menus").get(0).path("menu_name").asString()).isEqualTo("オペレーション一覧");
    }

    // ---------------------------------------------------------------- the export

    @Test
    void fixedMenusAndASheetWithColumnGroupsAreExportedAsTheSpecLaysThemOut() throws Exception {
        defineSheet();
        operation("op-a");
        operation("op-b");
        device("web1", "SV", "s3cret-pass");
        String discarded = device("old1", "NW", null);
        discard("device_list", discarded);
        register("exsheet", Map.of("operation_name_select", "op-a", "port", 8080, "note", "line1\nline2",
                "secret", "top-secret"));

        Map<String, byte[]> zip = export(ws.member(), List.of("device_list", "exsheet", "operation_list"), "1");
        String menuList = new String(zip.get("MENU_LIST.txt"), StandardCharsets.UTF_8);
        String[] lines = menuList.split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("#Basic Console");
        assertThat(lines[1]).matches("device_list:Device list_\\d{14}\\.xlsx");
        assertThat(lines[2]).isEqualTo("#Input");
        assertThat(lines[3]).matches("exsheet:exsheet_\\d{14}\\.xlsx");
        assertThat(lines[5]).matches("operation_list:Operation list_\\d{14}\\.xlsx");
        String devices = "102_Basic Console/" + lines[1].substring("device_list:".length());
        String sheet = "502_Input/" + lines[3].substring("exsheet:".length());
        assertThat(zip).containsKeys(devices, sheet, "102_Basic Console/" + lines[5].substring("operation_list:".length()));
        assertThat(menuList).doesNotContain("s3cret-pass");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(zip.get(devices)))) {
            assertThat(sheetNames(book)).containsExactly("Device list", "Master", "Filter criteria");
            XSSFSheet data = book.getSheetAt(0);
            // No column groups: the process-type rows come first.
            assertThat(row(data, 0).subList(0, 4)).containsExactly("Execution process type", "Register", "", "×");
            assertThat(column(data, 1, 0, 7)).containsExactly("Register", "Update", "Discard", "Restore", "Line break",
                    "Description", "Item name");
            Map<String, Integer> header = header(data, 6);
            assertThat(data.getRow(6).getCell(2).getStringCellValue()).isEqualTo("Execution process type");
            assertThat(data.getRow(6).getCell(3).getStringCellValue()).isEqualTo("Discard");
            int id = header.get("Managed system item number");
            int host = header.get("Host name");
            int password = header.get("Login password");
            int type = header.get("HW device type");
            int key = header.get("ssh private key file");
            assertThat(id).isEqualTo(4);
            assertThat(marks(data, id)).containsExactly("×", "●", "●", "●");
            assertThat(marks(data, host)).containsExactly("●", "●", "×", "×");
            assertThat(marks(data, type)).containsExactly("○", "○", "×", "×");
            assertThat(marks(data, password)).containsExactly("○", "○", "×", "×");
            assertThat(marks(data, key)).containsExactly("×", "×", "×", "×");
            assertThat(marks(data, header.get("Last update date/time"))).containsExactly("×", "●", "●", "●");
            assertThat(marks(data, header.get("Last updated by"))).containsExactly("×", "×", "×", "×");
            assertThat(data.getRow(4).getCell(header.get("Remarks")).getStringCellValue()).isEqualTo("OK");
            assertThat(data.getRow(4).getCell(host).getStringCellValue()).isEqualTo("NG");

            List<Map<String, String>> rows = dataRows(data, 7, header);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsEntry("C", "-").containsEntry("D", "").containsEntry("Host name", "web1")
                    .containsEntry("HW device type", "SV").containsEntry("Login password", "")
                    .containsEntry("Connection type", "ssh");
            assertThat(rows.get(0).get("Managed system item number")).hasSize(36);
            assertThat(rows.get(1)).containsEntry("Host name", "old1").containsEntry("D", "Discarded");
            // Ten blank input rows, then the footer.
            assertThat(data.getRow(9).getCell(2).getStringCellValue()).isEmpty();
            assertThat(data.getRow(19).getCell(0).getStringCellValue()).startsWith("New records");
            assertThat(data.getLastRowNum()).isEqualTo(19);

            PaneInformation pane = data.getPaneInformation();
            assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 3);
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 7);
            assertThat(data.getCTWorksheet().getAutoFilter().getRef()).startsWith("C7:");

            DataValidation process = validation(data, 2);
            assertThat(process.getValidationConstraint().getExplicitListValues())
                    .containsExactly("-", "Register", "Update", "Discard", "Restore");
            assertThat(process.getRegions().getCellRangeAddresses()[0])
                    .isEqualTo(new CellRangeAddress(7, 18, 2, 2));
            String typeList = validation(data, type).getValidationConstraint().getFormula1();
            assertThat(typeList).startsWith("Master!$");

            XSSFSheet master = book.getSheet("Master");
            int masterColumn = header(master, 0).get("HW device type");
            assertThat(column(master, masterColumn, 1, 4)).containsExactly("SV", "ST", "NW");
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(masterColumn);
            assertThat(typeList).isEqualTo("Master!$" + letter + "$2:$" + letter + "$4");
            assertThat(header(master, 0)).containsKeys("Connection type", "Protocol", "LANG");

            assertThat(column(book.getSheet("Filter criteria"), 1, 0, 3))
                    .containsExactly("Device list", "device_list", "All records");
        }

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(zip.get(sheet)))) {
            assertThat(sheetNames(book)).containsExactly("exsheet", "Master", "Filter criteria");
            XSSFSheet data = book.getSheetAt(0);
            // Three group rows: Operation | Parameter > Net > Detail.
            Map<String, Integer> header = header(data, 9);
            int uuid = header.get("UUID");
            int operation = header.get("Operation");
            int port = header.get("port name");
            int note = header.get("note name");
            int secret = header.get("secret name");
            assertThat(uuid).isEqualTo(4);
            assertThat(cell(data, 0, operation)).isEqualTo("Operation");
            assertThat(cell(data, 0, port)).isEqualTo("Parameter");
            assertThat(cell(data, 1, port)).isEqualTo("Net");
            assertThat(cell(data, 1, note)).isEqualTo("Net");
            assertThat(cell(data, 2, note)).isEqualTo("Detail");
            assertThat(cell(data, 2, port)).isEmpty();
            assertThat(cell(data, 1, secret)).isEmpty();
            assertThat(data.getMergedRegions()).contains(new CellRangeAddress(0, 0, port, secret),
                    new CellRangeAddress(1, 1, port, note), new CellRangeAddress(0, 0, operation, operation + 4));
            assertThat(column(data, 1, 3, 10)).containsExactly("Register", "Update", "Discard", "Restore",
                    "Line break", "Description", "Item name");
            assertThat(marks(data, 3, uuid)).containsExactly("×", "●", "●", "●");
            assertThat(marks(data, 3, operation)).containsExactly("●", "●", "×", "×");
            assertThat(marks(data, 3, operation + 1)).containsExactly("×", "×", "×", "×");
            assertThat(cell(data, 7, note)).isEqualTo("OK");
            List<Map<String, String>> rows = dataRows(data, 10, header);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("Operation", "op-a").containsEntry("port name", "8080")
                    .containsEntry("note name", "line1\nline2").containsEntry("secret name", "");
            assertThat(data.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 10);
            XSSFSheet master = book.getSheet("Master");
            int operations = header(master, 0).get("Operation");
            assertThat(column(master, operations, 1, 3)).containsExactly("op-a", "op-b");
            assertThat(validation(data, operation).getValidationConstraint().getFormula1()).startsWith("Master!$");
        }
        assertThat(unzipAll(zip)).doesNotContain("top-secret").doesNotContain("s3cret-pass");
    }

    @Test
    void theAbolishedTypeChoosesTheRecords() throws Exception {
        device("live1", "SV", null);
        discard("device_list", device("gone1", "ST", null));
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        for (String type : List.of("1", "2", "3")) {
            Map<String, byte[]> zip = export(ws.member(), List.of("device_list"), type);
            byte[] book = zip.entrySet().stream().filter(e -> e.getKey().endsWith(".xlsx")).findFirst()
                    .orElseThrow().getValue();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
                XSSFSheet data = workbook.getSheetAt(0);
                hosts.put(type, dataRows(data, 7, header(data, 6)).stream().map(r -> r.get("Host name")).toList());
                assertThat(column(workbook.getSheet("Filter criteria"), 1, 2, 3)).containsExactly(switch (type) {
                    case "2" -> "Exclude discarded records";
                    case "3" -> "Only discarded records";
                    default -> "All records";
                });
            }
        }
        assertThat(hosts).containsEntry("1", List.of("live1", "gone1")).containsEntry("2", List.of("live1"))
                .containsEntry("3", List.of("gone1"));
    }

    @Test
    void aJapaneseRequestGetsJapaneseWorkbooks() throws Exception {
        device("jp1", "SV", null);
        Map<String, byte[]> zip = export(ws.viewer().header("Language", "ja"), List.of("device_list"), "1");
        String menuList = new String(zip.get("MENU_LIST.txt"), StandardCharsets.UTF_8);
        assertThat(menuList).startsWith("#基本コンソール\ndevice_list:機器一覧_");
        String path = "102_基本コンソール/" + menuList.split("\n")[1].substring("device_list:".length());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(zip.get(path)))) {
            assertThat(sheetNames(book)).containsExactly("機器一覧", "Master", "フィルタ条件");
            XSSFSheet data = book.getSheetAt(0);
            assertThat(column(data, 1, 0, 7)).containsExactly("登録", "更新", "廃止", "復活", "改行", "説明", "項目名");
            assertThat(cell(data, 0, 0)).isEqualTo("実行処理種別");
            Map<String, Integer> header = header(data, 6);
            assertThat(header).containsKeys("ホスト名", "管理システム項番", "備考", "最終更新日時");
            assertThat(dataRows(data, 7, header).get(0)).containsEntry("ホスト名", "jp1");
            assertThat(validation(data, 2).getValidationConstraint().getExplicitListValues())
                    .containsExactly("-", "登録", "更新", "廃止", "復活");
        }
        JsonNode listed = listed(ws.member(), null);
        assertThat(listed.path("language").asString()).isEqualTo("ja");
        assertThat(listed.path("execution_user").asString()).isEqualTo("watcher");
    }

    @Test
    void loadModeSwitchedOnDuringTheJobSendsItBackToWaitWithNothingStored() throws Exception {
        device("wait1", "SV", null);
        setModes("1", "0");
        Http.Reply reply = ws.member().post(excel + "execute/", Map.of("menu", List.of("device_list"),
                "abolished_type", "1"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String no = reply.data().path("execution_no").asString();
        long filesBefore = jdbc.sql("SELECT COUNT(DISTINCT file_id) FROM transfer_file").query(Long.class).single();
        // The job's store waits for this lock on its row; meanwhile load mode is switched ON.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT execution_no FROM excel_job WHERE execution_no = ? FOR UPDATE").param(no)
                    .query(String.class).list();
            held.countDown();
            released(release, LIMIT);
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Http.Reply> loadMode;
        try {
            setModes("0", "0");
            awaitTrue("the job runs", LIMIT, () -> items.find(no).orElseThrow().running());
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
            assertThat(waiting.startedAt()).isNull();
            assertThat(waiting.note()).contains("Load mode");
            JsonNode row = listed(ws.member(), no);
            assertThat(row.path("status").asString()).isEqualTo("Unexecuted");
            assertThat(row.path("file_name").isNull()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT file_id) FROM transfer_file").query(Long.class).single())
                    .isEqualTo(filesBefore);
        } finally {
            setModes("0", "0");
        }
        awaitTrue("the export ran again", LIMIT, () -> items.find(no).orElseThrow().phase().equals("E"));
        assertThat(items.find(no).orElseThrow().statusId()).isEqualTo(3);
        Http.Reply file = ws.member().get(ws.menus() + ExcelList.MENU + "/" + no + "/file_name/file/");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT file_id) FROM transfer_file").query(Long.class).single())
                .isEqualTo(filesBefore + 1);
    }

    @Test
    void aMenuGoneSinceRegistrationEndsTheJobInErrorWithNothingStored() throws Exception {
        long filesBefore = jdbc.sql("SELECT COUNT(DISTINCT file_id) FROM transfer_file").query(Long.class).single();
        // As registered before the menu went away (a sheet or a driver that this workspace no longer has).
        String no = transactions.execute(s -> {
            String id = items.register(Backyard.EXCEL_EXPORT_IMPORT, ws.org(), "ws1", "owner", null);
            excelJobs.insert(id, ExcelJobs.EXPORT, 1, List.of("device_list", "vanished_sheet"), "en", "owner");
            return id;
        });
        awaitTrue("the job ends", LIMIT, () -> items.find(no).orElseThrow().phase().equals("E"));
        assertThat(items.find(no).orElseThrow().statusId()).isEqualTo(4);
        JsonNode row = listed(ws.member(), no);
        assertThat(row.path("status").asString()).isEqualTo("Completed (error)");
        assertThat(row.path("remarks").asString()).contains("vanished_sheet");
        assertThat(row.path("file_name").isNull()).isTrue();
        assertError(ws.member().get(ws.menus() + ExcelList.MENU + "/" + no + "/file_name/file/"), 404, "404-00001");
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT file_id) FROM transfer_file").query(Long.class).single())
                .isEqualTo(filesBefore);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void badRequestsAreRefusedAndRegisterNothing() {
        Map<String, Object> good = Map.of("menu", List.of("device_list"), "abolished_type", "1");
        assertError(http().post(excel + "execute/", good), 401, "401-00002");
        assertError(http().get(excel + "info/"), 401, "401-00002");
        // Another organization's user; a user of the organization without a role in the workspace.
        createOrganization(unique("excel-other"), "stranger", "stranger-pass");
        assertError(http().as("stranger", "stranger-pass").post(excel + "execute/", good), 401, "401-00002");
        createWorkspace(ws.member(), ws.org(), "ws2");
        createUser(ws.member(), ws.org(), "outsider", "outsider-pass", "ws2", "member");
        Http outsider = http().as("outsider", "outsider-pass");
        assertError(outsider.post(excel + "execute/", good), 403, "403-00001");
        assertError(outsider.get(excel + "info/"), 403, "403-00001");
        assertError(ws.member().post(excel + "execute/", "{\"menu\": [\"device_list\""), 400, "400-00002");
        assertError(ws.member().post(excel + "execute/", "[1]"), 400, "400-00002");
        assertError(ws.member().send("POST", excel + "execute/", null, null), 415, "415-00001");
        assertError(ws.member().send("POST", excel + "execute/", "text/plain",
                "menu=device_list".getBytes(StandardCharsets.UTF_8)), 415, "415-00001");

        Http.Reply unknown = ws.member().post(excel + "execute/", Map.of(
                "menu", List.of("device_list", "no_such_menu", "execution_list_ansible_legacy", "device_list"),
                "abolished_type", "4"));
        assertError(unknown, 499, "499-00701");
        JsonNode errors = unknown.data().path("errors");
        assertThat(errors.path("menu").toString()).contains("no_such_menu").contains("execution_list_ansible_legacy")
                .contains("twice");
        assertThat(errors.path("abolished_type")).hasSize(1);
        assertError(ws.member().post(excel + "execute/", Map.of("menu", List.of(), "abolished_type", "1")), 499,
                "499-00701");
        assertError(ws.member().post(excel + "execute/", Map.of("menu", List.of("device_list"), "abolished_type", 1)),
                499, "499-00701");
        assertError(ws.member().post(excel + "execute/", Map.of("abolished_type", "2")), 499, "499-00701");

        setModes("0", "1");
        try {
            assertError(ws.member().post(excel + "execute/", good), 498, "498-00016");
            assertThat(ws.member().get(excel + "info/").status()).isEqualTo(200);
        } finally {
            setModes("0", "0");
        }
        assertThat(ws.member().get(ws.menus() + ExcelList.MENU + "/filter/").data()).isEmpty();
    }

    @Test
    void downloadsNeedAFinishedJobOfTheWorkspace() throws Exception {
        String list = ws.menus() + ExcelList.MENU + "/";
        assertError(ws.member().get(list + "00000000-0000-0000-0000-000000000000/file_name/file/"), 404, "404-00001");
        Map<String, byte[]> zip = export(ws.member(), List.of("operation_list"), "2");
        assertThat(zip).containsKey("MENU_LIST.txt");
        JsonNode listed = listed(ws.member(), null);
        String no = listed.path("execution_no").asString();
        assertThat(listed.path("status").asString()).isEqualTo("Completed");
        assertThat(listed.path("execution_type").asString()).isEqualTo("Export");
        assertThat(listed.path("abolished_type").asString()).isEqualTo("Exclude discarded records");
        assertThat(listed.path("file_name").asString()).matches("ITA_FILES_\\d{14}\\.zip");
        assertThat(listed.path("result_file").isNull()).isTrue();
        assertError(ws.member().get(list + no + "/result_file/file/"), 404, "404-00001");
        assertError(ws.member().get(list + no + "/execution_user/file/"), 404, "404-00001");
        // Another workspace's list has no such job; a user without a role in this workspace reads nothing.
        createWorkspace(ws.member(), ws.org(), "ws2");
        createUser(ws.member(), ws.org(), "outsider", "outsider-pass", "ws2", "member");
        assertError(ws.member().get("/api/" + ws.org() + "/workspaces/ws2/ita/menu/" + ExcelList.MENU + "/"
                + no + "/file_name/file/"), 404, "404-00001");
        assertError(http().as("outsider", "outsider-pass").get(list + no + "/file_name/file/"), 403, "403-00001");
        Http.Reply viewer = ws.viewer().get(list + no + "/file_name/file/");
        assertThat(viewer.status()).as(viewer.toString()).isEqualTo(200);
        assertThat(viewer.data().path("file_name").asString()).isEqualTo(listed.path("file_name").asString());
        // A read-only menu: no writes.
        assertThat(ws.member().post(list + "maintenance/", Map.of("parameter", Map.of())).status()).isNotEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    /** An Operation sheet "exsheet": items port (Parameter/Net), note (Parameter/Net/Detail), secret (password). */
    private void defineSheet() throws InterruptedException {
        Map<String, Object> port = Sheets.item("port", "NumColumn");
        port.put("column_group", "Net");
        port.put("item_name", "port name");
        port.put("integer_minimum_value", 1);
        port.put("integer_maximum_value", 65535);
        Map<String, Object> note = Sheets.item("note", "MultiTextColumn");
        note.put("column_group", "Net/Detail");
        note.put("item_name", "note name");
        note.put("multi_string_maximum_bytes", 100);
        Map<String, Object> secret = Sheets.password("secret", 32);
        secret.put("item_name", "secret name");
        Map<String, Object> body = Sheets.createNew("exsheet", Sheets.OPERATION, false, List.of(port, note, secret));
        body.put("group", Map.of(
                "g1", Map.of("group_name", "Net", "columns", List.of()),
                "g2", Map.of("group_name", "Detail", "parent_full_col_group_name", "Net", "columns", List.of())));
        Sheets.create(ws.member(), ws.org(), "ws1", body, LIMIT);
    }

    private void operation(String name) {
        register("operation_list", Map.of("operation_name", name,
                "scheduled_date_for_execution", "2026/12/01 10:30:00"));
    }

    private String device(String host, String type, String password) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("host_name", host);
        parameter.put("hw_device_type", type);
        parameter.put("connection_type", "ssh");
        if (password != null) {
            parameter.put("login_password", password);
        }
        register("device_list", parameter);
        JsonNode found = ws.member().post(ws.menus() + "device_list/filter/",
                Map.of("host_name", Map.of("LIST", List.of(host)))).data();
        return found.get(0).path("parameter").path("uuid").asString();
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

    /** Exports through the API as {@code client}, waits for Completed, downloads the zip: its entries by path. */
    private Map<String, byte[]> export(Http client, List<String> menus, String abolishedType) throws Exception {
        Http.Reply reply = client.post(excel + "execute/", Map.of("menu", menus, "abolished_type", abolishedType));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        String no = reply.data().path("execution_no").asString();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        JsonNode row = listed(ws.member(), no);
        while (!row.path("status").asString().startsWith("Completed") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            row = listed(ws.member(), no);
        }
        assertThat(row.path("status").asString()).as(row.toString()).isEqualTo("Completed");
        Http.Reply file = client.get(ws.menus() + ExcelList.MENU + "/" + no + "/file_name/file/");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.data().path("file_name").asString()).isEqualTo(row.path("file_name").asString());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(file.data().path("file_data").asString())), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.keySet().iterator().next()).isEqualTo("MENU_LIST.txt");
        return entries;
    }

    /** The list's row of that job (the latest one when null). */
    private JsonNode listed(Http client, String no) {
        JsonNode rows = client.get(ws.menus() + ExcelList.MENU + "/filter/").data();
        JsonNode found = null;
        for (JsonNode row : rows) {
            if (no == null || no.equals(row.path("parameter").path("execution_no").asString())) {
                found = row.path("parameter");
            }
        }
        assertThat(found).as(rows.toString()).isNotNull();
        return found;
    }

    private static Map<String, List<String>> tree(JsonNode groups) {
        Map<String, List<String>> tree = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            List<String> menus = new ArrayList<>();
            group.path("menus").forEach(menu -> menus.add(menu.path("menu_name_rest").asString()));
            tree.put(group.path("id").asString() + " " + group.path("menu_group_name").asString(), menus);
        }
        return tree;
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            names.add(book.getSheetName(i));
        }
        return names;
    }

    private static List<String> row(XSSFSheet sheet, int row) {
        List<String> cells = new ArrayList<>();
        for (Cell cell : sheet.getRow(row)) {
            cells.add(cell.getStringCellValue());
        }
        return cells;
    }

    private static List<String> column(XSSFSheet sheet, int column, int from, int to) {
        List<String> cells = new ArrayList<>();
        for (int r = from; r < to; r++) {
            cells.add(cell(sheet, r, column));
        }
        return cells;
    }

    private static List<String> marks(XSSFSheet sheet, int column) {
        return marks(sheet, 0, column);
    }

    private static List<String> marks(XSSFSheet sheet, int firstRow, int column) {
        return column(sheet, column, firstRow, firstRow + 4);
    }

    private static Map<String, Integer> header(XSSFSheet sheet, int row) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (Cell cell : sheet.getRow(row)) {
            if (cell.getColumnIndex() >= 4 || sheet.getSheetName().equals("Master")) {
                header.put(cell.getStringCellValue(), cell.getColumnIndex());
            }
        }
        return header;
    }

    /** The data rows from {@code first} until the first blank one: C, D and the columns by header name. */
    private static List<Map<String, String>> dataRows(XSSFSheet sheet, int first, Map<String, Integer> header) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = first; !cell(sheet, r, 2).isEmpty(); r++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("C", cell(sheet, r, 2));
            row.put("D", cell(sheet, r, 3));
            for (Map.Entry<String, Integer> column : header.entrySet()) {
                row.put(column.getKey(), cell(sheet, r, column.getValue()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static DataValidation validation(XSSFSheet sheet, int column) {
        return sheet.getDataValidations().stream().filter(v -> {
            for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
                if (range.getFirstColumn() <= column && column <= range.getLastColumn()) {
                    return true;
                }
            }
            return false;
        }).findFirst().orElseThrow(() -> new AssertionError("no validation on column " + column));
    }

    /** MENU_LIST.txt and every cell of every workbook, for a search of the text in them. */
    private static String unzipAll(Map<String, byte[]> zip) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, byte[]> entry : zip.entrySet()) {
            if (!entry.getKey().endsWith(".xlsx")) {
                all.append(new String(entry.getValue(), StandardCharsets.UTF_8));
                continue;
            }
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(entry.getValue()))) {
                for (org.apache.poi.ss.usermodel.Sheet sheet : book) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            all.append(cell.getStringCellValue()).append('\n');
                        }
                    }
                }
            }
        }
        return all.toString();
    }
}
