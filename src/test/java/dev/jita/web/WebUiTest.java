package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI in a real browser: Debian's chromium driven by chromium-driver, headless. */
class WebUiTest extends BrowserTest {

    private String url(String path) {
        return session.url(path);
    }

    private WebDriverWait live() {
        return session.live();
    }

    private WebElement banner() {
        return browser.findElement(By.id("maintenance-banner"));
    }

    private void awaitBanner(String mode) {
        live().until(d -> {
            String shown = banner().getDomAttribute("data-mode");
            return mode == null ? shown == null && !banner().isDisplayed()
                    : mode.equals(shown) && banner().isDisplayed();
        });
    }

    private void logIn(String organization, String username, String password) {
        session.logIn(organization, username, password);
    }

    private void screenshot(String name) throws IOException {
        session.screenshot(name);
    }

    @Test
    void theBannerAppearsAndGoesOnAnOpenPageWithoutAReload() throws IOException {
        browser.get(url("/login"));
        assertThat(banner().isDisplayed()).isFalse();
        assertThat(banner().getDomAttribute("data-mode")).isNull();

        admin().patch(MODES, Map.of("backyard_execute_stop", "1", "reason", "monthly backup"));
        awaitBanner("backyard_execute_stop");
        assertThat(banner().getText()).contains("will not be executed until maintenance ends")
                .contains("monthly backup").contains("set at").doesNotContain(ADMIN);

        admin().patch(MODES, Map.of("data_update_stop", "1"));
        awaitBanner("data_update_stop");
        assertThat(banner().getText()).contains("cannot be registered, updated or discarded");
        screenshot("login-load-mode");

        setModes("0", "0");
        awaitBanner(null);
    }

    @Test
    void theBannerSpeaksJapaneseWhenAsked() {
        setModes("0", "1");
        browser.get(url("/login?lang=ja"));
        awaitBanner("data_update_stop");
        assertThat(banner().getText()).contains("メンテナンス中");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ログイン");
    }

    @Test
    void anAdministratorSwitchesTheModesFromTheConsoleWithAConfirmation() throws IOException {
        logIn("", ADMIN, ADMIN_PASSWORD);
        live().until(ExpectedConditions.urlContains("/admin/maintenance"));
        live().until(d -> !d.findElement(By.id("execute-count")).getText().equals("…"));
        assertThat(browser.findElement(By.id("state-data_update_stop")).getText()).isEqualTo("OFF");

        browser.findElement(By.id("switch-data_update_stop")).click();
        browser.switchTo().alert().dismiss();
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");

        browser.findElement(By.id("reason-data_update_stop")).sendKeys("nightly backup");
        browser.findElement(By.id("switch-data_update_stop")).click();
        browser.switchTo().alert().accept();
        live().until(d -> d.findElement(By.id("state-data_update_stop")).getText().equals("ON"));

        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("1");
        assertThat(admin().get(MODES + "/audit?limit=1").data().get(0).path("reason").asString()).isEqualTo("nightly backup");
        assertThat(banner().getDomAttribute("data-mode")).isEqualTo("data_update_stop");
        assertThat(banner().getText()).contains("set by " + ADMIN);
        screenshot("maintenance-console");

        browser.findElement(By.id("switch-data_update_stop")).click();
        browser.switchTo().alert().accept();
        live().until(d -> d.findElement(By.id("state-data_update_stop")).getText().equals("OFF"));
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
    }

    @Test
    void logLevelsAreChangedFromTheConsoleAndRefusedInLoadMode() {
        logIn("", ADMIN, ADMIN_PASSWORD);
        live().until(ExpectedConditions.urlContains("/admin/maintenance"));
        new Select(browser.findElement(By.id("level-ita-by-ansible-execute"))).selectByValue("DEBUG");
        browser.findElement(By.id("save-levels")).click();
        live().until(ExpectedConditions.urlContains("?levels"));
        assertThat(admin().get("/api/ita/loglevel-settings/").data().path("ita-by-ansible-execute").asString())
                .isEqualTo("DEBUG");

        setModes("0", "1");
        new Select(browser.findElement(By.id("level-ita-by-ansible-execute"))).selectByValue("INFO");
        browser.findElement(By.id("save-levels")).click();
        live().until(ExpectedConditions.urlContains("?refused"));
        assertThat(admin().get("/api/ita/loglevel-settings/").data().path("ita-by-ansible-execute").asString())
                .isEqualTo("DEBUG");
        setModes("0", "0");
        admin().patch("/api/ita/loglevel-settings/", Map.of("ita-by-ansible-execute", "INFO"));
    }

    @Test
    void anAdministratorCreatesAndDeletesOrganizations() {
        String id = unique("ui-org");
        logIn("", ADMIN, ADMIN_PASSWORD);
        live().until(ExpectedConditions.urlContains("/admin/maintenance"));
        browser.get(url("/admin/organizations"));

        fillOrganization(id);
        live().until(ExpectedConditions.urlContains("?created"));
        assertThat(browser.findElement(By.id("organizations")).getText()).contains(id);
        assertThat(http().as("boss", "boss-pass").get("/api/" + id + "/platform/workspaces").status()).isEqualTo(200);

        fillOrganization(id);
        live().until(d -> d.findElement(By.id("error")).getText().contains("400-00001"));

        setModes("0", "1");
        fillOrganization(unique("ui-late"));
        live().until(d -> d.findElement(By.id("error")).getText().contains("498-23001"));
        setModes("0", "0");

        browser.findElement(By.id("delete-" + id)).click();
        browser.switchTo().alert().accept();
        live().until(ExpectedConditions.urlContains("?deleted"));
        assertThat(browser.findElement(By.id("organizations")).getText()).doesNotContain(id);
        assertError(admin().get("/api/platform/organizations/" + id), 404, "404-00001");
    }

    private void fillOrganization(String id) {
        browser.findElement(By.id("org-id")).sendKeys(id);
        browser.findElement(By.id("org-name")).sendKeys(id + " name");
        browser.findElement(By.id("org-manager")).sendKeys("boss");
        browser.findElement(By.id("org-password")).sendKeys("boss-pass");
        browser.findElement(By.id("create-organization")).click();
    }

    @Test
    void aMemberSearchesRegistersAndDiscardsMenuRecordsAndLoadModeTakesTheControlsAway() throws IOException {
        String org = unique("ui-ws");
        createOrganization(org, "member1", "member1-pass");
        createWorkspace(http().as("member1", "member1-pass"), org, "ws1");
        logIn(org, "member1", "member1-pass");
        live().until(d -> d.findElement(By.id("workspaces")).getText().contains("ws1"));
        browser.findElement(By.linkText("ws1 name")).click();
        live().until(d -> d.findElement(By.tagName("h1")).getText().equals("Operation list"));

        browser.findElement(By.id("register-button")).click();
        live().until(d -> d.findElement(By.id("error")).getText().contains("499-00201"));
        assertThat(browser.findElement(By.id("error-operation_name")).getText()).isEqualTo("Required.");

        browser.findElement(By.id("f-operation_name")).sendKeys("nightly-op");
        browser.findElement(By.id("f-scheduled_date_for_execution")).sendKeys("2026/12/01 10:00:00");
        browser.findElement(By.id("register-button")).click();
        live().until(ExpectedConditions.urlContains("?done"));
        assertThat(browser.findElement(By.id("records")).getText()).contains("nightly-op");
        screenshot("menu-operation-list");

        browser.findElement(By.cssSelector("#records a.edit")).click();
        live().until(d -> d.findElement(By.id("register-title")).getText().startsWith("Edit"));
        WebElement name = browser.findElement(By.id("f-operation_name"));
        assertThat(name.getDomProperty("value")).isEqualTo("nightly-op");
        name.clear();
        name.sendKeys("nightly-op-2");
        browser.findElement(By.id("register-button")).click();
        live().until(ExpectedConditions.urlContains("?done"));
        assertThat(browser.findElement(By.id("records")).getText()).contains("nightly-op-2");

        // Load mode turned ON while the form is open: the server refuses the write.
        browser.findElement(By.id("f-operation_name")).sendKeys("too-late");
        setModes("0", "1");
        browser.findElement(By.id("register-button")).click();
        live().until(d -> d.findElement(By.id("error")).getText().contains("498-00001"));
        setModes("0", "0");
        assertThat(http().as("member1", "member1-pass").get("/api/" + org + "/workspaces/ws1/ita/menu/operation_list/filter/count/")
                .data().asInt()).isEqualTo(1);

        browser.get(url("/ui/ws/" + org + "/ws1/menu/operation_list"));
        browser.findElement(By.id("q-operation_name")).sendKeys("nothing-like-this");
        browser.findElement(By.id("search")).click();
        live().until(d -> d.findElement(By.id("count")).getText().equals("0 records"));

        browser.get(url("/ui/ws/" + org + "/ws1/menu/operation_list"));
        browser.findElement(By.cssSelector("#records form button")).click();
        live().until(ExpectedConditions.urlContains("?done"));
        assertThat(http().as("member1", "member1-pass").get("/api/" + org + "/workspaces/ws1/ita/menu/operation_list/filter/")
                .data().get(0).path("parameter").path("discard").asString()).isEqualTo("1");

        // A narrow window: nothing wider than the window but the table, which scrolls in its own box.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 800));
        browser.get(url("/ui/ws/" + org + "/ws1/menu/operation_list"));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        screenshot("menu-narrow");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));

        setModes("0", "1");
        browser.get(url("/ui/ws/" + org + "/ws1/menu/operation_list"));
        assertThat(browser.findElement(By.id("read-only-notice")).getText()).contains("load mode");
        assertThat(browser.findElements(By.id("register"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#records form"))).isEmpty();
        assertThat(banner().getDomAttribute("data-mode")).isEqualTo("data_update_stop");
    }

    @Test
    void wrongCredentialsStayOnTheLoginPageAndOrganizationUsersCannotOpenTheConsole() {
        logIn("", ADMIN, "wrong-password");
        live().until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("wrong");

        String org = unique("web-org");
        createOrganization(org, "webuser", "webuser-pass");
        logIn(org, "webuser", "webuser-pass");
        live().until(d -> d.findElement(By.tagName("h1")).getText().equals("Workspaces"));
        browser.get(url("/admin/maintenance"));
        assertThat(browser.getPageSource()).doesNotContain("switch-data_update_stop");
        assertThat(admin().get(MODES).data().path("data_update_stop").asString()).isEqualTo("0");
    }
}
