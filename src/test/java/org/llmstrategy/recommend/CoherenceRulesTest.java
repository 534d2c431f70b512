package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.decide;
import static org.llmstrategy.recommend.DeploymentMatrixTest.everythingOpen;
import static org.llmstrategy.recommend.DeploymentMatrixTest.option;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.KnowledgeStrategy;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Deployment.Effect;

/**
 * The rules that make the knowledge part and the deployment options one decision, the explained
 * winner, the cost premium and the advice that must be true of the answer: through the shipped
 * rules, without Spring.
 */
class CoherenceRulesTest {

  @Test
  void knowledgeNeedingFineTuningBlocksTheApiWithItsReason() {
    Recommendation r =
        decide(with(c -> c.with("taskType", TaskType.STYLE_FORMAT).with("labeledExamples", 5000)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.FINE_TUNING);
    assertThat(option(r, Option.API).eligible()).isFalse();
    assertThat(option(r, Option.API).blockers())
        .anySatisfy(b -> assertThat(b).contains("prompt engineering only"));
    assertThat(r.deployment().recommendation()).isNotEqualTo(Option.API);
  }

  @Test
  void ragMeetingTheQualityBarLeavesTheApiOpenAndSaysTheNeedWasOverruled() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("taskType", TaskType.STYLE_FORMAT)
                        .with("labeledExamples", 5000)
                        .with("ragMeetsQualityBar", true)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG);
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    assertThat(r.knowledge().reasons()).anySatisfy(s -> assertThat(s).startsWith("(overruled)"));
  }

  @Test
  void tooFewLabeledExamplesBlockFineTuningWithHowManyToCollect() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("timeToProduction", TimeToProduction.WEEKS)
                        .with("customization", Customization.DOMAIN_ADAPTATION)
                        .with("labeledExamples", 30)));
    assertThat(option(r, Option.FINE_TUNE).eligible()).isFalse();
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    // the knowledge table's cell holds the minimum (100): 70 to collect
    assertThat(option(r, Option.FINE_TUNE).blockers())
        .anySatisfy(b -> assertThat(b).contains("100").contains("30"));
  }

  @Test
  void unknownLabeledExamplesBlockNothingAndFineTuningSaysHowManyItNeeds() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("timeToProduction", TimeToProduction.WEEKS)
                        .with("customization", Customization.DOMAIN_ADAPTATION)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.FINE_TUNE);
    assertThat(option(r, Option.FINE_TUNE).reasons())
        .anySatisfy(s -> assertThat(s).contains("at least 100 labeled examples"));
  }

  @Test
  void retrievalThatCannotFitTheLatencyBudgetMakesTheKnowledgePartInfeasible() {
    Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 30)));
    assertThat(r.knowledge().feasible()).isFalse();
    assertThat(r.knowledge().recommendation()).isNull();
    assertThat(r.knowledge().conflicts()).hasSize(1);
    var conflict = r.knowledge().conflicts().get(0);
    assertThat(conflict.option().name()).isEqualTo("RAG");
    assertThat(conflict.excludedBy().get(0).constraints()).containsExactly("latencyBudgetMs");
    assertThat(conflict.excludedBy().get(0).change()).isNotBlank();
  }

  @Test
  void aBudgetRetrievalFitsKeepsRag() {
    Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 800)));
    assertThat(r.knowledge().feasible()).isTrue();
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG);
  }

  @Test
  void aWinnerByEliminationSaysTheOthersAreBlocked() {
    Recommendation r = decide(with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    assertThat(option(r, Option.SELF_HOST).reasons())
        .anySatisfy(s -> assertThat(s).contains("The other options are blocked").contains("API"));
    assertThat(codes(r)).doesNotContain("API_FIRST");
  }

  @Test
  void everyRecommendedOptionHasAReasonAcrossVariedRequests() {
    for (var c : org.llmstrategy.rules.run.RuleEngineTestAccess.variedCriteria(60)) {
      Recommendation r = decide(c);
      if (r.deployment().recommendation() != null) {
        assertThat(option(r, r.deployment().recommendation()).reasons())
            .as("reasons of %s", r.deployment().recommendation())
            .isNotEmpty();
      }
    }
  }

  @Test
  void aDearerWinnerNamesItsPremiumAndWhatPaysForIt() {
    // 5B tokens over the default 36 months: the API $450,000, self-hosting $500,000 + 36 × $8,000
    // = $788,000; full control is worth the cheapest total again (the matrix's share cell, 1)
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("monthlyTokens", 5_000_000_000L)
                        .with("labeledExamples", 10) // fine-tuning blocked
                        .with("customization", Customization.FULL_CONTROL)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    var premium = r.deployment().costPremium();
    assertThat(premium.comparedTo()).isEqualTo(Option.API);
    assertThat(premium.horizonUsd()).isEqualByComparingTo("338000");
    assertThat(premium.monthlyUsd()).isEqualByComparingTo("9388.89");
    assertThat(premium.allowedUsd()).isEqualByComparingTo("450000");
    assertThat(premium.justifiedBy())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.rule()).isEqualTo("FullControlFavoursSelfHosting");
              assertThat(j.reason()).contains("full control");
              assertThat(j.allowedUsd()).isEqualByComparingTo("450000");
            });
    assertThat(option(r, Option.SELF_HOST).reasons())
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("Costs $338,000.00 more than the API over 36 months")
                    .contains("within the $450,000.00"));
  }

  @Test
  void theCheapestWinnerHasNoPremium() {
    // everything open at 1M tokens: the API costs the least of the eligible options
    Recommendation r = decide(everythingOpen());
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    assertThat(r.deployment().costPremium()).isNull();
  }

  @Test
  void confidentialDataToAProviderGetsAPrivacyCaveat() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("dataSensitivity", DataSensitivity.CONFIDENTIAL)
                        .with("timeToProduction", TimeToProduction.DAYS)
                        .with("upfrontBudgetUsd", BigDecimal.ZERO)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    assertThat(codes(r)).contains("PROTECT_CONFIDENTIAL_DATA", "API_FIRST");
  }

  @Test
  void selfHostingForFullControlGetsNoApiFirstAdvice() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("customization", Customization.FULL_CONTROL)
                        .with("dataSensitivity", DataSensitivity.REGULATED)));
    assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    assertThat(codes(r)).doesNotContain("API_FIRST");
  }

  @Test
  void reasonsStateTheirWeightAndEffectsNameTheirRule() {
    Recommendation r = decide(with(c -> c.with("customization", Customization.FULL_CONTROL)));
    assertThat(option(r, Option.SELF_HOST).reasons())
        .contains("(+2) Only self-hosting gives full control over the model");
    assertThat(option(r, Option.SELF_HOST).effects())
        .contains(
            new Effect(
                "+2",
                "Only self-hosting gives full control over the model",
                "FullControlFavoursSelfHosting"));
  }

  @Test
  void decidedByListsOnlyDecidingRulesWithTheirRows() {
    Recommendation r = decide(with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)));
    List<String> decided = r.decidedBy().stream().map(Recommendation.FiredRuleView::rule).toList();
    assertThat(decided)
        .contains(
            "RegulatedDataCannotGoToAnApi", "HighestScoreWinsTiesGoApiThenFineTuneThenSelfHost")
        .doesNotContain(
            "PublishCatalogModel",
            "CandidateMeetsTheRequestedFilters",
            "EverySuitableModelIsACandidateWithoutFilters");
    assertThat(decided).doesNotHaveDuplicates();
    assertThat(r.decidedBy())
        .filteredOn(f -> f.rule().equals("RegulatedDataCannotGoToAnApi"))
        .singleElement()
        .satisfies(f -> assertThat(f.source().row()).isEqualTo(10));
    assertThat(r.decidedBy().size()).isLessThan(r.firedRules().size() / 2);
  }

  @Test
  void anEmptyModelListSaysWhichFilterExcludedWhichModels() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("dataSensitivity", DataSensitivity.CONFIDENTIAL)
                        .with("minContextWindowTokens", 5_000_000L)));
    // no model holds 5M tokens: every option is blocked naming the filter (issue 24)
    assertThat(r.deployment().recommendation()).isNull();
    assertThat(r.deployment().conflicts())
        .allSatisfy(
            x ->
                assertThat(x.excludedBy())
                    .anySatisfy(
                        e -> assertThat(e.constraints()).contains("minContextWindowTokens")));
    assertThat(r.models()).isEmpty();
    assertThat(r.modelExclusions())
        .extracting(Recommendation.ModelExclusion::filter)
        .contains("minContextWindowTokens");
    assertThat(r.modelExclusions())
        .filteredOn(x -> x.filter().equals("minContextWindowTokens"))
        .singleElement()
        .satisfies(x -> assertThat(x.models()).contains("DeepSeek-V3"));
  }

  private static List<String> codes(Recommendation r) {
    return r.advice().stream().map(AdviceView::code).toList();
  }
}
