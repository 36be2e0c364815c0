package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A menu table's Excel download and upload in a real browser, in each language: filter the table, download its
 * workbook from the page's link, change a row, upload the file on the same page and see the change in the table.
 */
class MenuFileUiTest extends BrowserTest {

    private String table;

    @BeforeEach
    void operationsAndABrowser() {
        TestWorkspace ws = newWorkspace("file-ui");
        for (String name : List.of("op-0", "op-1", "op-2", "op-3")) {
            Http.Reply reply = ws.member().post(ws.menus() + "operation_list/maintenance/", Map.of("parameter",
                    Map.of("operation_name", name, "scheduled_date_for_execution", "2026/12/01 10:30:00")));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        table = "/ui/ws/" + ws.org() + "/ws1/menu/operation_list";
        session.logIn(ws.org(), "owner", "owner-pass");
    }

    private String count() {
        return browser.findElement(By.id("count")).getText();
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("#records tbody td[data-column='operation_name']")).stream()
                .map(WebElement::getText).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void downloadAFilteredTableChangeItAndUploadIt(String lang) throws IOException {
        boolean japanese = lang.equals("ja");
        browser.get(session.url(table + "?lang=" + lang));
        session.live().until(d -> count().equals(japanese ? "4 件" : "4 records"));

        browser.findElement(By.id("q-operation_name")).sendKeys("op-2");
        browser.findElement(By.id("search")).click();
        session.live().until(d -> count().equals(japanese ? "1 件" : "1 record"));
        String link = browser.findElement(By.id("download-excel")).getAttribute("href");
        assertThat(link).contains("/download/excel?").contains("q%3Aoperation_name=op-2");

        UiClient download = new UiClient(port);
        download.useSession(browser.manage().getCookieNamed(UiClient.SESSION_COOKIE).getValue());
        UiClient.Download file = download.download(link.substring(link.indexOf("/ui/")) + "&lang=" + lang);
        assertThat(file.status()).isEqualTo(200);
        Path workbook = Files.createTempFile("jita-ui-", ".xlsx");
        try {
            Files.write(workbook, changed(file.body(), japanese));
            browser.findElement(By.id("upload-file")).sendKeys(workbook.toAbsolutePath().toString());
            browser.findElement(By.id("upload-button")).click();
            session.live().until(d -> !d.findElements(By.id("upload-done")).isEmpty());
            assertThat(browser.findElement(By.id("upload-done")).getText()).isEqualTo(japanese
                    ? "アップロードしました: 登録 0 件、更新 1 件、廃止 0 件、復活 0 件。"
                    : "Uploaded: 0 registered, 1 updated, 0 discarded, 0 restored.");
            session.live().until(d -> count().equals(japanese ? "4 件" : "4 records"));
            assertThat(names()).containsExactlyInAnyOrder("op-0", "op-1", "op-2-changed", "op-3");
            session.screenshot("menu-upload-" + lang);
        } finally {
            Files.deleteIfExists(workbook);
        }
    }

    /** The workbook with its one record's name changed, the row marked Update in the workbook's language. */
    private static byte[] changed(byte[] workbook, boolean japanese) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.getSheetAt(0);
            int header = -1;
            for (int r = 0; r < 20 && header < 0; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(1) != null
                        && row.getCell(1).getStringCellValue().equals(japanese ? "項目名" : "Item name")) {
                    header = r;
                }
            }
            assertThat(header).as("the header row, in the page's language").isNotNegative();
            int name = -1;
            for (Cell cell : sheet.getRow(header)) {
                if (cell.getStringCellValue().equals(japanese ? "オペレーション名" : "Operation name")) {
                    name = cell.getColumnIndex();
                }
            }
            Row record = sheet.getRow(header + 1);
            assertThat(record.getCell(name).getStringCellValue()).isEqualTo("op-2");
            assertThat(sheet.getRow(header + 2).getCell(name) == null
                    || sheet.getRow(header + 2).getCell(name).getStringCellValue().isEmpty()).isTrue();
            replace(record, 2, japanese ? "更新" : "Update");
            replace(record, name, "op-2-changed");
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void replace(Row row, int column, String value) {
        if (row.getCell(column) != null) {
            row.removeCell(row.getCell(column));
        }
        row.createCell(column).setCellValue(value);
    }
}
