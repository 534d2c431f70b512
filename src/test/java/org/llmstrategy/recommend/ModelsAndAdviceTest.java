package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.llmstrategy.recommend.DeploymentMatrixTest.decide;
import static org.llmstrategy.recommend.DeploymentMatrixTest.everythingOpen;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.rules.RuleFolderFixture;

/** Candidate models, cost per task, and the four strategic recommendations. */
class ModelsAndAdviceTest {

  static List<String> names(Recommendation r) {
    return r.models().stream().map(m -> m.model().name()).toList();
  }

  static List<String> codes(Recommendation r) {
    return r.advice().stream().map(AdviceView::code).toList();
  }

  @Test
  void theCatalogHoldsTheArticlesEightModelsWithGeminiRepaired() {
    List<CatalogModel> catalog = ModelCatalog.of(ShippedRules.get());
    assertThat(catalog)
        .extracting(CatalogModel::name)
        .contains(
            "GPT-4o",
            "Claude Opus 4",
            "Claude Sonnet 4",
            "Llama 3.1 405B",
            "Llama 3.1 70B",
            "Mistral Large",
            "Gemini 2.0 Pro",
            "DeepSeek-V3");
    CatalogModel gemini =
        catalog.stream().filter(m -> m.name().equals("Gemini 2.0 Pro")).findFirst().orElseThrow();
    assertThat(gemini.provider()).isEqualTo("Google");
    assertThat(gemini.contextWindowTokens()).isEqualTo(2_000_000L);
    assertThat(gemini.quality()).isEqualTo(Quality.VERY_HIGH);
    assertThat(gemini.inputUsdPerMillionTokens()).isEqualByComparingTo("1.25");
    assertThat(gemini.license()).isEqualTo(License.CLOSED);
    CatalogModel llama =
        catalog.stream().filter(m -> m.name().equals("Llama 3.1 70B")).findFirst().orElseThrow();
    assertThat(llama.inputUsdPerMillionTokens()).isNull();
  }

  @Test
  void apiCandidatesAreThePricedModelsCheapestFirst() {
    Recommendation r = decide(everythingOpen());
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    // Claude Opus 4 and Sonnet 4 retired on 2026-05-14; GPT-5 ties Gemini 2.0 Pro (input prices)
    assertThat(names(r))
        .containsExactly("DeepSeek-V3", "GPT-5", "Gemini 2.0 Pro", "Mistral Large", "GPT-4o");
    assertThat(r.models().get(4).monthlyUsd()).isEqualByComparingTo("2.50"); // 1M tokens of GPT-4o
  }

  @Test
  void selfHostCandidatesAreOpenOrOpenWeightAtTheInfrastructureCostOfTheirSize() {
    Recommendation r = decide(with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    // cheapest first: the rated open models (an unrated one prices nothing: issue 24), a 70B on
    // the article's 1 GPU, 405B-class models on 8 GPUs, DeepSeek-V3 on 16
    // (cost/SelfHostSetups.drl.xlsx, "Serves models up to")
    assertThat(r.models())
        .extracting(m -> m.model().name(), m -> m.monthlyUsd().stripTrailingZeros().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Llama 3.1 70B", "2000"),
            org.assertj.core.groups.Tuple.tuple("Llama 3.1 405B", "16000"),
            org.assertj.core.groups.Tuple.tuple("Mistral Large", "16000"),
            org.assertj.core.groups.Tuple.tuple("DeepSeek-V3", "32000"));
    assertThat(r.models()).allSatisfy(m -> assertThat(m.model().fineTunable()).isTrue());
    assertThat(r.modelExclusions())
        .anySatisfy(
            x -> {
              assertThat(x.filter()).startsWith("not rated yet");
              assertThat(x.models()).contains("Llama-3.1-8B", "Llama-3.3-70B");
            });
    // the cheapest listed is what the cost answer prices self-hosting at
    assertThat(r.cost().selfHostMonthlyUsd()).isEqualByComparingTo(new BigDecimal("2000"));
  }

  @Test
  void filtersNarrowTheCandidates() {
    Recommendation r =
        decide(with(c -> c.with("requireOpenWeights", true).with("minQuality", Quality.HIGH)));
    assertThat(names(r)).containsExactly("DeepSeek-V3", "Mistral Large");
    Recommendation longContext = decide(with(c -> c.with("minContextWindowTokens", 1_000_000L)));
    assertThat(names(longContext)).containsExactly("Gemini 2.0 Pro");
  }

  @Test
  void aCheaperModelThatNeedsThreeRetriesIsNotCheaper() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("tokensPerTask", 2_000L)
                        .with("expectedAttempts", Map.of("DeepSeek-V3", new BigDecimal("10")))));
    ModelView deepSeek =
        r.models().stream()
            .filter(m -> m.model().name().equals("DeepSeek-V3"))
            .findFirst()
            .orElseThrow();
    assertThat(deepSeek.costPerTaskUsd()).isEqualByComparingTo("0.0054"); // 2,000 × 0.27/1M × 10
    // 0.0025 per task, one attempt: GPT-5 and Gemini 2.0 Pro tie, and names break ties
    assertThat(names(r).get(0)).isEqualTo("GPT-5");
    assertThat(names(r)).endsWith("DeepSeek-V3");
    assertThat(r.advice())
        .filteredOn(a -> a.code().equals("MEASURE_COST_PER_TASK"))
        .singleElement()
        .satisfies(
            a -> assertThat(a.text()).contains("At 2000 tokens per task", "DeepSeek-V3 $0.0054"));
  }

  @Test
  void apiRecommendedGivesAllFourRecommendations() {
    Recommendation r = decide(everythingOpen());
    assertThat(codes(r))
        .containsExactlyInAnyOrder(
            "API_FIRST", "MEASURE_COST_PER_TASK", "USE_GATEWAY", "PLAN_FOR_DEPRECATION");
    assertThat(r.advice())
        .filteredOn(a -> a.code().equals("USE_GATEWAY"))
        .singleElement()
        .satisfies(a -> assertThat(a.text()).contains("LiteLLM, Portkey"));
  }

  @Test
  void selfHostingAboveBreakEvenWithOpenModelsGivesNoApiFirstNorDeprecation() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("dataSensitivity", DataSensitivity.REGULATED)
                        .with("monthlyTokens", 5_000_000_000L)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    assertThat(codes(r)).containsExactlyInAnyOrder("MEASURE_COST_PER_TASK", "USE_GATEWAY");
  }

  @Test
  void apiFirstIsNotAdvisedWhenTheApiIsBlocked() {
    // issue 11: "API first" beside a blocked API contradicted the answer
    Recommendation r = decide(with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    assertThat(codes(r)).doesNotContain("API_FIRST", "PLAN_FOR_DEPRECATION");
  }

  @Test
  void planForDeprecationNamesCandidatesRetiringWithinTheHorizon(@TempDir Path tmp)
      throws Exception {
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp)
            .setCell("models/ModelCatalog.drl.xlsx", "J10", "2026-12-31")
            .setCell("models/ModelCatalog.drl.xlsx", "J12", "2026-05-14")
            .setCell("models/ModelCatalog.drl.xlsx", "J16", "2027-09-01")
            .build();
    Recommendation r =
        Recommender.recommend(rules, everythingOpen(), false, java.time.LocalDate.of(2026, 12, 1));
    // Claude Opus 4 and Sonnet 4 retired in May: no candidates, and said so; Gemini retires
    // beyond 6 months
    assertThat(r.models())
        .extracting(m -> m.model().name())
        .doesNotContain("Claude Opus 4", "Claude Sonnet 4");
    assertThat(r.models()).extracting(m -> m.model().name()).contains("Gemini 2.0 Pro");
    assertThat(r.modelExclusions())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.filter()).isEqualTo("retired: past its retirement date");
              assertThat(x.models()).containsExactly("Claude Opus 4", "Claude Sonnet 4");
            });
    assertThat(r.models())
        .filteredOn(m -> m.model().name().equals("GPT-4o"))
        .singleElement()
        .satisfies(m -> assertThat(m.model().retirementDate()).isEqualTo("2026-12-31"));
    assertThat(r.advice())
        .filteredOn(a -> a.code().equals("PLAN_FOR_DEPRECATION"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.text())
                    .endsWith("Candidates retiring soon: GPT-4o (retires 2026-12-31)."));
    // half a year earlier, GPT-4o's date is beyond the horizon; on its date it is retired
    Recommendation earlier =
        Recommender.recommend(rules, everythingOpen(), false, java.time.LocalDate.of(2026, 6, 1));
    assertThat(earlier.advice().stream().map(a -> a.text()).toList())
        .noneMatch(t -> t.contains("retiring soon"));
    assertThat(earlier.models()).extracting(m -> m.model().name()).contains("GPT-4o");
    Recommendation onTheDay =
        Recommender.recommend(rules, everythingOpen(), false, java.time.LocalDate.of(2026, 12, 31));
    assertThat(onTheDay.models()).extracting(m -> m.model().name()).doesNotContain("GPT-4o");
  }

  @Test
  void nothingFeasibleMeansNoCandidates() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("dataSensitivity", DataSensitivity.REGULATED)
                        .with("timeToProduction", TimeToProduction.DAYS)));
    assertThat(r.models()).isEmpty();
  }

  @Test
  void unknownOrUnpricedReferenceModelsAndUnknownAttemptModelsAreRejected() {
    assertThatThrownBy(() -> decide(with(c -> c.with("referenceModel", "Llama 3.1 70B"))))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("referenceModel"));
    assertThatThrownBy(
            () ->
                decide(
                    with(
                        c ->
                            c.with("referenceModel", "GPT-6")
                                .with("expectedAttempts", Map.of("Gpt4o", BigDecimal.ONE)))))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("referenceModel", "expectedAttempts"));
  }
}
