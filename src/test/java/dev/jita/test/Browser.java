package dev.jita.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's chromium, headless, driven by chromium-driver, against the test server. */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration LIVE = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final Path profile;
    private final int port;

    private Browser(int port) throws IOException {
        this.port = port;
        this.profile = Files.createTempDirectory("jita-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    /** Whether chromium and chromium-driver are installed; tests that need them skip themselves otherwise. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser open(int port) throws IOException {
        return new Browser(port);
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

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
