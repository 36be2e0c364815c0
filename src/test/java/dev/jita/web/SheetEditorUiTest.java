package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Browser;
import dev.jita.test.Http;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The parameter-sheet definition page in a real browser, when the save cannot be registered. */
class SheetEditorUiTest extends ApiTest {

    @Test
    void aSaveFromAnEndedSessionSaysSoAndRegistersNothing() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver (Debian packages) are not installed");
        String org = unique("se-org");
        createOrganization(org, "owner", "owner-pass");
        Http owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createUser(owner, org, "alice", "alice-pass", "ws1", "member");
        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            session.logIn(org, "alice", "alice-pass");
            browser.get(session.url("/ui/ws/" + org + "/ws1/sheets/new"));
            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-menu_name")));
            browser.findElement(By.id("menu-menu_name")).sendKeys("Ports");
            browser.findElement(By.id("menu-menu_name_rest")).sendKeys("ports");
            browser.findElement(By.id("item-c1-item_name")).sendKeys("port");
            browser.findElement(By.id("item-c1-item_name_rest")).sendKeys("port");
            browser.findElement(By.id("item-c1-single_string_maximum_bytes")).sendKeys("8");
            Http.Reply disabled = owner.put("/api/" + org + "/platform/users/alice", Map.of("enabled", false));
            assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

            browser.findElement(By.id("save")).click();
            String shown = session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("save-error")))
                    .getText();
            assertThat(shown).contains("session has ended").contains("nothing was saved");
            assertThat(browser.getCurrentUrl()).contains("/sheets/new");
            session.screenshot("sheet-definition-session-ended");
        }
        String menus = "/api/" + org + "/workspaces/ws1/ita/menu/";
        assertThat(owner.get(menus + "menu_creation_history/filter/count/").data().asInt()).isZero();
        assertThat(owner.get(menus + "menu_definition_list/filter/count/").data().asInt()).isZero();
    }
}
