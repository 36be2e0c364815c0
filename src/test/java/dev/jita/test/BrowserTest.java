package dev.jita.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** Base of the tests that drive the web UI in chromium: each test has the browser, logged in nowhere yet. */
public abstract class BrowserTest extends ApiTest {

    protected Browser session;
    protected WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(),
                "chromium and chromium-driver (Debian packages) are not installed: the browser tests cannot run");
        session = Browser.open(port);
        browser = session.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
