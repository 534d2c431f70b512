package org.llmstrategy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision memo in a real browser, as a board reader uses it: Debian's headless Chromium driven
 * by its chromedriver (never a download: both are named by path). Each statement the page makes is
 * checked against the answer it shows (premium, cheaper option, break-even markers) on three
 * situations; the phone width, the printout and a situation without a model are checked as people
 * meet them. Screenshots and the printed PDF go to target/report/.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    // the first decisions of a cold JVM on a machine shared with the build: the page is under
    // test here, not the deadline (DecisionDeadlineTest and the page's own retry cover that)
    properties = "decision.deadline=2s")
class ReportPageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path OUT = Path.of("target/report");

  /** The README's total-cost example: self-hosting chosen at a premium over fine-tuning. */
  static final String TCO = query(Path.of("src/test/resources/examples/tco-request.json"));

  /** How the headline opens for each recommendation. */
  static final java.util.Map<String, String> VERBS =
      java.util.Map.of("API", "Use", "FINE_TUNE", "Fine-tune", "SELF_HOST", "Self-host");

  /** A startup: public data, little volume, days to production. */
  static final String STARTUP =
      "?dataSensitivity=PUBLIC&monthlyTokens=5000000&timeToProduction=DAYS&upfrontBudgetUsd=0"
          + "&horizonMonths=12&engineerMonthlyUsd=12000";

  /** Heavy internal traffic: self-hosting pays back within the horizon. */
  static final String HEAVY =
      "?dataSensitivity=INTERNAL&monthlyTokens=100000000000&timeToProduction=MONTHS"
          + "&upfrontBudgetUsd=750000&mlEngineers=3&infraEngineers=3&horizonMonths=36"
          + "&engineerMonthlyUsd=15000";

  /** No open model of very high quality: no candidate model at all. */
  static final String NO_MODEL =
      "?dataSensitivity=INTERNAL&monthlyTokens=5000000&timeToProduction=MONTHS"
          + "&upfrontBudgetUsd=600000&mlEngineers=2&infraEngineers=2&minQuality=VERY_HIGH"
          + "&requireOpenWeights=true";

  /**
   * Dollar amounts as people write them: grouped thousands, two decimals or none (a per-task cost:
   * three significant digits). The rules' own sentences keep their cents ($74,577.50).
   */
  static final Pattern MONEY = Pattern.compile("−?\\$[0-9][0-9,.]*");

  static final Pattern READABLE_MONEY =
      Pattern.compile("−?\\$(\\d{1,3}(,\\d{3})*(\\.\\d\\d)?|0\\.0*[1-9]\\d{0,2})");

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
        "--hide-scrollbars",
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

  /** The page works under the service's content security policy, without a script error. */
  @AfterEach
  void nothingWasBlockedOrBroken() {
    assertThat(console())
        .noneMatch(m -> m.contains("Content Security Policy"))
        .noneMatch(m -> m.contains("Uncaught"));
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(90));
  }

  /** Opens the page on a situation and waits until the memo, its charts and tornado are drawn. */
  void open(String query) {
    browser.get("http://localhost:" + port + "/" + query);
    waitUntilDone();
  }

  void waitUntilDone() {
    try {
      waiting()
          .until(
              d -> "done".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "the memo was not drawn: state "
              + browser.findElement(By.tagName("body")).getDomAttribute("data-state")
              + ", console "
              + console()
              + ", at "
              + browser.getCurrentUrl(),
          e);
    }
  }

  Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  /** What the page shows, as it holds it: the answer, the sweep, the sensitivity, its markers. */
  JsonNode memo() {
    return JsonMapper.shared().readTree((String) js("return JSON.stringify(window.memo)"));
  }

  /** The data points of one chart, read from Chart.js itself: dataset key → [x, y] pairs. */
  @SuppressWarnings("unchecked")
  Map<String, List<List<Number>>> chart(String canvas) {
    return (Map<String, List<List<Number>>>)
        js(
            "const c = Chart.getChart(document.getElementById('"
                + canvas
                + "')); const out = {};"
                + " if (c) for (const d of c.data.datasets) out[d.key || d.label] ="
                + " d.data.map(p => [p.x, p.y]); return out;");
  }

  static long points(Map<String, List<List<Number>>> chart) {
    return chart.values().stream().mapToLong(List::size).sum();
  }

  String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  @Test
  void theMemoOpensOnTheVerdictInWordsWithTwoChartsAndATornado() throws Exception {
    open(TCO);
    JsonNode answer = memo().path("answer");
    String winner = answer.path("deployment").path("recommendation").asString();
    java.math.BigDecimal total = null;
    for (JsonNode o : answer.path("cost").path("options")) {
      if (o.path("option").asString().equals(winner)) {
        total = o.path("horizonUsd").decimalValue();
      }
    }
    assertThat(total).as("the winner's total over the horizon").isNotNull();
    String floor = String.format(java.util.Locale.ROOT, "$%,d", total.longValue());
    String rounded =
        String.format(
            java.util.Locale.ROOT,
            "$%,d",
            total.setScale(0, java.math.RoundingMode.HALF_UP).longValue());

    // the verdict first, in words: what, what it costs over the horizon, against what
    assertThat(text("headline"))
        .startsWith(VERBS.get(winner))
        .contains("over 24 months")
        .containsAnyOf(floor, rounded)
        .doesNotContain("SELF_HOST", "FINE_TUNE");
    // the strongest reason, in the rules' own words
    List<String> reasons = new java.util.ArrayList<>();
    for (JsonNode o : answer.path("deployment").path("options")) {
      if (o.path("option").asString().equals(winner)) {
        o.path("reasons").forEach(r -> reasons.add(r.asString()));
      }
    }
    String because = text("because");
    assertThat(reasons)
        .anySatisfy(r -> assertThat(because).contains(r.replaceFirst("^\\([^)]*\\) ", "")));
    // the situation restated in plain words
    assertThat(text("situation"))
        .contains(
            "Confidential data", "2B tokens a month", "$750,000", "3 ML and 3 infrastructure");
    // token volumes short, their exact value on hover
    WebElement volume =
        browser.findElement(By.cssSelector("#inputs .tokens, #compare .tokens, #flips .tokens"));
    assertThat(volume.getDomAttribute("title")).matches("[0-9,]+ tokens");
    assertThat(text("asof")).matches("Prices as of \\d{1,2} \\w+ \\d{4}.*");

    // the form: a panel of questions in words, each with its API name as a hint
    browser.findElement(By.id("form-summary")).click();
    List<WebElement> labels = browser.findElements(By.cssSelector("label[for^='f-']"));
    assertThat(labels).hasSizeGreaterThan(15);
    for (WebElement label : labels) {
      String field = label.getDomAttribute("for").substring(2);
      assertThat(label.getText()).as(field).isNotEqualTo(field).contains(" ");
      assertThat(browser.findElement(By.id("d-" + field)).getText()).startsWith(field);
    }
    assertThat(browser.findElements(By.cssSelector("#f-dataSensitivity option")))
        .extracting(WebElement::getText)
        .contains("Public", "Confidential");

    // two charts with data, and the tornado of the sensitivity endpoint
    assertThat(points(chart("time-chart"))).isGreaterThan(24);
    assertThat(points(chart("cost-chart"))).isGreaterThan(100);
    assertThat(chart("tornado")).isNotEmpty();
    assertThat(memo().path("sensitivity").path("inputs").size()).isGreaterThan(3);
    assertThat(text("tornado-lead")).contains("20 %");

    // knowledge trade-offs as the article's table: one row per dimension, a column per approach
    assertThat(browser.findElement(By.cssSelector("#knowledge table.tradeoffs")).getText())
        .contains("Hallucination risk", "Retrieval (RAG)", "Fine-tuning");

    js("document.getElementById('form-panel').open = false; window.scrollTo(0, 0)");
    everyAmountIsReadable();
    screenshot("desktop.png");
    // the whole memo at desktop width (the README's picture)
    long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 6000)));
    waiting().until(d -> ((Number) js("return window.innerWidth")).intValue() >= 1280);
    screenshot("desktop-full.png");

    // a phone: the verdict on the first screen, nothing scrolls sideways, tables stacked
    browser.manage().window().setSize(new Dimension(390, 844));
    waiting().until(d -> ((Number) js("return window.innerWidth")).intValue() <= 390);
    assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
        .as("nothing scrolls sideways at 390 px")
        .isLessThanOrEqualTo(((Number) js("return window.innerWidth")).intValue());
    Number bottom =
        (Number)
            js(
                "return document.getElementById('headline').getBoundingClientRect().bottom"
                    + " + window.scrollY");
    assertThat(bottom.doubleValue())
        .as("the verdict is on the first screen of a phone")
        .isLessThan(((Number) js("return window.innerHeight")).doubleValue());
    assertThat(js("return getComputedStyle(document.querySelector('#cost table thead')).display"))
        .isEqualTo("none");
    screenshot("phone.png");
    js("window.scrollTo(0, document.getElementById('cost-section').offsetTop)");
    screenshot("phone-cost.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));

    // printed: at most two A4 pages, carrying the verdict and the situation's inputs
    byte[] pdf = print();
    Files.write(OUT.resolve("report.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("printed pages").isLessThanOrEqualTo(2);
      String printed = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(printed)
          .contains(VERBS.get(winner))
          .containsAnyOf(floor, rounded)
          .contains("How sensitive is the data?", "Confidential")
          .contains("Budget available upfront (USD)", "$750,000")
          .contains("Horizon to compare over (months)", "24 months")
          .contains("The rules that decided");
    }
  }

  @Test
  void everyStatementAgreesWithTheAnswerItShows() throws Exception {
    for (String situation : List.of(TCO, STARTUP, HEAVY)) {
      open(situation);
      JsonNode memo = memo();
      JsonNode answer = memo.path("answer");
      JsonNode d = answer.path("deployment");
      JsonNode cost = answer.path("cost");
      String rec = d.path("recommendation").asString();

      // the premium: said exactly when the answer has one, with its figure and what it is against
      JsonNode premium = d.path("costPremium");
      if (premium.isObject()) {
        assertThat(text("premium"))
            .as(situation)
            .contains(money(premium.path("monthlyUsd").decimalValue()))
            .contains(optionName(premium.path("comparedTo").asString()));
      } else {
        assertThat(text("premium")).as(situation).isEmpty();
      }
      assertThat(browser.findElement(By.tagName("body")).getText())
          .doesNotContain("no eligible option is cheaper");

      // the headline's comparison: "less than X" only when X costs more, by the answer's totals
      Matcher m =
          Pattern.compile("(less|more) than (a managed API|fine-tuning|self-hosting)")
              .matcher(text("headline"));
      if (m.find()) {
        BigDecimal mine = total(cost, rec);
        BigDecimal other = total(cost, optionOf(m.group(2)));
        assertThat(mine.compareTo(other))
            .as(situation + ": " + text("headline"))
            .isEqualTo(m.group(1).equals("less") ? -1 : 1);
      }

      // the cheaper option: the sentence and the volume chart's lines at the submitted volume
      String cheaper = cost.path("cheaperOption").asString();
      assertThat(text("cost-lead"))
          .as(situation)
          .contains(
              cheaper.equals("SELF_HOST")
                  ? "self-hosting is cheaper than"
                  : "API is cheaper than self-hosting");
      Map<String, List<List<Number>>> volume = chart("cost-chart");
      long you = memo.path("volumeMarkers").path("you").asLong();
      double apiAtYou = at(volume.get("API"), you);
      double selfHostAtYou = at(volume.get("SELF_HOST"), you);
      assertThat(selfHostAtYou < apiAtYou)
          .as(situation + ": self-hosting below the API at the submitted volume on the chart")
          .isEqualTo(cheaper.equals("SELF_HOST"));

      // the break-even marker sits where the lines it is drawn on cross
      JsonNode be = cost.path("breakEvenMonthlyTokens");
      if (be.isNumber()) {
        long x = be.asLong();
        assertThat(memo.path("volumeMarkers").path("breakEven").asLong()).isEqualTo(x);
        assertThat(at(volume.get("SELF_HOST"), x))
            .as(situation + ": at break-even self-hosting costs no more")
            .isLessThanOrEqualTo(at(volume.get("API"), x));
        assertThat(at(volume.get("SELF_HOST"), x - 1))
            .as(situation + ": one token below break-even self-hosting costs more")
            .isGreaterThan(at(volume.get("API"), x - 1));
      }

      // the pay-back month on the cost-over-time chart: where its cumulative lines cross
      JsonNode months = cost.path("breakEvenMonths");
      Map<String, List<List<Number>>> time = chart("time-chart");
      if (months.isNumber() && months.asDouble() > 0 && time.containsKey("SELF_HOST")) {
        double month = months.asDouble();
        int after = (int) Math.ceil(month);
        int before = (int) Math.floor(month);
        if (after < time.get("API").size()) {
          assertThat(at(time.get("SELF_HOST"), after))
              .as(situation + ": paid back by month " + after)
              .isLessThanOrEqualTo(at(time.get("API"), after));
          assertThat(at(time.get("SELF_HOST"), before))
              .as(situation + ": not yet at month " + before)
              .isGreaterThan(at(time.get("API"), before));
          assertThat(memo.path("timeMarker").asDouble()).isEqualTo(month);
        }
      }
      everyAmountIsReadable();
    }
    screenshot("heavy.png");
  }

  @Test
  void aSituationWithoutAModelReadsAsSentences() throws Exception {
    open(NO_MODEL);
    JsonNode answer = memo().path("answer");
    assertThat(answer.path("models").size()).isZero();
    String page = browser.findElement(By.id("report")).getText();
    assertThat(page).doesNotContain("{\"", "[{", "\"filter\"", "null");
    assertThat(text("models"))
        .contains("No model in the catalog meets every filter")
        .contains("are left out by the filter “Open-weight models only?”");
    screenshot("no-model.png");
  }

  @Test
  void twoSituationsSideBySideAreBothInTheLink() throws Exception {
    open(STARTUP + "&vs.monthlyTokens=100000000000&vs.dataSensitivity=INTERNAL");
    JsonNode memo = memo();
    assertThat(browser.findElement(By.id("compare")).isDisplayed()).isTrue();
    String compare = text("compare-body");
    assertThat(compare)
        .contains(memo.path("compare").path("a").path("text").asString())
        .contains(memo.path("compare").path("b").path("text").asString())
        .contains("5M", "100B");
    // the copy is decided on its own: its verdict and totals are its answer's, not the first's
    assertThat(memo.path("compare").path("b").path("text").asString())
        .isNotEqualTo(memo.path("compare").path("a").path("text").asString())
        .contains(
            money(
                total(
                    memo.path("answerB").path("cost"),
                    memo.path("answerB").path("deployment").path("recommendation").asString())));
    assertThat(browser.getCurrentUrl()).contains("vs.monthlyTokens=100000000000");

    // editing a copy from the page puts it in the link too
    open(STARTUP);
    browser.findElement(By.id("compare-open")).click();
    set("monthlyTokens", "2000000000");
    browser.findElement(By.id("submit")).click();
    waiting().until(d -> d.getCurrentUrl().contains("vs.monthlyTokens=2000000000"));
    waitUntilDone();
    assertThat(browser.findElement(By.id("compare")).isDisplayed()).isTrue();
    assertThat(browser.getCurrentUrl()).contains("monthlyTokens=5000000");
    screenshot("compare.png");
  }

  @Test
  void aBadValueIsNamedNextToItsField() throws Exception {
    open(STARTUP);
    assertThat(memo().path("answer").path("deployment").path("recommendation").asString())
        .isEqualTo("API");
    browser.findElement(By.id("form-summary")).click();
    set("upfrontBudgetUsd", "-5");
    set("monthlyTokens", "1.5");
    browser.findElement(By.id("submit")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("err-upfrontBudgetUsd"), "must be at least 0"));
    assertThat(text("err-monthlyTokens"))
        .isEqualTo("must be an integer, without a fraction or exponent");
    assertThat(browser.findElement(By.id("field-upfrontBudgetUsd")).getDomAttribute("class"))
        .contains("invalid");
    assertThat(browser.findElement(By.id("verdict")).isDisplayed())
        .as("the memo of the previous answer is not shown beside a refused request")
        .isFalse();
    screenshot("bad-value.png");
  }

  /** The policy is the browser's too: an inline script added to the page does not run. */
  @Test
  void anInlineScriptIsRefusedByThePolicy() {
    open(STARTUP);
    console();
    Object ran =
        js(
            "const s = document.createElement('script');"
                + " s.textContent = 'window.inlineRan = true';"
                + " document.head.appendChild(s);"
                + " return window.inlineRan === true;");
    assertThat(ran).isEqualTo(false);
    assertThat(console()).anyMatch(m -> m.contains("Content Security Policy"));
  }

  void set(String field, String value) {
    WebElement input = browser.findElement(By.id("f-" + field));
    input.clear();
    input.sendKeys(value);
  }

  /** Every dollar amount on the page reads as people write money. */
  void everyAmountIsReadable() {
    String page = browser.findElement(By.id("report")).getText();
    List<String> unreadable = new ArrayList<>();
    Matcher m = MONEY.matcher(page);
    while (m.find()) {
      String amount = m.group().replaceAll("[.,]$", "");
      if (!READABLE_MONEY.matcher(amount).matches()) {
        unreadable.add(amount);
      }
    }
    assertThat(unreadable).as("amounts not written as money").isEmpty();
  }

  /** An option's total as the headline compares: over the horizon, else a month with labour. */
  static BigDecimal total(JsonNode cost, String option) {
    for (JsonNode o : cost.path("options")) {
      if (o.path("option").asString().equals(option)) {
        if (o.path("horizonUsd").isNumber()) {
          return o.path("horizonUsd").decimalValue();
        }
        BigDecimal labour =
            o.path("labourMonthlyUsd").isNumber()
                ? o.path("labourMonthlyUsd").decimalValue()
                : BigDecimal.ZERO;
        return o.path("monthlyUsd").decimalValue().add(labour);
      }
    }
    throw new AssertionError("no cost for " + option);
  }

  /** The y of a line at x: its point there, or the last one before it (a step). */
  static double at(List<List<Number>> line, long x) {
    assertThat(line).as("a line to read").isNotNull();
    double y = Double.NaN;
    for (List<Number> p : line) {
      if (p.get(0).doubleValue() <= x) {
        y = p.get(1).doubleValue();
      }
    }
    return y;
  }

  static String optionName(String option) {
    return switch (option) {
      case "API" -> "a managed API";
      case "FINE_TUNE" -> "fine-tuning";
      default -> "self-hosting";
    };
  }

  static String optionOf(String name) {
    return switch (name) {
      case "a managed API" -> "API";
      case "fine-tuning" -> "FINE_TUNE";
      default -> "SELF_HOST";
    };
  }

  /** Money as the page writes it: whole dollars from $1,000, cents below only where there are. */
  static String money(BigDecimal usd) {
    BigDecimal abs = usd.abs();
    if (abs.compareTo(BigDecimal.valueOf(1000)) >= 0) {
      return String.format(
          "$%,d", abs.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }
    return abs.stripTrailingZeros().scale() <= 0
        ? "$" + abs.setScale(0).toPlainString()
        : "$" + abs.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** A /recommend request file as the page's query string. */
  static String query(Path json) {
    try {
      JsonNode request = JsonMapper.shared().readTree(Files.readString(json));
      StringBuilder q = new StringBuilder("?");
      for (var e : request.properties()) {
        JsonNode v = e.getValue();
        q.append(q.length() > 1 ? "&" : "")
            .append(e.getKey())
            .append('=')
            .append(
                URLEncoder.encode(
                    v.isValueNode() ? v.asString() : v.toString(), StandardCharsets.UTF_8));
      }
      return q.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  byte[] print() {
    PrintOptions options = new PrintOptions();
    options.setPageSize(new PageSize(29.7, 21.0));
    return Base64.getDecoder().decode(browser.print(options).getContent());
  }

  void screenshot(String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
