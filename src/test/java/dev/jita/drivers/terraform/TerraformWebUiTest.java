package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Browser;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.UiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Terraform executions started from the web UI in a real browser: an apply watched to its end with its logs and
 * outputs, a plan, a resource deletion, and a slow apply stopped in an emergency.
 */
@TestPropertySource(properties = {"jita.terraform-cli.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=200ms", "jita.terraform-cli.stop-grace=5s"})
class TerraformWebUiTest extends TerraformTestSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Test
    void anApplyAPlanAndADeletionAreWatchedToTheirEndThenASlowApplyIsStopped() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver (Debian packages) are not installed");
        scenario(MAIN_TF, "hello-from-the-browser", null);
        // A second movement on its own Terraform workspace, whose apply takes ten minutes.
        record(TerraformCliMenus.WORKSPACES, Map.of("tf_workspace_name", "tfws2"));
        record(TerraformCliMenus.MOVEMENTS, Map.of("movement_name", "mv2", "workspace_name", "tfws2"));
        module("slow.tf", """
                resource "terraform_data" "slow" {
                  provisioner "local-exec" {
                    command = "sleep 600"
                  }
                }
                """);
        record(TerraformCliMenus.MOVEMENT_MODULES, Map.of("movement_name", "mv2", "module_file", "slow.tf"));
        String page = "/ui/ws/" + org + "/ws1/terraform-cli";

        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            session.logIn(org, "owner", "owner-pass");
            browser.get(session.url("/ui/ws/" + org + "/ws1/menu/operation_list"));
            browser.findElement(By.id("executions-terraform-cli")).click();
            session.live().until(ExpectedConditions.urlToBe(session.url(page)));
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv1");
            new Select(browser.findElement(By.id("operation"))).selectByValue("op1");
            browser.findElement(By.id("execute")).click();

            session.live().until(ExpectedConditions.urlMatches(".*/terraform-cli/[0-9a-f-]{36}$"));
            awaitShown(browser, "5");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Completed");
            assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("Execute");
            assertThat(text(browser, "log-init-log")).contains("Terraform has been successfully initialized");
            assertThat(text(browser, "log-plan-log")).contains("terraform_data.hello will be created");
            assertThat(text(browser, "log-apply-log")).contains("Apply complete! Resources: 1 added");
            assertThat(text(browser, "log-outputs-json")).contains("hello-from-the-browser").doesNotContain(SECRET);
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(SECRET);
            assertThat(browser.findElements(By.id("scram-form")).get(0).isDisplayed()).isFalse();
            session.live().until(d -> d.findElement(By.id("files")).getText().contains("ResultData_"));
            assertThat(text(browser, "files")).contains("InputData_");
            assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).contains("exec-done");
            assertThat(text(browser, "elapsed")).matches("\\d\\d:\\d\\d:\\d\\d");
            session.live().until(d -> d.findElement(By.id("result-data")).isDisplayed());
            assertThat(browser.findElement(By.id("populated-data")).getDomProperty("href")).contains("name=InputData_");
            // The log search keeps the lines that contain what is typed, and says how many of how many.
            String applyLog = text(browser, "log-apply-log");
            String applyLines = text(browser, "log-apply-log-count").replace(" lines", "");
            assertThat(applyLines).matches("[1-9][0-9]*");
            browser.findElement(By.id("log-apply-log-search")).sendKeys("apply complete");
            assertThat(text(browser, "log-apply-log")).startsWith("Apply complete! Resources: 1 added").doesNotContain("\n");
            assertThat(text(browser, "log-apply-log-count")).isEqualTo("Matching lines: 1 of " + applyLines);
            browser.findElement(By.id("log-apply-log-search")).clear();
            browser.findElement(By.id("log-apply-log-search")).sendKeys(" ");
            browser.findElement(By.id("log-apply-log-search")).sendKeys(Keys.BACK_SPACE);
            assertThat(text(browser, "log-apply-log")).isEqualTo(applyLog);
            session.screenshot("terraform-execution");
            // The same page in Japanese.
            String shownPage = browser.getCurrentUrl();
            browser.get(shownPage + "?lang=ja");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("完了");
            assertThat(text(browser, "log-apply-log-count")).isEqualTo(applyLines + " 行");
            browser.findElement(By.id("log-apply-log-search")).sendKeys("apply complete");
            assertThat(text(browser, "log-apply-log-count")).isEqualTo("一致する行: " + applyLines + " 行中 1 行");
            assertThat(browser.findElement(By.id("result-data")).getText()).isEqualTo("結果データをダウンロード");
            session.screenshot("terraform-execution-ja");
            browser.get(shownPage + "?lang=en");
            // The execution list menu links the execution to this page.
            browser.get(session.url("/ui/ws/" + org + "/ws1/menu/execution_list_terraform_cli"));
            browser.findElement(By.cssSelector("a.record-page")).click();
            session.live().until(ExpectedConditions.urlToBe(shownPage));

            browser.get(session.url(page));
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv1");
            browser.findElement(By.id("dry-run")).click();
            awaitShown(browser, "5");
            assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("Plan");
            assertThat(text(browser, "log-plan-log")).contains("No changes.");
            assertThat(text(browser, "log-apply-log")).isEmpty();

            browser.get(session.url(page));
            new Select(browser.findElement(By.id("target"))).selectByValue("tfws1");
            browser.findElement(By.id("destroy")).click();
            browser.switchTo().alert().accept();
            awaitShown(browser, "5");
            assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("Delete resources");
            assertThat(browser.findElement(By.id("target")).getText()).isEqualTo("tfws1");
            assertThat(text(browser, "log-apply-log")).contains("Destroy complete! Resources: 1 destroyed.");

            browser.get(session.url(page));
            assertThat(browser.findElement(By.id("executions")).getText()).contains("Plan", "Delete resources");
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv2");
            new Select(browser.findElement(By.id("operation"))).selectByValue("op1");
            browser.findElement(By.id("execute")).click();
            until(browser, d -> text(d, "log-apply-log").contains("terraform_data.slow: Creating..."));
            assertThat(browser.findElement(By.id("scram-form")).isDisplayed()).isTrue();
            browser.findElement(By.id("scram")).click();
            browser.switchTo().alert().accept();
            awaitShown(browser, "8");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Emergency stop");
        }
    }

    @Test
    void anOrganizationWithoutTheTerraformCliDriverHasNoTerraformPages() {
        String other = unique("tf-none");
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(other, "owner", "owner-pass"));
        body.put("optionsIta", Map.of("drivers", Map.of("terraform_cli", false)));
        Http.Reply reply = admin().post("/api/platform/organizations", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        createWorkspace(http().as("owner", "owner-pass"), other, "ws1");
        UiClient client = new UiClient(port);
        client.logIn(other, "owner", "owner-pass");

        UiClient.Page menu = client.get("/ui/ws/" + other + "/ws1/menu/operation_list");
        assertThat(menu.status()).isEqualTo(200);
        assertThat(menu.body()).doesNotContain("executions-terraform-cli").doesNotContain("/terraform-cli");
        assertThat(client.get("/ui/ws/" + other + "/ws1/terraform-cli").status()).isEqualTo(404);
        // The driver API answers as for an unknown menu, and nothing is registered.
        assertError(http().as("owner", "owner-pass").post("/api/" + other + "/workspaces/ws1/ita/menu/"
                + "execution_terraform_cli/driver/execute/", Map.of("movement_name", "mv1", "operation_name", "op1")),
                404, "404-00001");

        UiClient own = new UiClient(port);
        own.logIn(org, "owner", "owner-pass");
        assertThat(own.get("/ui/ws/" + org + "/ws1/menu/operation_list").body()).contains("id=\"executions-terraform-cli\"");
        assertThat(own.get("/ui/ws/" + org + "/ws1/terraform-cli").status()).isEqualTo(200);
    }

    /** Waits, as long as a terraform run may take, for the status the page shows. */
    private static void awaitShown(WebDriver browser, String statusId) {
        until(browser, d -> statusId.equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
    }

    private static void until(WebDriver browser, Function<WebDriver, Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(condition);
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
