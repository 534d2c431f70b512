package org.llmstrategy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RulesVersion;

/** The import on a small hand-made file in LiteLLM's format, into copies of the shipped catalog. */
class ImportPricesCommandTest {
  static final Path PRICES =
      Path.of("src/test/resources/prices/model_prices_and_context_window.json");
  static final Clock DEC_1 = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;
  Path models;
  Path catalog;

  @BeforeEach
  void copyTheCatalog() throws IOException {
    models = Files.createDirectories(temp.resolve("models"));
    catalog = models.resolve("ModelCatalog.drl.xlsx");
    Files.copy(Path.of("rules/models/ModelCatalog.drl.xlsx"), catalog);
  }

  @Test
  void importsChatModelsExactlyAndKeepsTheAnalystsColumns() throws IOException {
    // GPT-4o as the article's catalog had it: the input price only, typed by hand
    for (CatalogColumn c :
        List.of(CatalogColumn.OUTPUT, CatalogColumn.CACHED_INPUT, CatalogColumn.BATCH_DISCOUNT)) {
      setCell(catalog, "GPT-4o", column(catalog, c), "");
    }
    setCell(catalog, "GPT-4o", column(catalog, CatalogColumn.PRICE_SOURCE), "typed by hand");
    setCell(catalog, "Claude Sonnet 4", column(catalog, CatalogColumn.RETIREMENT), "");
    Run run = importPrices(PRICES, catalog, DEC_1);

    assertThat(run.exit).as(run.out).isZero();
    Map<String, Map<CatalogColumn, String>> rows = rows(catalog);
    // GPT-4o was in the catalog as "GPT-4o": updated, not duplicated; quality and license kept
    assertThat(rows).doesNotContainKey("gpt-4o");
    Map<CatalogColumn, String> gpt4o = rows.get("GPT-4o");
    // read back as stored: prices are numbers (2.5, not the text 2.50)
    assertThat(new java.math.BigDecimal(gpt4o.get(CatalogColumn.INPUT)))
        .isEqualByComparingTo("2.50");
    assertThat(new java.math.BigDecimal(gpt4o.get(CatalogColumn.OUTPUT)))
        .isEqualByComparingTo("10.00");
    assertThat(new java.math.BigDecimal(gpt4o.get(CatalogColumn.CACHED_INPUT)))
        .isEqualByComparingTo("1.25");
    assertThat(new java.math.BigDecimal(gpt4o.get(CatalogColumn.BATCH_DISCOUNT)))
        .isEqualByComparingTo("0.5");
    assertThat(gpt4o.get(CatalogColumn.PROVIDER)).isEqualTo("OpenAI");
    assertThat(gpt4o.get(CatalogColumn.PRICE_SOURCE))
        .isEqualTo("model_prices_and_context_window.json");
    assertThat(gpt4o.get(CatalogColumn.PRICES_CHECKED_ON)).isEqualTo("2026-12-01");
    assertThat(run.out).contains("GPT-4o: Output USD per 1M tokens none → 10.00");
    // new models: exact per-1M prices, the analysts' columns empty (unknown)
    Map<CatalogColumn, String> mini = rows.get("gpt-4o-mini");
    assertThat(mini.get(CatalogColumn.INPUT)).isEqualTo("0.15");
    assertThat(mini.get(CatalogColumn.OUTPUT)).isEqualTo("0.6");
    assertThat(mini.get(CatalogColumn.CACHED_INPUT)).isEqualTo("0.075");
    assertThat(mini.get(CatalogColumn.BATCH_DISCOUNT)).isEqualTo("0.5");
    assertThat(mini.get(CatalogColumn.CONTEXT_WINDOW)).isEqualTo("128000");
    assertThat(mini.get(CatalogColumn.PROVIDER)).isEqualTo("openai");
    assertThat(mini.get(CatalogColumn.PARAMETERS)).isEmpty();
    Map<CatalogColumn, String> nova = rows.get("amazon.nova-2-pro-preview-20251202-v1:0");
    assertThat(nova.get(CatalogColumn.INPUT)).isEqualTo("2.1875");
    assertThat(nova.get(CatalogColumn.CACHED_INPUT)).isEqualTo("0.546875");
    assertThat(nova.get(CatalogColumn.CONTEXT_WINDOW))
        .as("the legacy max_tokens is the output limit: the context is unknown")
        .isEmpty();
    Map<CatalogColumn, String> llama =
        rows.get("together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo");
    assertThat(llama.get(CatalogColumn.INPUT)).isEqualTo("0.88");
    assertThat(llama.get(CatalogColumn.CONTEXT_WINDOW)).isEmpty();
    // the price map's claude-sonnet-4-20250514 is Claude Sonnet 4's "Also known as": updated there
    assertThat(rows).doesNotContainKey("claude-sonnet-4-20250514");
    assertThat(rows.get("Claude Sonnet 4").get(CatalogColumn.RETIREMENT)).isEqualTo("2026-05-14");
    assertThat(run.out)
        .contains("Claude Sonnet 4 retires on 2026-05-14")
        .contains("Read model_prices_and_context_window.json: 5 chat models, 5 entries skipped")
        .contains("skipped 1: the documentation entry sample_spec")
        .contains("skipped 1: mode embedding")
        .contains("skipped 1: mode image_generation")
        .contains("skipped 1: chat, without an input price")
        .contains("skipped 1: no mode")
        .contains("3 added, 2 updated, 0 removed");
    // hand-typed models the file does not know stay
    assertThat(rows).containsKeys("Llama 3.1 405B", "Claude Sonnet 4", "DeepSeek-V3");
    assertThat(new java.math.BigDecimal(rows.get("Claude Sonnet 4").get(CatalogColumn.INPUT)))
        .isEqualByComparingTo("3.00");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void importedPricesAreNumbersAndDatesAreDatesSoTheWorkbookSortsThem() throws IOException {
    assertThat(importPrices(PRICES, catalog, DEC_1).exit).isZero();

    try (XSSFWorkbook wb = open(catalog)) {
      CatalogSheet sheet = CatalogSheet.of("x", wb.getSheetAt(0));
      int row =
          sheet.rows().stream()
              .filter(r -> sheet.get(r, CatalogColumn.MODEL).equals("gpt-4o-mini"))
              .findFirst()
              .orElseThrow();
      var cells = wb.getSheetAt(0).getRow(row);
      for (CatalogColumn c :
          List.of(
              CatalogColumn.INPUT,
              CatalogColumn.OUTPUT,
              CatalogColumn.CACHED_INPUT,
              CatalogColumn.BATCH_DISCOUNT,
              CatalogColumn.CONTEXT_WINDOW)) {
        assertThat(cells.getCell(column(catalog, c)).getCellType())
            .as(c.title())
            .isEqualTo(CellType.NUMERIC);
      }
      assertThat(cells.getCell(column(catalog, CatalogColumn.CACHED_INPUT)).getNumericCellValue())
          .isEqualTo(0.075);
      var checkedOn = cells.getCell(column(catalog, CatalogColumn.PRICES_CHECKED_ON));
      assertThat(DateUtil.isCellDateFormatted(checkedOn)).isTrue();
      assertThat(checkedOn.getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(java.time.LocalDate.of(2026, 12, 1));
      assertThat(cells.getCell(column(catalog, CatalogColumn.PRICE_SOURCE)).getCellType())
          .isEqualTo(CellType.STRING);
    }
  }

  @Test
  void theSameFileTwiceChangesNothing() throws IOException {
    assertThat(importPrices(PRICES, catalog, DEC_1).exit).isZero();
    String version = RulesVersion.of(RuleFolder.read(temp));
    byte[] first = Files.readAllBytes(catalog);
    Clock later = Clock.offset(DEC_1, java.time.Duration.ofDays(30));

    Run again = importPrices(PRICES, catalog, later);

    assertThat(again.exit).isZero();
    assertThat(again.out).contains("0 added, 0 updated, 0 removed").contains("Nothing to change");
    assertThat(Files.readAllBytes(catalog)).isEqualTo(first);
    assertThat(RulesVersion.of(RuleFolder.read(temp))).isEqualTo(version);
  }

  @Test
  void aModelIsFoundUnderItsAliasAndModelsGoneFromTheFileAreRemoved() throws IOException {
    // Claude Sonnet 4 as before the analysts knew the price map's name and date for it
    int aliasColumn = column(catalog, CatalogColumn.ALIASES);
    setCell(catalog, "Claude Sonnet 4", aliasColumn, "");
    setCell(catalog, "Claude Sonnet 4", column(catalog, CatalogColumn.RETIREMENT), "");
    assertThat(importPrices(PRICES, catalog, DEC_1).exit).isZero();
    setCell(catalog, "Claude Sonnet 4", aliasColumn, "claude-sonnet-4, Claude-Sonnet-4-20250514");
    // the analysts merged the imported row into their own: drop the duplicate first
    removeRow(catalog, "claude-sonnet-4-20250514");
    Path smaller = temp.resolve("next").resolve("model_prices_and_context_window.json");
    Files.createDirectories(smaller.getParent());
    Files.writeString(
        smaller,
        Files.readString(PRICES)
            .replace(
                "\"cache_read_input_token_cost\": 3e-07,",
                "\"cache_read_input_token_cost\": 3e-07, \"input_cost_per_token_batches\": 1.5e-06,")
            .replaceAll("(?s)\"gpt-4o-mini\": \\{.*?\\},", ""));

    Run run = importPrices(smaller, catalog, DEC_1);

    assertThat(run.exit).as(run.out).isZero();
    Map<String, Map<CatalogColumn, String>> rows = rows(catalog);
    assertThat(rows).doesNotContainKeys("gpt-4o-mini", "claude-sonnet-4-20250514");
    Map<CatalogColumn, String> sonnet = rows.get("Claude Sonnet 4");
    assertThat(sonnet.get(CatalogColumn.RETIREMENT)).isEqualTo("2026-05-14");
    assertThat(new java.math.BigDecimal(sonnet.get(CatalogColumn.BATCH_DISCOUNT)))
        .isEqualByComparingTo("0.5");
    assertThat(new java.math.BigDecimal(sonnet.get(CatalogColumn.OUTPUT)))
        .isEqualByComparingTo("15.00");
    assertThat(new java.math.BigDecimal(sonnet.get(CatalogColumn.INPUT)))
        .isEqualByComparingTo("3.00");
    assertThat(run.out)
        .contains("Removed (imported earlier, no longer in the file): 1")
        .contains("  gpt-4o-mini")
        .contains("Claude Sonnet 4 retires on 2026-05-14");
    assertThat(rows).containsKeys("Llama 3.1 405B", "Mistral Large");
  }

  @Test
  void theImportedCatalogIsAcceptedByValidate() throws IOException {
    Path rules = temp.resolve("rules");
    org.llmstrategy.rules.RuleFolderFixture.copyOfShippedRules(rules);
    assertThat(importPrices(PRICES, rules.resolve("models/ModelCatalog.drl.xlsx"), DEC_1).exit)
        .isZero();
    ByteArrayOutputStream b = new ByteArrayOutputStream();

    int exit =
        org.llmstrategy.validate.ValidateCommand.run(
            List.of(rules.toString()), new PrintStream(b, true, StandardCharsets.UTF_8));

    // the new models' quality and license are unknown: no scenario's answer changes
    assertThat(exit).as(b.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(b.toString(StandardCharsets.UTF_8)).contains("OK ");
  }

  static final Path FREE_AND_LOCAL = Path.of("src/test/resources/prices/free_and_local.json");

  /**
   * Entries priced at 0 (free local runtimes, free tiers) are no API: left out of the catalog, so
   * they never top an API answer nor print "$0" as a cost per task; the retirement date and the
   * context window come from deprecation_date and max_input_tokens, and a context the file does not
   * give (only the legacy max_tokens) stays unknown, never 0.
   */
  @Test
  void freeAndLocalEntriesAreLeftOutAndNeverRankAsApis() throws IOException {
    Path rules = temp.resolve("rules");
    var fixture = org.llmstrategy.rules.RuleFolderFixture.copyOfShippedRules(rules);
    Path target = rules.resolve("models/ModelCatalog.drl.xlsx");
    setCell(target, "Claude Opus 4", column(target, CatalogColumn.RETIREMENT), "");

    Run run = importPrices(FREE_AND_LOCAL, target, DEC_1);

    assertThat(run.exit).as(run.out).isZero();
    assertThat(run.out)
        .contains("Read free_and_local.json: 3 chat models, 3 entries skipped")
        .contains("skipped 3: " + PriceFile.UNPRICED)
        .contains("Claude Opus 4 retires on 2026-05-14");
    Map<String, Map<CatalogColumn, String>> rows = rows(target);
    assertThat(rows)
        .doesNotContainKeys("ollama/llama3.1", "ollama/qwen3:30b", "openrouter/some-model:free");
    // found under its alias (the price map's key) and dated from deprecation_date
    assertThat(rows.get("Claude Opus 4").get(CatalogColumn.RETIREMENT)).isEqualTo("2026-05-14");
    assertThat(rows.get("GPT-5").get(CatalogColumn.CONTEXT_WINDOW)).isEqualTo("272000");
    assertThat(rows.get("some-host/priced-without-a-context").get(CatalogColumn.CONTEXT_WINDOW))
        .as("max_tokens is the output limit: the context is unknown")
        .isEmpty();

    var ruleSet = fixture.build();
    assertThat(ruleSet.catalog().byName().get("some-host/priced-without-a-context"))
        .extracting(org.llmstrategy.facts.CatalogModel::contextWindowTokens)
        .isNull();
    org.llmstrategy.recommend.Recommendation answer;
    try (var validators = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
      var criteria =
          new org.llmstrategy.recommend.request.CriteriaParser(validators.getValidator())
              .parse(
                  """
                  {"dataSensitivity": "PUBLIC", "monthlyTokens": 1000000,
                   "timeToProduction": "DAYS", "upfrontBudgetUsd": 0, "tokensPerTask": 2000}
                  """
                      .getBytes(StandardCharsets.UTF_8));
      answer =
          org.llmstrategy.recommend.Recommender.recommend(
              ruleSet, criteria, false, java.time.LocalDate.of(2026, 12, 1));
    }
    assertThat(answer.models()).isNotEmpty();
    assertThat(answer.models())
        .allSatisfy(
            m -> {
              assertThat(m.model().name()).doesNotContain("ollama", ":free");
              assertThat(m.monthlyUsd()).isPositive();
            });
    assertThat(answer.advice())
        .filteredOn(a -> a.code().equals("MEASURE_COST_PER_TASK"))
        .singleElement()
        .satisfies(a -> assertThat(a.text()).doesNotContainPattern("\\$0(\\.0+)?(?![.\\d])"));
  }

  /**
   * The round trip: what the import writes is what the rule set reads, model by model and price by
   * price, and a column it adds is named by the key the catalog's reference table knows.
   */
  @Test
  void anImportedCatalogReadsBackAsTheModelsAndPricesItWrote() throws IOException {
    Path rules = temp.resolve("rules");
    var fixture = org.llmstrategy.rules.RuleFolderFixture.copyOfShippedRules(rules);
    Path target = rules.resolve("models/ModelCatalog.drl.xlsx");
    assertThat(importPrices(PRICES, target, DEC_1).exit).isZero();
    Map<String, Map<CatalogColumn, String>> written = rows(target);

    var catalog = fixture.build().catalog();

    assertThat(catalog.models()).hasSize(written.size());
    written.forEach(
        (name, cells) -> {
          var model = catalog.byName().get(name);
          assertThat(model).as(name).isNotNull();
          assertPrice(name, cells.get(CatalogColumn.INPUT), model.inputUsdPerMillionTokens());
          assertPrice(name, cells.get(CatalogColumn.OUTPUT), model.outputUsdPerMillionTokens());
          assertPrice(
              name, cells.get(CatalogColumn.CACHED_INPUT), model.cachedInputUsdPerMillionTokens());
          assertPrice(name, cells.get(CatalogColumn.BATCH_DISCOUNT), model.batchDiscount());
        });
    try (XSSFWorkbook wb = open(target)) {
      int aliases = column(target, CatalogColumn.ALIASES);
      assertThat(wb.getSheetAt(0).getRow(7).getCell(aliases).getStringCellValue())
          .isEqualTo("aliases");
      assertThat(wb.getSheetAt(0).getRow(5).getCell(aliases).getStringCellValue())
          .isEqualTo("DATA");
    }
  }

  private static void assertPrice(String model, String written, java.math.BigDecimal read) {
    if (written.isEmpty()) {
      assertThat(read).as(model).isNull();
    } else {
      assertThat(read).as(model).isEqualByComparingTo(written);
    }
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("not JSON", "{\"gpt\": ", "is not JSON the import can read"),
        Arguments.of("a list", "[1, 2]", "is not an object of model entries"),
        Arguments.of(
            "an entry that is no object",
            "{\"gpt-x\": 3}",
            "entry \"gpt-x\" is not an object of fields (it is the number 3)"),
        Arguments.of(
            "a price as text",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": \"2.5e-06\"}}",
            "entry \"gpt-x\", field input_cost_per_token: is not a number (it is text \"2.5e-06\")"),
        Arguments.of(
            "a negative price",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"output_cost_per_token\": -1e-06}}",
            "entry \"gpt-x\", field output_cost_per_token: is negative"),
        Arguments.of(
            "a price beyond any double",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e999}}",
            "field input_cost_per_token: is not a finite price"),
        Arguments.of(
            "a price with an exponent no price has (it ran out of memory being printed)",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-2147483647}}",
            "entry \"gpt-x\", field input_cost_per_token: is out of range (1E-2147483647 a token):"
                + " a price per 1M tokens has at most 12 digits before and 12 after the point"),
        Arguments.of(
            "a negative price with an exponent no price has",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"cache_read_input_token_cost\": -1e-2147483647}}",
            "field cache_read_input_token_cost: is out of range"),
        Arguments.of(
            "a batch price with an exponent no price has",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"input_cost_per_token_batches\": 1e-2147483000}}",
            "field input_cost_per_token_batches: is out of range"),
        Arguments.of(
            "a price too large for the catalog",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e300}}",
            "field input_cost_per_token: is out of range"),
        Arguments.of(
            "a context window with an exponent",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"max_input_tokens\": 1e-2147483647}}",
            "field max_input_tokens: is not a whole number of tokens, 0 or more (1E-2147483647)"),
        Arguments.of(
            "an entry that is a number no BigDecimal holds",
            "{\"gpt-x\": 1e-2147483649}",
            "is not JSON the import can read"),
        Arguments.of(
            "not-a-number",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": NaN}}",
            "is not JSON the import can read"),
        Arguments.of(
            "a bad date",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"deprecation_date\": \"14/05/2026\"}}",
            "entry \"gpt-x\", field deprecation_date: \"14/05/2026\" is not a date YYYY-MM-DD"),
        Arguments.of(
            "a context window with a fraction",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"max_input_tokens\": 1.5}}",
            "field max_input_tokens: is not a whole number of tokens"),
        Arguments.of(
            "a mode that is no text",
            "{\"gpt-x\": {\"mode\": 1}}",
            "entry \"gpt-x\", field mode: is not text"),
        Arguments.of(
            "a batch price above the price",
            "{\"gpt-x\": {\"mode\": \"chat\", \"input_cost_per_token\": 1e-06, \"input_cost_per_token_batches\": 2e-06}}",
            "field input_cost_per_token_batches: is above the normal input price"),
        Arguments.of(
            "the same model twice",
            "{\"gpt-x\": {}, \"gpt-x\": {}}",
            "is not JSON the import can read"));
  }

  @ParameterizedTest(name = "{0} is refused, nothing written")
  @MethodSource("badFiles")
  void aBadFileIsRefusedWhole(String what, String json, String message) throws IOException {
    Path bad = temp.resolve("prices.json");
    Files.writeString(bad, json);
    byte[] before = Files.readAllBytes(catalog);

    Run run = importPrices(bad, catalog, DEC_1);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out).contains(message).contains("REFUSED: nothing written");
    // the problem names the file as the analyst knows it, not where it sits
    assertThat(run.out.lines().findFirst().orElseThrow())
        .startsWith("prices.json: ")
        .doesNotContain("Exception", "tools.jackson", temp.toString());
    assertThat(Files.readAllBytes(catalog)).isEqualTo(before);
    assertThat(leftovers()).isEmpty();
  }

  /**
   * Model keys, modes and text fields are printed for review: an ESC sequence, a NUL or a bidi
   * override (U+202E, which shows "gpt-4o\u202Eini-m" as "gpt-4om-ini") would reach the terminal
   * raw. Each is shown as its code instead, so the reviewer sees what the file holds.
   */
  @Test
  void controlCharactersFromTheFileArePrintedAsTheirCodes() throws IOException {
    Path hostile = temp.resolve("prices.json");
    Files.writeString(
        hostile,
        """
        {"gpt-\\u001b[2J\\u001b[31mred": {"mode": "chat", "input_cost_per_token": 1e-06},
         "nul\\u0000\\u202Eevil\\u2066": {"mode": "chat", "input_cost_per_token": 2e-06},
         "bell": {"mode": "emb\\u0007edding\\u009b"}}""");

    Run run = importPrices(hostile, catalog, DEC_1);

    assertThat(run.out)
        .contains("gpt-\\u001B[2J\\u001B[31mred")
        .contains("nul\\u0000\\u202Eevil\\u2066")
        .contains("skipped 1: mode emb\\u0007edding\\u009B");
    assertThat(run.out.codePoints().filter(c -> c != '\n' && invisible(c)).toArray())
        .as(run.out)
        .isEmpty();

    Path refused = temp.resolve("refused.json");
    Files.writeString(
        refused,
        "{\"\\u001b]0;owned\\u0007x\": {\"mode\": \"chat\", \"input_cost_per_token\": \"\\u202E1\"}}");
    Run refusal = importPrices(refused, catalog, DEC_1);
    assertThat(refusal.exit).isEqualTo(1);
    assertThat(refusal.out)
        .contains("entry \"\\u001B]0;owned\\u0007x\"")
        .contains("text \"\\u202E1\"");
    assertThat(refusal.out.codePoints().filter(c -> c != '\n' && invisible(c)).toArray()).isEmpty();
  }

  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  @Test
  void aTargetThatIsNoCatalogIsRefused() throws IOException {
    Path tiers = models.resolve("UsageTiers.drl.xlsx");
    Files.copy(Path.of("rules/cost/UsageTiers.drl.xlsx"), tiers);
    byte[] before = Files.readAllBytes(tiers);

    Run run = importPrices(PRICES, tiers, DEC_1);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out).contains("UsageTiers.drl.xlsx!Tiers: is not a catalog workbook");
    assertThat(Files.readAllBytes(tiers)).isEqualTo(before);
    Path notThere = models.resolve("Nothing.drl.xlsx");
    assertThat(importPrices(PRICES, notThere, DEC_1).out).contains("is not a catalog workbook");
    assertThat(notThere).doesNotExist();
  }

  @Test
  void aTooLargeFileIsRefusedUnread() throws IOException {
    Path big = temp.resolve("big.json");
    try (var ch =
        Files.newByteChannel(
            big,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.position(PriceFile.MAX_BYTES);
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}));
    }
    Run run = importPrices(big, catalog, DEC_1);
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out).contains("big.json: is larger than 32 MB; refused unread");
  }

  @Test
  void usageMistakesExitTwo() {
    assertThat(importPrices(List.of()).exit).isEqualTo(2);
    assertThat(importPrices(List.of(PRICES.toString(), "--into")).out)
        .contains("--into needs a workbook");
  }

  // --- helpers

  record Run(int exit, String out) {}

  static Run importPrices(Path file, Path into, Clock clock) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int exit =
        ImportPricesCommand.run(
            List.of(file.toString(), "--into", into.toString()),
            new PrintStream(b, true, StandardCharsets.UTF_8),
            clock);
    return new Run(exit, b.toString(StandardCharsets.UTF_8));
  }

  static Run importPrices(List<String> args) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int exit =
        ImportPricesCommand.run(args, new PrintStream(b, true, StandardCharsets.UTF_8), DEC_1);
    return new Run(exit, b.toString(StandardCharsets.UTF_8));
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(models)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  /** Every model row of the workbook by its Model cell, each column by its label. */
  static Map<String, Map<CatalogColumn, String>> rows(Path workbook) throws IOException {
    try (XSSFWorkbook wb = open(workbook)) {
      CatalogSheet sheet = CatalogSheet.of("x", wb.getSheetAt(0));
      Map<String, Map<CatalogColumn, String>> rows = new HashMap<>();
      for (int r : sheet.rows()) {
        Map<CatalogColumn, String> row = new HashMap<>();
        for (CatalogColumn c : CatalogColumn.values()) {
          row.put(c, sheet.get(r, c));
        }
        assertThat(rows.put(sheet.get(r, CatalogColumn.MODEL), row)).as("duplicate").isNull();
      }
      return rows;
    }
  }

  private static int column(Path workbook, CatalogColumn col) throws IOException {
    try (XSSFWorkbook wb = open(workbook)) {
      var labels = wb.getSheetAt(0).getRow(8);
      for (var c : labels) {
        if (CatalogColumn.key(c.getStringCellValue()).equals(col.labelKey())) {
          return c.getColumnIndex();
        }
      }
    }
    throw new AssertionError("no column " + col);
  }

  private static void setCell(Path workbook, String model, int col, String value)
      throws IOException {
    try (XSSFWorkbook wb = open(workbook)) {
      CatalogSheet sheet = CatalogSheet.of("x", wb.getSheetAt(0));
      for (int r : sheet.rows()) {
        if (sheet.get(r, CatalogColumn.MODEL).equals(model)) {
          wb.getSheetAt(0).getRow(r).createCell(col).setCellValue(value);
        }
      }
      ImportPricesCommand.replace(workbook, bytes(wb));
    }
  }

  private static void removeRow(Path workbook, String model) throws IOException {
    try (XSSFWorkbook wb = open(workbook)) {
      CatalogSheet sheet = CatalogSheet.of("x", wb.getSheetAt(0));
      sheet.removeRows(
          sheet.rows().stream()
              .filter(r -> sheet.get(r, CatalogColumn.MODEL).equals(model))
              .toList());
      ImportPricesCommand.replace(workbook, bytes(wb));
    }
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    var out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }

  private static XSSFWorkbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new XSSFWorkbook(in);
    }
  }
}
