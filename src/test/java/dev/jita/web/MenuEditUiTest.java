package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import dev.jita.test.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A menu table's edit mode in a real browser: rows edited, added and discarded, then applied at once; a refusal
 * shown on its field in Japanese with nothing written; a reference picked from its searchable list; and a record
 * changed by someone else meanwhile named on its row, with a reload that keeps the search.
 */
class MenuEditUiTest extends BrowserTest {

    private TestWorkspace ws;
    private String api;
    private String table;

    @BeforeEach
    void devices() {
        ws = newWorkspace("edit-ui");
        api = ws.menus() + "device_list/";
        Http.Reply reply = ws.member().post(api + "maintenance/all/", List.of("host-0", "host-1", "host-2", "host-3")
                .stream().map(h -> Map.of("type", "Register", "parameter",
                        Map.of("host_name", h, "connection_type", "ssh", "port_no", 22))).toList());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        table = "/ui/ws/" + ws.org() + "/ws1/menu/device_list";
        session.logIn(ws.org(), "owner", "owner-pass");
    }

    private JsonNode record(String host) {
        return ws.member().post(api + "filter/", Map.of("host_name", Map.of("LIST", List.of(host)))).data().get(0)
                .path("parameter");
    }

    private List<String> hosts() {
        List<String> hosts = new ArrayList<>();
        ws.member().post(api + "filter/", Map.of()).data().forEach(r -> hosts.add(r.path("parameter").path("host_name")
                .asString() + (r.path("parameter").path("discard").asString().equals("1") ? " (discarded)" : "")));
        return hosts.stream().sorted().toList();
    }

    private WebElement field(String host, String column) {
        return browser.findElement(By.cssSelector("#edit-table tr[data-id='" + record(host).path("uuid").asString()
                + "'] [data-column='" + column + "'] input, #edit-table tr[data-id='"
                + record(host).path("uuid").asString() + "'] select[data-column='" + column + "']"));
    }

    private void startEditing(String query) {
        browser.get(session.url(table + query));
        session.live().until(ExpectedConditions.elementToBeClickable(By.id("edit-start"))).click();
        session.live().until(d -> !d.findElements(By.cssSelector("#edit-table tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("records-view")).isDisplayed()).isFalse();
    }

    private static void retype(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void twoRowsEditedOneAddedOneDiscardedAreAppliedAtOnce(String lang) throws IOException {
        boolean japanese = lang.equals("ja");
        startEditing("?lang=" + lang + "&sort=host_name");
        retype(field("host-0", "login_user"), "alice");
        retype(field("host-1", "port_no"), "2222");
        browser.findElement(By.id("edit-add")).click();
        WebElement added = browser.findElement(By.cssSelector("#edit-table tbody tr:last-child"));
        added.findElement(By.cssSelector("input[data-column='host_name']")).sendKeys("host-new");
        new Select(added.findElement(By.cssSelector("select[data-column='connection_type']"))).selectByValue("ssh");
        String discarded = record("host-2").path("uuid").asString();
        browser.findElement(By.cssSelector("#edit-table tr[data-id='" + discarded + "'] button.discard")).click();
        assertThat(session.live().until(ExpectedConditions.alertIsPresent()).getText())
                .isEqualTo(japanese ? "変更の反映時にこのレコードを廃止しますか?" : "Discard this record when the changes are applied?");
        browser.switchTo().alert().accept();
        assertThat(browser.findElement(By.cssSelector("#edit-table tr[data-id='" + discarded + "'] .row-state")).getText())
                .isEqualTo(japanese ? "廃止予定" : "To be discarded");
        assertThat(hosts()).as("nothing is written before Apply").containsExactly("host-0", "host-1", "host-2", "host-3");
        session.screenshot("menu-edit-mode-" + lang);

        browser.findElement(By.id("edit-apply")).click();
        session.live().until(ExpectedConditions.urlContains("done"));
        session.live().until(d -> d.findElement(By.id("count")).getText().equals(japanese ? "5 件" : "5 records"));
        assertThat(browser.getCurrentUrl()).contains("sort=host_name");
        assertThat(hosts()).containsExactly("host-0", "host-1", "host-2 (discarded)", "host-3", "host-new");
        assertThat(record("host-0").path("login_user").asString()).isEqualTo("alice");
        assertThat(record("host-1").path("port_no").asInt()).isEqualTo(2222);
        assertThat(browser.findElement(By.id("edit-start")).isDisplayed()).isTrue();
    }

    @Test
    void aRowIsDuplicatedAndADiscardedOneRestoredOnlyOnceConfirmed() {
        JsonNode three = record("host-3");
        assertThat(ws.member().post(api + "maintenance/all/", List.of(Map.of("type", "Discard", "parameter",
                Map.of("uuid", three.path("uuid").asString(), "last_update_date_time",
                        three.path("last_update_date_time").asString())))).status()).isEqualTo(200);
        assertThat(ws.member().patch(api + "maintenance/" + record("host-0").path("uuid").asString(), Map.of("parameter",
                Map.of("login_user", "carol", "last_update_date_time",
                        record("host-0").path("last_update_date_time").asString()))).status()).isEqualTo(200);
        startEditing("?lang=en&sort=host_name");
        WebElement restore = browser.findElement(By.cssSelector("#edit-table tr[data-id='"
                + three.path("uuid").asString() + "'] button.restore"));
        assertThat(field("host-3", "login_user").isEnabled()).as("a discarded record is not edited").isFalse();
        restore.click();
        session.live().until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(restore.getText()).isEqualTo("Restore");
        restore.click();
        assertThat(session.live().until(ExpectedConditions.alertIsPresent()).getText())
                .isEqualTo("Restore this record when the changes are applied?");
        browser.switchTo().alert().accept();
        assertThat(restore.getText()).isEqualTo("Undo");

        browser.findElement(By.cssSelector("#edit-table tr[data-id='" + record("host-0").path("uuid").asString()
                + "'] button.duplicate")).click();
        WebElement copy = browser.findElement(By.cssSelector("#edit-table tbody tr:nth-child(2)"));
        assertThat(copy.getDomAttribute("data-id")).isNull();
        WebElement name = copy.findElement(By.cssSelector("input[data-column='host_name']"));
        assertThat(name.getDomProperty("value")).isEqualTo("host-0");
        retype(name, "host-0-copy");
        browser.findElement(By.id("edit-apply")).click();
        session.live().until(ExpectedConditions.urlContains("done"));
        assertThat(hosts()).containsExactly("host-0", "host-0-copy", "host-1", "host-2", "host-3");
        assertThat(record("host-0-copy").path("login_user").asString()).isEqualTo("carol");
        assertThat(record("host-0-copy").path("port_no").asInt()).isEqualTo(22);
    }

    @Test
    void aDateTimeIsEditedInItsPicker() {
        String operations = ws.menus() + "operation_list/";
        for (String name : List.of("first", "second")) {
            assertThat(ws.member().post(operations + "maintenance/", Map.of("parameter", Map.of("operation_name", name,
                    "scheduled_date_for_execution", "2030/01/01 00:00:00"))).status()).isEqualTo(200);
        }
        browser.get(session.url("/ui/ws/" + ws.org() + "/ws1/menu/operation_list?lang=en&sort=operation_name"));
        session.live().until(ExpectedConditions.elementToBeClickable(By.id("edit-start"))).click();
        List<WebElement> pickers = session.live().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#edit-table input[data-column='scheduled_date_for_execution']"));
            return found.size() == 2 ? found : null;
        });
        assertThat(pickers.get(0).getDomAttribute("type")).isEqualTo("datetime-local");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = '2031-02-03T04:05:06';", pickers.get(1));
        browser.findElement(By.id("edit-apply")).click();
        session.live().until(ExpectedConditions.urlContains("done"));
        List<String> scheduled = new ArrayList<>();
        ws.member().post(operations + "filter/", Map.of()).data().forEach(r -> scheduled.add(
                r.path("parameter").path("operation_name").asString() + " "
                        + r.path("parameter").path("scheduled_date_for_execution").asString()));
        assertThat(scheduled).containsExactlyInAnyOrder("first 2030/01/01 00:00:00", "second 2031/02/03 04:05:06");
    }

    @Test
    void aRefusalIsShownOnItsFieldInJapaneseAndNothingIsWritten() {
        startEditing("?lang=ja");
        retype(field("host-0", "login_user"), "alice");
        WebElement port = field("host-1", "port_no");
        retype(port, "70000");
        browser.findElement(By.id("edit-apply")).click();
        WebElement summary = session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-errors")));
        String error = port.getDomAttribute("id") + "-error";
        session.live().until(d -> d.findElement(By.id(error)).getText().equals("0 から 65535 までの整数を入力してください。"));
        assertThat(port.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(port.getDomAttribute("aria-describedby")).isEqualTo(error);
        assertThat(summary.getText()).contains("何も書き込まれていません").contains("ポート番号");
        summary.findElement(By.tagName("a")).click();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo(port.getDomAttribute("id"));
        assertThat(record("host-0").path("login_user").isNull()).isTrue();
        assertThat(record("host-1").path("port_no").asInt()).isEqualTo(22);

        browser.findElement(By.id("edit-cancel")).click();
        assertThat(browser.findElement(By.id("records-view")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("edit-table"))).isEmpty();
    }

    @Test
    void aReferenceIsPickedFromItsSearchableList() {
        String menus = ws.menus();
        assertThat(ws.member().post(menus + "operation_list/maintenance/", Map.of("parameter",
                Map.of("operation_name", "nightly", "scheduled_date_for_execution", "2030/01/01 00:00:00"))).status())
                .isEqualTo(200);
        assertThat(ws.member().post(menus + "movement_list_ansible_legacy/maintenance/", Map.of("parameter",
                Map.of("movement_name", "deploy"))).status()).isEqualTo(200);
        browser.get(session.url("/ui/ws/" + ws.org() + "/ws1/menu/target_host_ansible_legacy?lang=en"));
        session.live().until(ExpectedConditions.elementToBeClickable(By.id("edit-start"))).click();
        session.live().until(ExpectedConditions.elementToBeClickable(By.id("edit-add"))).click();
        WebElement row = browser.findElement(By.cssSelector("#edit-table tbody tr:last-child"));
        row.findElement(By.cssSelector("input[data-column='operation']")).sendKeys("nigh");
        pick(row, "operation", "nightly");
        row.findElement(By.cssSelector("input[data-column='movement']")).sendKeys("dep");
        pick(row, "movement", "deploy");
        WebElement host = row.findElement(By.cssSelector("input[data-column='host']"));
        host.sendKeys("-2");
        List<String> offered = session.live().until(d -> {
            List<String> shown = host.findElements(By.xpath("following-sibling::ul/li")).stream()
                    .map(WebElement::getText).toList();
            return shown.isEmpty() ? null : shown;
        });
        assertThat(offered).containsExactly("host-2");
        pick(row, "host", "host-2");
        assertThat(host.getDomProperty("value")).isEqualTo("host-2");
        browser.findElement(By.id("edit-apply")).click();
        session.live().until(ExpectedConditions.urlContains("done"));
        JsonNode target = ws.member().post(menus + "target_host_ansible_legacy/filter/", Map.of()).data().get(0)
                .path("parameter");
        assertThat(target.path("host").asString()).isEqualTo("host-2");
        assertThat(target.path("operation").asString()).isEqualTo("nightly");
    }

    private void pick(WebElement row, String column, String value) {
        WebElement input = row.findElement(By.cssSelector("input[data-column='" + column + "']"));
        WebElement option = session.live().until(d -> input.findElements(By.xpath("following-sibling::ul/li")).stream()
                .filter(li -> li.getText().equals(value)).findFirst().orElse(null));
        option.click();
        assertThat(input.getDomProperty("value")).isEqualTo(value);
    }

    @Test
    void aRecordChangedMeanwhileIsNamedOnItsRowAndReloadKeepsTheSearch() {
        startEditing("?lang=en&q%3Ahost_name=host-0");
        retype(field("host-0", "login_user"), "alice");
        JsonNode loaded = record("host-0");
        Http.Reply changed = ws.member().patch(api + "maintenance/" + loaded.path("uuid").asString(), Map.of("parameter",
                Map.of("login_user", "bob", "last_update_date_time", loaded.path("last_update_date_time").asString())));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        // In the page's one format and the reader's zone (the browser's, UTC here).
        String time = record("host-0").path("last_update_date_time").asString().substring(0, 19);
        browser.findElement(By.id("edit-apply")).click();
        WebElement conflict = session.live().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#edit-table .conflict")));
        assertThat(conflict.getText()).isEqualTo("Changed by owner at " + time + " since you loaded it.");
        assertThat(browser.findElement(By.id("edit-errors")).getText()).doesNotContain("not registered");
        assertThat(record("host-0").path("login_user").asString()).isEqualTo("bob");

        browser.findElement(By.cssSelector("#edit-table button.reload")).click();
        session.live().until(d -> d.findElements(By.id("edit-table")).isEmpty()
                && d.findElement(By.cssSelector("#records td[data-column='login_user']")).getText().equals("bob"));
        assertThat(browser.getCurrentUrl()).contains("q%3Ahost_name=host-0");
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("1 record");
    }
}
