package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Browser;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import dev.jita.test.UiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Menu export and import in a real browser: two menus exported from one workspace with a passphrase, the archive
 * downloaded from the job list, uploaded on another workspace's import page and imported; both jobs followed on
 * their lists until Completed, and the records read back there.
 */
@TestPropertySource(properties = {"jita.menu-export-import.enabled=true", "jita.backyard.enabled=true",
        "jita.backyard.poll-interval=100ms"})
class TransferUiTest extends ApiTest {

    private static final String PASSPHRASE = "correct horse battery";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    @Test
    void twoMenusAreExportedDownloadedAndImportedIntoAnotherWorkspace() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver (Debian packages) are not installed");
        String org = unique("tu-org");
        createOrganization(org, "owner", "owner-pass");
        Http owner = http().as("owner", "owner-pass");
        createWorkspace(owner, org, "ws1");
        createWorkspace(owner, org, "ws2");
        String source = "/api/" + org + "/workspaces/ws1/ita/menu/";
        register(owner, source + "operation_list", Map.of("operation_name", "nightly"));
        register(owner, source + "device_list", Map.of("host_name", "web1", "ip_address", "127.0.0.1",
                "login_user", "deploy", "login_password", "s3cret-Pa55", "connection_type", "local"));
        Path archive = Files.createTempFile("jita-ui-", ".kym");
        try (Browser session = Browser.open(port)) {
            WebDriver browser = session.driver();
            session.logIn(org, "owner", "owner-pass");
            browser.get(session.url("/ui/ws/" + org + "/ws1/menu/operation_list"));
            String exportPage = browser.findElement(By.id("transfer-menu-export")).getAttribute("href");
            browser.get(exportPage);
            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("group-102")));

            // A group's box chooses all of its menus and clears them again; the two menus chosen one by one.
            WebElement group = browser.findElement(By.id("group-102"));
            group.click();
            assertThat(browser.findElement(By.id("menu-operation_list")).isSelected()).isTrue();
            assertThat(browser.findElement(By.id("menu-device_list")).isSelected()).isTrue();
            group.click();
            assertThat(browser.findElement(By.id("menu-device_list")).isSelected()).isFalse();
            browser.findElement(By.id("menu-operation_list")).click();
            assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.getElementById('group-102').indeterminate")).isTrue();
            browser.findElement(By.id("menu-device_list")).click();
            assertThat(group.isSelected()).isTrue();
            browser.findElement(By.id("passphrase")).sendKeys(PASSPHRASE);
            browser.findElement(By.id("passphrase-confirm")).sendKeys(PASSPHRASE);
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            session.screenshot("menu-export");
            browser.findElement(By.id("export")).click();

            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("registered")));
            String exportNo = browser.findElement(By.cssSelector("#jobs .job-no")).getText();
            completed(browser, exportNo);
            session.screenshot("menu-export-import-list");
            String link = browser.findElement(By.cssSelector("#job-" + exportNo + " .job-file")).getAttribute("href");
            // The browser's own session fetches what the link gives: the archive itself.
            UiClient download = new UiClient(port);
            download.useSession(browser.manage().getCookieNamed(UiClient.SESSION_COOKIE).getValue());
            UiClient.Download file = download.download(link.substring(link.indexOf("/ui/")));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            Files.write(archive, file.body());

            browser.get(session.url("/ui/ws/" + org + "/ws2/transfer/menu-import"));
            browser.findElement(By.id("file")).sendKeys(archive.toAbsolutePath().toString());
            browser.findElement(By.id("upload")).click();
            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("archive-mode")));
            assertThat(browser.findElement(By.id("archive-mode")).getText()).isEqualTo("Environment migration");
            assertThat(browser.findElement(By.id("archive-format")).getText()).isEqualTo("jita-kym 1");
            assertThat(browser.findElement(By.id("archive-passwords")).getText()).contains("passphrase");
            browser.findElement(By.id("group-102")).click();
            assertThat(browser.findElement(By.id("menu-device_list")).isSelected()).isTrue();
            browser.findElement(By.id("passphrase")).sendKeys(PASSPHRASE);
            browser.findElement(By.id("import")).click();

            session.live().until(ExpectedConditions.visibilityOfElementLocated(By.id("registered")));
            String importNo = browser.findElement(By.cssSelector("#jobs .job-no")).getText();
            completed(browser, importNo);
            assertThat(browser.findElement(By.cssSelector("#job-" + importNo + " .job-type")).getText())
                    .isEqualTo("Import");
        } finally {
            Files.deleteIfExists(archive);
        }
        String target = "/api/" + org + "/workspaces/ws2/ita/menu/";
        assertThat(owner.get(target + "operation_list/filter/").body()).contains("nightly");
        assertThat(owner.get(target + "device_list/filter/").body()).contains("web1");
    }

    private static void register(Http owner, String menu, Map<String, Object> parameter) {
        Http.Reply reply = owner.post(menu + "/maintenance/all/", List.of(Map.of("type", "Register",
                "parameter", parameter)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** Waits, across the list's own reloads, until the job shows Completed. */
    private static void completed(WebDriver browser, String no) {
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#job-" + no + " .job-status")).getText().equals("Completed"));
    }
}
