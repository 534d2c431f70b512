package org.llmstrategy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report page in a real browser: Debian's headless Chromium driven by its chromedriver (never a
 * download: both are named by path). Screenshots and the printed PDF go to target/report/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportPageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path OUT = Path.of("target/report");

  static ChromeDriver browser;

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      assertThat(Files.isExecutable(p))
          .as(
              "%s is missing: the browser test needs Debian's chromium and chromium-driver"
                  + " (apt-get install chromium chromium-driver; .ci/run installs them)",
              p)
          .isTrue();
    }
    Files.createDirectories(OUT);
    Path profile = Files.createTempDirectory("report-browser");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    // the console, to see what the content security policy blocks
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** What the console said since it was last read. */
  static List<String> console() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /** The page works under the service's content security policy: nothing of it is blocked. */
  @AfterEach
  void nothingWasBlocked() {
    assertThat(console()).noneMatch(m -> m.contains("Content Security Policy"));
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  void open(String query) {
    browser.get("http://localhost:" + port + "/" + query);
    waiting()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  /** Data points the chart holds, read from Chart.js itself. */
  long chartPoints() {
    Object n =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = Chart.getChart(document.getElementById('cost-chart'));"
                    + " return c ? c.data.datasets.reduce((s, d) => s + d.data.length, 0) : 0;");
    return ((Number) n).longValue();
  }

  void submit() {
    browser.findElement(By.id("submit")).click();
  }

  void set(String field, String value) {
    WebElement input = browser.findElement(By.id("f-" + field));
    input.clear();
    input.sendKeys(value);
  }

  @Test
  void theReadmeExampleIsReportedWithItsReasonsAndChart() throws Exception {
    open("");
    // the form comes from the published contract, prefilled with its example
    assertThat(browser.findElement(By.id("f-monthlyTokens")).getDomProperty("value"))
        .isEqualTo("2000000000");
    assertThat(browser.findElements(By.cssSelector("label[for^='f-']")).size()).isGreaterThan(15);
    assertThat(browser.findElements(By.cssSelector("#f-dataSensitivity option")))
        .extracting(WebElement::getText)
        .contains("PUBLIC", "INTERNAL", "CONFIDENTIAL", "REGULATED");
    set("mlEngineers", "3");
    submit();
    waiting().until(d -> chartPoints() > 0);

    assertThat(browser.findElement(By.id("recommendation")).getText()).isEqualTo("SELF_HOST");
    assertThat(browser.findElement(By.cssSelector("[data-option='SELF_HOST']")).getText())
        .contains("+2", "Confidential data is a clear privacy justification");
    assertThat(browser.findElement(By.id("decided")).getText())
        .contains("deployment/DeploymentMatrix.drl.xlsx", "Matrix");
    assertThat(browser.findElement(By.id("flips")).getText()).contains("upfrontBudgetUsd");
    assertThat(chartPoints()).isGreaterThan(100);
    assertThat(browser.findElement(By.id("chart-notes")).getText())
        .contains("800M", "1B", "3.2B", "10B", "16B");
    assertThat(browser.getCurrentUrl()).contains("monthlyTokens=2000000000");
    screenshot("desktop.png");

    browser.manage().window().setSize(new Dimension(390, 844));
    waiting().until(d -> chartPoints() > 0);
    screenshot("phone.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));

    String pdf = browser.print(new PrintOptions()).getContent();
    Files.write(OUT.resolve("report.pdf"), Base64.getDecoder().decode(pdf));
  }

  @Test
  void theLinkHoldsTheRequestAndABadValueIsNamedNextToItsField() throws Exception {
    open("?dataSensitivity=PUBLIC&monthlyTokens=5000000&timeToProduction=DAYS&upfrontBudgetUsd=0");
    waiting().until(d -> chartPoints() > 0);
    assertThat(browser.findElement(By.id("recommendation")).getText()).isEqualTo("API");

    set("upfrontBudgetUsd", "-5");
    set("monthlyTokens", "1.5");
    submit();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("err-upfrontBudgetUsd"), "must be at least 0"));
    assertThat(browser.findElement(By.id("err-monthlyTokens")).getText())
        .isEqualTo("must be an integer, without a fraction or exponent");
    assertThat(browser.findElement(By.id("field-upfrontBudgetUsd")).getDomAttribute("class"))
        .contains("invalid");
    assertThat(browser.findElement(By.id("report")).isDisplayed()).isFalse();
    screenshot("bad-value.png");
  }

  /** The policy is the browser's too: an inline script added to the page does not run. */
  @Test
  void anInlineScriptIsRefusedByThePolicy() {
    open("");
    console();
    Object ran =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const s = document.createElement('script');"
                    + " s.textContent = 'window.inlineRan = true';"
                    + " document.head.appendChild(s);"
                    + " return window.inlineRan === true;");
    assertThat(ran).isEqualTo(false);
    assertThat(console()).anyMatch(m -> m.contains("Content Security Policy"));
  }

  void screenshot(String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), OUT.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
