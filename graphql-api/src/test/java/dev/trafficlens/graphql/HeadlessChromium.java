package dev.trafficlens.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, one per test class ({@code @RegisterExtension
 * static}). Where either is missing the class's tests are skipped with a message saying what to install; with the
 * environment variable {@code CI} set they fail instead (.ci/run installs both). Offline: nothing is downloaded
 * (Selenium Manager is bypassed by the explicit driver path, and {@code SE_OFFLINE=true} is set by surefire), and
 * Chromium's own background connections are switched off.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String missing = "browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver";
            if (System.getenv("CI") != null) {
                Assertions.fail(missing + " (CI is set, so this fails instead of skipping)");
            }
            Assumptions.abort(missing);
        }
        profile = Files.createTempDirectory("trafficlens-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The browser console's entries at SEVERE (errors) since the last call. */
    List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /**
     * The whole text of GraphiQL's response pane: its editor draws only the lines in view, so the text is read from
     * the editor rather than from the page.
     */
    static String graphiqlResponse(ChromeDriver browser) {
        Object text = browser.executeScript("const editor = document.querySelector('.graphiql-response .CodeMirror');"
                + " return editor ? editor.CodeMirror.getValue() : '';");
        return String.valueOf(text);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
