package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.Browser;
import dev.jita.test.Http;
import dev.jita.test.UiClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Terraform Cloud/EP executions started from the web UI in a real browser, against the fake Terraform Cloud:
 * an apply whose run's logs appear while it goes on, a plan, a resource deletion, and a slow run stopped in an
 * emergency.
 */
class TerraformCloudEpWebUiTest extends TerraformCloudTestSupport {

    @Test
    void anApplyAPlanAndADeletionAreWatchedToTheirEndThenASlowRunIsStopped() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver (Debian packages) are not installed");
        FakeTerraformCloud.Workspace workspace = scenario(MAIN_TF, "hello-from-the-cloud");
        // Phases long enough to see the plan finished while the apply has not.
        workspace.phaseDuration(Duration.ofSeconds(4));
        String page = "/ui/ws/" + org + "/ws1/terraform-cloud-ep";

        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            session.logIn(org, "owner", "owner-pass");
            browser.get(session.url("/ui/ws/" + org + "/ws1/menu/operation_list"));
            browser.findElement(By.id("executions-terraform-cloud-ep")).click();
            session.live().until(ExpectedConditions.urlToBe(session.url(page)));
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv1");
            new Select(browser.findElement(By.id("operation"))).selectByValue("op1");
            browser.findElement(By.id("execute")).click();

            session.live().until(ExpectedConditions.urlMatches(".*/terraform-cloud-ep/[0-9a-f-]{36}$"));
            // The page is not reloaded: the logs arrive while the run goes on at Terraform Cloud.
            until(browser, d -> text(d, "log-plan-log").contains("Plan: 1 to add")
                    && "3".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id")));
            until(browser, d -> text(d, "log-apply-log").contains("null_resource.fake: Creating...")
                    && !text(d, "log-apply-log").contains("Apply complete!"));
            awaitShown(browser, "5");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Completed");
            assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("Execute");
            assertThat(browser.findElement(By.id("target")).getText()).isEqualTo("tfc-org1:tfc-ws1");
            assertThat(text(browser, "log-apply-log")).contains("Apply complete! Resources: 1 added");
            assertThat(text(browser, "log-outputs-json")).contains("hello-from-the-cloud", "********");
            assertThat(browser.findElements(By.id("scram-form")).get(0).isDisplayed()).isFalse();
            assertThat(browser.getPageSource()).doesNotContain(SECRET).doesNotContain(TOKEN);
            session.screenshot("terraform-cloud-ep-execution");

            workspace.phaseDuration(Duration.ofSeconds(1));
            browser.get(session.url(page));
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv1");
            browser.findElement(By.id("dry-run")).click();
            awaitShown(browser, "5");
            assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("Plan");
            assertThat(text(browser, "log-plan-log")).contains("Plan: 1 to add");
            assertThat(text(browser, "log-apply-log")).isEmpty();

            browser.get(session.url(page));
            new Select(browser.findElement(By.id("target"))).selectByValue("tfc-org1:tfc-ws1");
            browser.findElement(By.id("destroy")).click();
            browser.switchTo().alert().accept();
            awaitShown(browser, "5");
            assertThat(browser.findElement(By.id("mode")).getText()).isEqualTo("Delete resources");
            assertThat(browser.findElement(By.id("target")).getText()).isEqualTo("tfc-org1:tfc-ws1");
            assertThat(text(browser, "log-apply-log")).contains("Destroy complete! Resources: 1 destroyed.");
            assertThat(browser.getPageSource()).doesNotContain(SECRET).doesNotContain(TOKEN);

            workspace.phaseDuration(Duration.ofSeconds(30));
            browser.get(session.url(page));
            assertThat(browser.findElement(By.id("executions")).getText()).contains("Plan", "Delete resources");
            new Select(browser.findElement(By.id("movement"))).selectByValue("mv1");
            new Select(browser.findElement(By.id("operation"))).selectByValue("op1");
            browser.findElement(By.id("execute")).click();
            until(browser, d -> "3".equals(d.findElement(By.id("status")).getDomAttribute("data-status-id"))
                    && d.findElement(By.id("scram-form")).isDisplayed());
            browser.findElement(By.id("scram")).click();
            browser.switchTo().alert().accept();
            awaitShown(browser, "8");
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Emergency stop");
            assertThat(tfc.runStatus(workspace.runIds().get(workspace.runIds().size() - 1))).isEqualTo("canceled");
        }
    }

    @Test
    void anOrganizationWithoutTheCloudEpDriverHasNoCloudEpPages() {
        String other = unique("tfc-none");
        Map<String, Object> body = new LinkedHashMap<>(organizationBody(other, "owner", "owner-pass"));
        body.put("optionsIta", Map.of("drivers", Map.of("terraform_cloud_ep", false)));
        Http.Reply reply = admin().post("/api/platform/organizations", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        createWorkspace(http().as("owner", "owner-pass"), other, "ws1");
        UiClient client = new UiClient(port);
        client.logIn(other, "owner", "owner-pass");

        UiClient.Page menu = client.get("/ui/ws/" + other + "/ws1/menu/operation_list");
        assertThat(menu.status()).isEqualTo(200);
        assertThat(menu.body()).doesNotContain("executions-terraform-cloud-ep").doesNotContain("/terraform-cloud-ep");
        assertThat(client.get("/ui/ws/" + other + "/ws1/terraform-cloud-ep").status()).isEqualTo(404);
        assertError(http().as("owner", "owner-pass").post("/api/" + other + "/workspaces/ws1/ita/menu/"
                + "execution_terraform_cloud_ep/driver/execute/", Map.of("movement_name", "mv1", "operation_name", "op1")),
                404, "404-00001");

        UiClient own = new UiClient(port);
        own.logIn(org, "owner", "owner-pass");
        assertThat(own.get("/ui/ws/" + org + "/ws1/menu/operation_list").body())
                .contains("id=\"executions-terraform-cloud-ep\"");
        assertThat(own.get("/ui/ws/" + org + "/ws1/terraform-cloud-ep").status()).isEqualTo(200);
    }

    /** Waits, as long as a run at Terraform Cloud may take, for the status the page shows. */
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
