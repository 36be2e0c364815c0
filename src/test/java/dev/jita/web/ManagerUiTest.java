package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An organization manager at work in a real browser, in English and in Japanese. */
class ManagerUiTest extends BrowserTest {

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    @ParameterizedTest
    @CsvSource({"en, at least 8 characters, viewer, member", "ja, 8 文字以上, 閲覧者, メンバー"})
    void aManagerCreatesAWorkspaceAndAUserGivesARoleAndResetsThePassword(String lang, String tooShort,
                                                                          String viewer, String member)
            throws IOException {
        String org = unique("mui-" + lang);
        createOrganization(org, "boss", "boss-pass");
        browser.get(session.url("/login?lang=" + lang));
        session.logIn(org, "boss", "boss-pass");

        byId("nav-manage-workspaces").click();
        session.live().until(d -> d.findElement(By.id("workspace-form")).isDisplayed());
        byId("id").sendKeys("ws1");
        byId("name").sendKeys("First workspace");
        byId("create-workspace").click();
        session.live().until(ExpectedConditions.urlContains("?created=ws1"));
        assertThat(byId("workspaces").getText()).contains("First workspace");

        byId("nav-manage-users").click();
        session.live().until(d -> d.findElement(By.id("user-form")).isDisplayed());
        byId("username").sendKeys("carol");
        byId("password").sendKeys("x");
        byId("email").sendKeys("carol@example.com");
        new Select(byId("role-ws1")).selectByValue("viewer");
        byId("create-user").click();
        session.live().until(d -> d.findElement(By.id("error-password")).getText().contains(tooShort));
        assertThat(byId("password").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("username").getDomProperty("value")).isEqualTo("carol");
        assertThat(byId("email").getDomProperty("value")).isEqualTo("carol@example.com");
        assertThat(byId("password").getDomProperty("value")).isEmpty();
        assertThat(new Select(byId("role-ws1")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("viewer");
        session.screenshot("manager-password-refused-" + lang);

        byId("password").sendKeys("carol-pass");
        byId("create-user").click();
        session.live().until(ExpectedConditions.urlContains("?created=carol"));
        WebElement cell = browser.findElement(By.cssSelector("tr[data-user='carol'] td[data-ws='ws1']"));
        assertThat(cell.getText()).isEqualTo(viewer);

        byId("edit-carol").click();
        session.live().until(d -> d.findElement(By.id("password-form")).isDisplayed());
        new Select(byId("role-ws1")).selectByValue("member");
        byId("save-user").click();
        session.live().until(ExpectedConditions.urlContains("?updated=carol"));
        assertThat(browser.findElement(By.cssSelector("tr[data-user='carol'] td[data-ws='ws1']")).getText())
                .isEqualTo(member);
        session.screenshot("manager-users-" + lang);

        byId("edit-carol").click();
        session.live().until(d -> d.findElement(By.id("password-form")).isDisplayed());
        byId("password").sendKeys("x");
        byId("reset-password").click();
        session.live().until(d -> d.findElement(By.id("error-password")).getText().contains(tooShort));
        assertThat(http().as("carol", "carol-pass").get("/api/" + org + "/platform/workspaces").status()).isEqualTo(200);
        byId("password").sendKeys("carol-new-1");
        byId("reset-password").click();
        session.live().until(ExpectedConditions.urlContains("?password_reset"));
        assertThat(byId("password-done").isDisplayed()).isTrue();
        assertThat(http().as("carol", "carol-new-1").get("/api/" + org + "/platform/workspaces").data()
                .findValuesAsString("role")).containsExactly("member");
    }
}
