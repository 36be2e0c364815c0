package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import dev.jita.test.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A menu table in a real browser, in each language: filter by a pulldown and a range, sort by a header both
 * ways, page on with the search kept, and open a record's history from its row.
 */
class MenuTableUiTest extends BrowserTest {

    private static final int DEVICES = 45;

    private String table;

    @BeforeEach
    void devicesAndABrowser() throws IOException {
        TestWorkspace ws = newWorkspace("table-ui");
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("host_name", String.format("host-%02d", i));
            device.put("connection_type", "ssh");
            device.put("protocol", i % 2 == 0 ? "ssh" : "telnet");
            device.put("port_no", i * 7 % DEVICES * 10);
            devices.add(device);
        }
        Http.Reply reply = ws.member().post(ws.menus() + "device_list/maintenance/all/",
                devices.stream().map(p -> Map.of("type", "Register", "parameter", p)).toList());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        table = "/ui/ws/" + ws.org() + "/ws1/menu/device_list";
        session.logIn(ws.org(), "owner", "owner-pass");
    }

    private List<String> cells(String column) {
        return browser.findElements(By.cssSelector("#records tbody td[data-column='" + column + "']")).stream()
                .map(WebElement::getText).toList();
    }

    private List<Integer> ports() {
        return cells("port_no").stream().map(Integer::valueOf).toList();
    }

    private String count() {
        return browser.findElement(By.id("count")).getText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void filterSortPageAndOpenAHistory(String lang) throws IOException {
        boolean japanese = lang.equals("ja");
        browser.get(session.url(table + "?lang=" + lang));
        session.live().until(d -> count().equals(japanese ? DEVICES + " 件" : DEVICES + " records"));

        // The even hosts speak ssh; without host-00, whose port is 0, 22 of them have a port from 10.
        new Select(browser.findElement(By.id("l-protocol"))).selectByValue("ssh");
        browser.findElement(By.id("from-port_no")).sendKeys("10");
        browser.findElement(By.id("search")).click();
        session.live().until(d -> count().equals(japanese ? "22 件" : "22 records"));
        assertThat(cells("protocol")).hasSize(20).containsOnly("ssh");

        browser.findElement(By.id("sort-port_no")).click();
        session.live().until(ExpectedConditions.urlContains("dir=asc"));
        List<Integer> firstPage = ports();
        assertThat(firstPage).hasSize(20).isSorted().allMatch(p -> p >= 10);
        assertThat(browser.findElement(By.xpath("//a[@id='sort-port_no']/..")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");

        browser.findElement(By.id("next-page")).click();
        session.live().until(ExpectedConditions.urlContains("page=2"));
        assertThat(browser.getCurrentUrl()).contains("l%3Aprotocol=ssh").contains("from%3Aport_no=10")
                .contains("sort=port_no").contains("size=20");
        assertThat(count()).isEqualTo(japanese ? "22 件" : "22 records");
        List<Integer> secondPage = ports();
        assertThat(secondPage).hasSize(2).isSorted();
        assertThat(secondPage.get(0)).isGreaterThan(firstPage.get(19));
        assertThat(cells("protocol")).containsOnly("ssh");
        assertThat(browser.findElement(By.id("from-port_no")).getDomProperty("value")).isEqualTo("10");
        assertThat(new Select(browser.findElement(By.id("l-protocol"))).getFirstSelectedOption().getText()).isEqualTo("ssh");

        browser.findElement(By.id("sort-port_no")).click();
        session.live().until(ExpectedConditions.urlContains("dir=desc"));
        List<Integer> descending = ports();
        assertThat(descending).hasSize(20).isSortedAccordingTo((a, b) -> b - a);
        assertThat(descending.get(0)).isEqualTo(secondPage.get(1));
        session.screenshot("menu-table-" + lang);

        String host = cells("host_name").get(0);
        browser.findElement(By.cssSelector("#records tbody tr:first-child a.history")).click();
        session.live().until(d -> d.findElements(By.id("history")).size() == 1);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains(japanese ? "の履歴" : "History of record");
        assertThat(browser.findElement(By.id("history")).getText()).contains(host)
                .contains(japanese ? "登録" : "Register").contains("owner");
        assertThat(count()).isEqualTo(japanese ? "1 件の変更" : "1 change");
        session.screenshot("menu-record-history-" + lang);
    }
}
