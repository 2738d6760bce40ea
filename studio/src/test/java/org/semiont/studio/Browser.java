package org.semiont.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its chromedriver (both installed by .ci/run). Screenshots go to
 * target/screenshots, and to docs/studio as well with {@code -Dstudio.screenshots=docs} (how the README's pictures
 * are made).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    final WebDriver driver;

    Browser(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                    + "): run .ci/run, or apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Clicks what loads a new page (a link, a submit button) and waits until that page has replaced this one. */
    void go(String css) {
        go(find(css));
    }

    void go(WebElement target) {
        markPage();
        target.click();
        awaitNewPage();
    }

    /** Marks the page shown now, so {@link #awaitNewPage()} can tell when another has replaced it. */
    void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.semiontTestOldPage = true");
    }

    /**
     * Elements found right after a click may still belong to the old page, which a busy machine replaces later
     * (the element then goes stale mid-test): wait until the marked page is gone and the new one has loaded. Errors
     * while the browser is between pages are expected and polled through.
     */
    void awaitNewPage() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return window.semiontTestOldPage === undefined"
                        + " && document.readyState === 'complete'")));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void signIn(String studio, String email) {
        open(studio + "/");
        if (all("#email").isEmpty()) {
            throw new AssertionError("no sign-in form at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource());
        }
        find("#email").sendKeys(email);
        find("#password").sendKeys(StudioServer.PASSWORD);
        go("#sign-in"); // the answer has arrived (and its cookie is set) before the next navigation
    }

    /** A screenshot with {@code css} scrolled to the top of the window. */
    void screenshot(String name, String css) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", find(css));
        screenshot(name);
    }

    void screenshot(String name) {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
            if ("docs".equals(System.getProperty("studio.screenshots"))) {
                Path docs = Path.of("..", "docs", "studio");
                Files.createDirectories(docs);
                Files.copy(dir.resolve(name + ".png"), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
