package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.Situations;
import org.llmstrategy.catalog.ImportPricesCommand;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.run.RuleSet;

/**
 * A catalog of hundreds of imported models, as an analyst gets it from {@code import-prices}: the
 * answer lists the ten cheapest candidates and counts the rest, filters and retirements are applied
 * to every model, and {@code GET /models} pages through them.
 */
class CatalogAtScaleTest {
  /**
   * The day of these decisions: model 0 retires within six months of it, every 50th has retired.
   */
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private static final int IMPORTED = 300;

  /** The shipped catalog's models with an API price. */
  private static final int SHIPPED_PRICED = 7;

  /** Of them, retired on TODAY: Claude Opus 4 and Claude Sonnet 4 (2026-05-14). */
  private static final int SHIPPED_RETIRED = 2;

  private static final int RETIRED = 6; // models 7, 57, 107, 157, 207, 257

  @TempDir static Path temp;
  private static RuleSet rules;

  @BeforeAll
  static void importHundredsOfModels() throws IOException {
    RuleFolderFixture folder = RuleFolderFixture.copyOfShippedRules(temp.resolve("rules"));
    Path prices = temp.resolve("model_prices_and_context_window.json");
    Files.writeString(prices, priceFile());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        ImportPricesCommand.run(
            List.of(
                prices.toString(),
                "--into",
                folder.dir().resolve("models/ModelCatalog.drl.xlsx").toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    rules = folder.build();
  }

  /** Model i costs (i + 1) cents per 1M input tokens; even ones have 200K of context, odd 32K. */
  private static String priceFile() {
    StringJoiner entries = new StringJoiner(",\n", "{\n", "\n}\n");
    for (int i = 0; i < IMPORTED; i++) {
      String retires =
          i == 0
              ? ", \"deprecation_date\": \"2027-03-01\""
              : i % 50 == 7 ? ", \"deprecation_date\": \"2026-06-01\"" : "";
      entries.add(
          String.format(
              "\"%s\": {\"litellm_provider\": \"%s\", \"mode\": \"chat\","
                  + " \"input_cost_per_token\": %s, \"max_input_tokens\": %d%s}",
              name(i),
              i % 3 == 0 ? "fireworks_ai" : "together_ai",
              BigDecimal.valueOf(i + 1).movePointLeft(8),
              i % 2 == 0 ? 200_000 : 32_000,
              retires));
    }
    entries.add("\"text-embedding-x\": {\"mode\": \"embedding\", \"input_cost_per_token\": 1e-08}");
    return entries.toString();
  }

  private static String name(int i) {
    return String.format("test/model-%03d", i);
  }

  private static Recommendation decide(Criteria c) {
    Recommendation r = Recommender.recommend(rules, c, false, TODAY);
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    return r;
  }

  @Test
  void theAnswerListsTheTenCheapestAndCountsTheOthers() {
    Recommendation r = decide(Situations.everythingOpen());

    assertThat(r.models())
        .extracting(m -> m.model().name())
        .containsExactly(
            name(0), name(1), name(2), name(3), name(4), name(5), name(6), name(8), name(9),
            name(10));
    assertThat(r.models()).extracting(ModelView::monthlyUsd).isSorted();
    assertThat(r.models().get(0).monthlyUsd()).isEqualByComparingTo("0.01");
    assertThat(r.moreModels())
        .isEqualTo(SHIPPED_PRICED - SHIPPED_RETIRED + IMPORTED - RETIRED - 10);
  }

  @Test
  void retiredModelsAreExcludedAndCountedAndASoonRetiringCandidateIsNamed() {
    Recommendation r = decide(Situations.everythingOpen());

    assertThat(r.modelExclusions())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.filter()).startsWith("retired");
              assertThat(x.count()).isEqualTo(RETIRED + SHIPPED_RETIRED);
              assertThat(x.models())
                  .contains(name(7), name(257), "Claude Opus 4", "Claude Sonnet 4");
            });
    assertThat(r.advice())
        .filteredOn(a -> a.code().equals("PLAN_FOR_DEPRECATION"))
        .singleElement()
        .satisfies(a -> assertThat(a.text()).contains(name(0)).contains("2027-03-01"));
  }

  @Test
  void theAnswerSaysWhyTheCheaperListedModelsAreNotTheCheapestApi() {
    Recommendation r = decide(Situations.everythingOpen());

    // imported models have no quality until analysts rate them: none reaches the reference's;
    // GPT-5 and Gemini 2.0 Pro tie at $1.25 (input prices only), and names break ties
    assertThat(r.cost().referenceModel()).isEqualTo("GPT-4o");
    assertThat(r.cost().cheapestApi().model()).isEqualTo("GPT-5");
    assertThat(r.cost().assumptions())
        .filteredOn(s -> s.startsWith("cost.cheapestApi"))
        .containsExactly(
            "cost.cheapestApi (GPT-5, $1.25 a month) is the cheapest priced model rated at"
                + " least very high, as GPT-4o is: the 10 cheaper models listed in models[] are"
                + " rated lower or not rated yet.");
  }

  @Test
  void theShippedCatalogSaysItOfItsOneCheaperModel() throws IOException {
    RuleSet shipped = RuleFolderFixture.copyOfShippedRules(temp.resolve("shipped")).build();
    Recommendation r = Recommender.recommend(shipped, Situations.everythingOpen(), false, TODAY);

    assertThat(r.models().get(0).model().name()).isEqualTo("DeepSeek-V3");
    assertThat(r.cost().assumptions())
        .filteredOn(s -> s.startsWith("cost.cheapestApi"))
        .containsExactly(
            "cost.cheapestApi (GPT-5, $1.25 a month) is the cheapest priced model rated at"
                + " least very high, as GPT-4o is: the cheaper model listed in models[] is rated"
                + " lower or not rated yet.");
  }

  @Test
  void noSentenceWhenTheCheapestListedModelIsTheCheapestApi() throws IOException {
    RuleSet shipped = RuleFolderFixture.copyOfShippedRules(temp.resolve("shipped-q")).build();
    Criteria c =
        Situations.everythingOpen().with("minQuality", org.llmstrategy.facts.Quality.VERY_HIGH);
    Recommendation r = Recommender.recommend(shipped, c, false, TODAY);

    assertThat(r.models().get(0).model().name()).isEqualTo(r.cost().cheapestApi().model());
    assertThat(r.cost().assumptions()).noneMatch(s -> s.startsWith("cost.cheapestApi"));
  }

  @Test
  void aRetiredModelIsNeitherACandidateNorTheCheapestApi() throws IOException {
    RuleFolderFixture folder = RuleFolderFixture.copyOfShippedRules(temp.resolve("retired"));
    // GPT-5, which would be the cheapest API (it ties Gemini 2.0 Pro and comes first by name)
    folder.setCell("models/ModelCatalog.drl.xlsx", "J18", "2026-06-01");
    Recommendation r =
        Recommender.recommend(folder.build(), Situations.everythingOpen(), false, TODAY);

    assertThat(r.models()).extracting(m -> m.model().name()).doesNotContain("GPT-5");
    assertThat(r.cost().cheapestApi().model()).isEqualTo("Gemini 2.0 Pro");
  }

  @Test
  void anUnratedReferenceModelIsComparedWithEveryPricedModel() {
    Criteria c =
        Situations.everythingOpen()
            .with("referenceModel", name(5)); // imported: priced, not rated yet

    Recommendation r = decide(c);

    assertThat(r.cost().referenceModel()).isEqualTo(name(5));
    assertThat(r.cost().cheapestApi().model()).isEqualTo(name(0));
    assertThat(r.models().get(0).model().name()).isEqualTo(name(0));
    assertThat(r.cost().assumptions()).noneMatch(s -> s.startsWith("cost.cheapestApi"));
  }

  @Test
  void aFilterIsAppliedToEveryModelNotOnlyToTheListedOnes() {
    Criteria c = Situations.everythingOpen().with("minContextWindowTokens", 100_000L);

    Recommendation r = decide(c);

    assertThat(r.models())
        .extracting(m -> m.model().name())
        .containsExactly(
            name(0), name(2), name(4), name(6), name(8), name(10), name(12), name(14), name(16),
            name(18));
    // the even models (none of them retired) and the shipped priced ones, all of 128K or more
    assertThat(r.moreModels()).isEqualTo(IMPORTED / 2 + SHIPPED_PRICED - SHIPPED_RETIRED - 10);
  }

  @Test
  void nothingLeftSaysWhichFilterKeptOutHowManyAndNamesTheFirstFew() {
    Criteria c = Situations.everythingOpen().with("minContextWindowTokens", 5_000_000L);

    // no priced model meets the filter: the API is blocked too (issue 24), nothing is feasible
    Recommendation r = Recommender.recommend(rules, c, false, TODAY);

    assertThat(r.deployment().recommendation()).isNull();
    assertThat(r.models()).isEmpty();
    assertThat(r.moreModels()).isZero();
    assertThat(r.modelExclusions())
        .filteredOn(x -> x.filter().equals("minContextWindowTokens"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.count())
                  .isEqualTo(SHIPPED_PRICED - SHIPPED_RETIRED + IMPORTED - RETIRED);
              assertThat(x.models()).hasSize(20);
            });
  }

  @Test
  void getModelsPagesThroughTheWholeCatalog() {
    List<org.llmstrategy.facts.CatalogModel> catalog = rules.catalog().models();
    assertThat(catalog).hasSizeGreaterThanOrEqualTo(IMPORTED + 8);

    ModelPage page = ModelQuery.of(null, null, null, null, "MODEL-1", "1", "30").apply(catalog);
    // model-100 … 199, capitals aside
    assertThat(page.totalElements()).isEqualTo(100);
    assertThat(page.models()).hasSize(30).allMatch(m -> m.model().name().contains("model-1"));
    ModelPage last = ModelQuery.of(null, null, null, null, "model-1", "3", "30").apply(catalog);
    assertThat(last.models())
        .extracting(m -> m.model().name())
        .hasSize(10)
        .last()
        .isEqualTo(name(199));
    ModelPage fireworks =
        ModelQuery.of("FIREWORKS_AI", null, null, null, null, null, null).apply(catalog);
    assertThat(fireworks.totalElements()).isEqualTo(IMPORTED / 3);
    assertThat(fireworks.models()).hasSize(ModelQuery.DEFAULT_SIZE);
  }
}
