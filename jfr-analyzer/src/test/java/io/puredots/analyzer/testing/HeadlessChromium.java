package io.puredots.analyzer.testing;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * Debian's {@code chromium} driven headless through {@code chromedriver} (Selenium), for tests of
 * the HTML pages: open a file, run JavaScript, read the console, take a full-page screenshot. The
 * browser and driver paths are given explicitly, so Selenium Manager downloads nothing;
 * {@code ci/test.sh} installs both packages when missing. One instance per test class; not
 * thread-safe.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Debian's browser. */
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    /** Debian's driver (package chromium-driver). */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    /**
     * Starts the browser.
     *
     * @throws IllegalStateException if chromium or chromedriver is not installed
     */
    public HeadlessChromium() {
        for (Path p : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: apt-get install chromium chromium-driver"
                        + " (ci/test.sh installs them)");
            }
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--force-device-scale-factor=1", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a local file and waits for its load event (the page's scripts have run). */
    public void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /** Runs {@code script} in the page (a function body: {@code return ...}; {@code arguments[i]}). */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The page's title. */
    public String title() {
        return driver.getTitle();
    }

    /** The driver, for element lookups and clicks. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Console messages at level SEVERE since the last call (script errors, CSP violations, failed loads). */
    public List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
    }

    /** Saves a PNG of the whole page, beyond the window's height. */
    public void screenshot(Path png) throws IOException {
        Map<String, Object> r = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true,
                        "clip", Map.of("x", 0, "y", 0, "scale", 1,
                                "width", ((Number) js("return document.documentElement.scrollWidth")).doubleValue(),
                                "height", ((Number) js("return document.documentElement.scrollHeight")).doubleValue())));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode((String) r.get("data")));
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Where tests put screenshots: {@code target/screenshots} of the module (a build artifact). */
    public static Path screenshotDir() {
        return new File("target/screenshots").toPath();
    }
}
