package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Browser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A parameter sheet defined on its web page (a refusal shown by its field first), made by ita-by-menu-create,
 * filled on its menu page, and its value used by a real playbook run, in a real browser.
 */
class SheetWebUiTest extends AnsibleTestSupport {

    @Test
    void aSheetDefinedOnItsPageIsFilledAndFeedsAnExecution() throws Exception {
        Assumptions.assumeTrue(ansibleInstalled(), "ansible-playbook is not installed (Debian package ansible-core)");
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver (Debian packages) are not installed");
        record("operation_list", Map.of("operation_name", "op1"));
        record("device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1", "connection_type", "local"));
        record("movement_list_ansible_legacy", Map.of("movement_name", "mv1"));
        playbook("main.yml", play("""
                    - name: show the port
                      debug:
                        msg: "port is {{ port }}"
                """));
        record("movement_playbook_link", Map.of("movement", "mv1", "playbook_file", "main.yml", "include_order", 1));

        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            session.logIn(org, "owner", "owner-pass");
            browser.get(session.url("/ui/ws/" + org + "/ws1/menu/operation_list"));
            browser.findElement(By.id("parameter-sheets")).click();
            session.live().until(ExpectedConditions.elementToBeClickable(By.id("new-sheet"))).click();
            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-menu_name")));

            browser.findElement(By.id("menu-menu_name")).sendKeys("Ports");
            new Select(browser.findElement(By.id("menu-sheet_type"))).selectByValue("1");
            browser.findElement(By.id("item-c1-item_name")).sendKeys("port");
            browser.findElement(By.id("item-c1-item_name_rest")).sendKeys("port");
            new Select(browser.findElement(By.id("item-c1-column_class"))).selectByValue("SingleTextColumn");
            browser.findElement(By.id("item-c1-single_string_maximum_bytes")).sendKeys("0");
            browser.findElement(By.id("save")).click();

            // No REST name and no bytes: refused, each reason sits by its field.
            WebElement reason = session.live().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-error-for='menu.menu_name_rest']")));
            assertThat(reason.getText()).isNotBlank();
            assertThat(browser.findElement(By.id("menu-menu_name_rest")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("save-error")).getText()).startsWith("499-");
            // The summary names the fields as the page labels them (and the item by position and name), linked.
            WebElement restLink = browser.findElement(By.cssSelector("#save-errors li[data-key='menu.menu_name_rest'] a"));
            assertThat(restLink.getText()).isEqualTo(label(browser, "menu-menu_name_rest"))
                    .isNotEqualTo("menu.menu_name_rest");
            assertThat(restLink.getDomAttribute("href")).isEqualTo("#menu-menu_name_rest");
            WebElement bytesLink = browser.findElement(By.cssSelector(
                    "#save-errors li[data-key='column.c1.single_string_maximum_bytes'] a"));
            assertThat(bytesLink.getText()).isEqualTo("Item 1 (port) – "
                    + label(browser, "item-c1-single_string_maximum_bytes"));
            assertThat(bytesLink.getDomAttribute("href")).isEqualTo("#item-c1-single_string_maximum_bytes");
            assertThat(browser.findElement(By.cssSelector("fieldset.sheet-item[data-key='c1'] > legend")).getText())
                    .isEqualTo("Item 1");
            session.screenshot("sheet-definition-refused");

            browser.findElement(By.id("menu-menu_name_rest")).sendKeys("ports");
            browser.findElement(By.id("item-c1-single_string_maximum_bytes")).clear();
            browser.findElement(By.id("item-c1-single_string_maximum_bytes")).sendKeys("8");
            browser.findElement(By.id("save")).click();
            session.live().until(ExpectedConditions.urlContains("/sheets?requested=ports"));
            WebDriverWait made = new WebDriverWait(browser, Duration.ofSeconds(60));
            // The menus are made in the item's transaction and the item ends right after: both are awaited.
            made.until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("#sheets tr[data-rest='ports'] a.sheet-menu")).isEmpty()
                        && !d.findElement(By.cssSelector("#sheets tr[data-rest='ports'] .sheet-status")).getText()
                        .equals("Executing");
            });
            assertThat(browser.findElement(By.cssSelector("#sheets tr[data-rest='ports'] .sheet-status")).getText())
                    .isEqualTo("Completed");
            browser.findElement(By.cssSelector("#sheets tr[data-rest='ports'] a.sheet-menu")).click();

            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("f-port")));
            // The column groups head their columns: the operation's columns, and the sheet's items.
            assertThat(browser.findElements(By.cssSelector("#records th.column-group")).stream().map(WebElement::getText))
                    .contains("Operation", "Parameter");
            browser.findElement(By.id("f-host_name")).sendKeys("web1");
            browser.findElement(By.id("f-operation_name_select")).sendKeys("op1");
            browser.findElement(By.id("f-port")).sendKeys("8080");
            browser.findElement(By.id("register-button")).click();
            session.live().until(d -> d.findElement(By.id("records")).getText().contains("8080"));
            session.screenshot("sheet-menu");

            record("subst_value_auto_reg_setting_ansible_legacy", Map.of("menu_group_menu_item", "ports:port",
                    "registration_method", "Value type", "movement_name", "mv1", "variable_name", "port"));
            String id = execute();
            JsonNode end = awaitEnd(id);
            assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
            assertThat(end.path("execution_log").path("console").asString()).contains("port is 8080");

            browser.get(session.url("/ui/ws/" + org + "/ws1/ansible/" + id));
            String values = session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("values"))).getText();
            assertThat(values).contains("web1").contains("port").contains("8080").contains("ports:port");
        }
    }

    /** The text of the label of a field. */
    private static String label(WebDriver browser, String fieldId) {
        String text = browser.findElement(By.cssSelector("label[for='" + fieldId + "']")).getText();
        assertThat(text).isNotBlank();
        return text;
    }
}
