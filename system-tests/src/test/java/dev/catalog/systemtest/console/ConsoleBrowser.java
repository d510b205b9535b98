package dev.catalog.systemtest.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium driven by its chromedriver, looking at the console of the test stack. Debian's {@code chromium} and
 * {@code chromium-driver} (.ci/run installs them), named by path so Selenium never looks for a browser of its own.
 * Each test class opens one and closes it, whatever happened; screenshots go to {@code target/console-screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("catalog.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("catalog.chromedriver", "/usr/bin/chromedriver"));
    private static final Path OUTPUT = Path.of(System.getProperty("catalog.build.dir", "target"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final URI console;
    private final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(URI console, ChromeDriver driver, Path profile) {
        this.console = console;
        this.driver = driver;
        this.profile = profile;
    }

    static ConsoleBrowser open(URI console) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does)");
        }
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(OUTPUT), "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Headless as root in CI; no first-run pages, no calls home, a profile of its own.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-GB");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(Duration.ofSeconds(30));
            return new ConsoleBrowser(console, driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the console by its fragment ({@code #/search?tenant=acme}) and waits for its first content. */
    void go(String fragment) {
        driver.get(console.resolve("/") + fragment);
        await(page -> !page.findElements(By.cssSelector("main > *")).isEmpty());
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return await(page -> page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * The text of the first displayed element matching {@code css}, found and read in one attempt: a page that
     * redraws between the two only makes it look again.
     */
    String text(String css) {
        return await(page -> page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .map(WebElement::getText).orElse(null));
    }

    /** An attribute of the first displayed element matching {@code css}, found and read in one attempt. */
    String attribute(String css, String name) {
        return await(page -> page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .map(element -> element.getAttribute(name)).orElse(null));
    }

    /**
     * The text of every element matching {@code css}, in document order, read by the page itself in one script: a
     * redraw cannot fall between finding the elements and reading them.
     */
    List<String> texts(String css) {
        return strings("return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim())", css);
    }

    /** An attribute of every element matching {@code css}, in document order, read in one script as {@link #texts}. */
    List<String> attributes(String css, String name) {
        return strings("return Array.from(document.querySelectorAll(arguments[0]), e => e.getAttribute(arguments[1]) ?? '')",
                css, name);
    }

    /** How many elements match {@code css} now. */
    int count(String css) {
        return ((Number) script("return document.querySelectorAll(arguments[0]).length", css)).intValue();
    }

    private List<String> strings(String javascript, Object... arguments) {
        return ((List<?>) script(javascript, arguments)).stream().map(String::valueOf).toList();
    }

    <T> T await(Function<WebDriver, T> condition) {
        return await(PATIENCE, condition);
    }

    <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        // Pages redraw what they show on every answer: an element found a moment ago may be gone; look again.
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves what the page shows, full height, as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(OUTPUT.resolve("console-screenshots"));
            Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, 1000)");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, Math.min(height.intValue() + 40, 3000)));
            Path file = directory.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile in target/ harms nothing
            }
        }
    }
}
