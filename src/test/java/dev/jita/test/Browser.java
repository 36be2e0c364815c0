package dev.jita.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by chromium-driver, against the test server. One chromium serves every test
 * of the JVM in turn (starting one takes seconds of CPU the suite needs elsewhere): {@link #close()} hands it back
 * as a new one would be, without cookies, on a blank page, at the usual size; it quits when the JVM ends.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration LIVE = Duration.ofSeconds(15);
    private static final Dimension SIZE = new Dimension(1280, 800);
    private static WebDriver shared;
    private static Path profile;
    private static boolean inUse;

    private final WebDriver driver;
    private final int port;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    /** Whether chromium and chromium-driver are installed; tests that need them skip themselves otherwise. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** The JVM's chromium for one test at a time, against the server on {@code port}. */
    public static synchronized Browser open(int port) throws IOException {
        if (inUse) {
            throw new IllegalStateException("One browser at a time: the last test did not close its own");
        }
        if (shared == null || !alive(shared)) {
            start();
        }
        shared.manage().window().setSize(SIZE);
        inUse = true;
        return new Browser(shared, port);
    }

    private static void start() throws IOException {
        if (shared != null) {
            quit();
        }
        profile = Files.createTempDirectory("jita-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        shared = new ChromeDriver(service, options);
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit));
    }

    private static synchronized void quit() {
        if (shared == null) {
            return;
        }
        try {
            shared.quit();
        } catch (RuntimeException alreadyGone) {
            // A chromium that died on its own leaves nothing to quit.
        }
        shared = null;
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
    }

    private static boolean alive(WebDriver driver) {
        try {
            driver.getWindowHandle();
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits for what a page shows, across reloads (an element of the old page goes stale). */
    public WebDriverWait live() {
        WebDriverWait wait = new WebDriverWait(driver, LIVE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public void logIn(String organization, String username, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("organization")).sendKeys(organization);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        // The form's answer, whether a page or the login page with an error: navigating on before it has
        // come would cancel the login.
        live().until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** Keeps a picture of the page in target/screenshots (a few are copied into docs/ by hand). */
    public void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Hands the browser back as new: no open dialog, a blank page, no cookies, an empty cache. */
    @Override
    public void close() {
        synchronized (Browser.class) {
            inUse = false;
            try {
                try {
                    driver.switchTo().alert().dismiss();
                } catch (NoAlertPresentException none) {
                    // The usual case.
                }
                driver.get("about:blank");
                // Every site's cookies (cookies ignore ports: all test servers are 127.0.0.1) and cache; jita's
                // pages keep nothing in the browser's storage.
                ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", Map.of());
                ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCache", Map.of());
            } catch (RuntimeException broken) {
                quit();
            }
        }
    }
}
