package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.Situations;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Deployment.OptionAssessment;

/** The decision matrix's rows, one case each, through the shipped rules and without Spring. */
class DeploymentMatrixTest {

  static Criteria everythingOpen() {
    return Situations.everythingOpen();
  }

  static Criteria with(UnaryOperator<Criteria> change) {
    return change.apply(everythingOpen());
  }

  static Recommendation decide(Criteria c) {
    return Recommender.recommend(ShippedRules.get(), c, false, java.time.LocalDate.now());
  }

  static OptionAssessment option(Recommendation r, Option o) {
    return r.deployment().options().stream().filter(a -> a.option() == o).findFirst().orElseThrow();
  }

  static List<String> fired(Recommendation r) {
    return r.firedRules().stream().map(Recommendation.FiredRuleView::rule).toList();
  }

  static void assertBlocked(Recommendation r, Option o, String rule) {
    assertThat(option(r, o).eligible()).as("%s eligible", o).isFalse();
    assertThat(option(r, o).blockers()).isNotEmpty();
    assertThat(fired(r)).contains(rule);
  }

  @Nested
  @DisplayName("The issue's acceptance cases")
  class Acceptance {
    @Test
    void regulatedDataWithBudgetTimeAndTeamIsSelfHosted() {
      Recommendation r = decide(with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)));
      assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
      assertBlocked(r, Option.API, "RegulatedDataCannotGoToAnApi");
      assertBlocked(r, Option.FINE_TUNE, "RegulatedDataIsNotSentForTraining");
    }

    @Test
    void daysWithNoBudgetAndNoMlTeamBuysAnApi() {
      Recommendation r =
          decide(
              with(
                  c ->
                      c.with("timeToProduction", TimeToProduction.DAYS)
                          .with("upfrontBudgetUsd", BigDecimal.ZERO)
                          .with("mlEngineers", 0)
                          .with("infraEngineers", 0)));
      assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
      assertThat(r.deployment().feasible()).isTrue();
      assertThat(r.deployment().conflicts()).isEmpty();
    }

    @Test
    void domainAdaptationInWeeksWithTwoMlEngineersAndEightyThousandFineTunes() {
      Recommendation r =
          decide(
              with(
                  c ->
                      c.with("customization", Customization.DOMAIN_ADAPTATION)
                          .with("timeToProduction", TimeToProduction.WEEKS)
                          .with("mlEngineers", 2)
                          .with("infraEngineers", 0)
                          .with("upfrontBudgetUsd", new BigDecimal("80000"))));
      assertThat(r.deployment().recommendation()).isEqualTo(Option.FINE_TUNE);
      assertThat(option(r, Option.FINE_TUNE).score()).isEqualTo(2);
      assertThat(option(r, Option.API).score()).isEqualTo(1);
    }

    @Test
    void fiftyMillisecondLatencyBudgetSelfHosts() {
      // a style task: no retrieval that a 50 ms budget could not fit (knowledge stays feasible)
      Recommendation r =
          decide(with(c -> c.with("latencyBudgetMs", 50).with("taskType", TaskType.STYLE_FORMAT)));
      assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
      assertBlocked(r, Option.API, "NetworkLatencyRulesOutApi");
      assertBlocked(r, Option.FINE_TUNE, "NetworkLatencyRulesOutFineTuning");
    }

    @Test
    void everythingOpenAndPromptOnlyBuysAnApi() {
      Recommendation r = decide(everythingOpen());
      assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
      assertThat(r.deployment().options()).allMatch(OptionAssessment::eligible);
      assertThat(fired(r)).contains("ApiFirstByDefault");
    }

    @Test
    void regulatedWithinDaysIsInfeasibleAndNamesTheConflicts() {
      Recommendation r =
          decide(
              with(
                  c ->
                      c.with("dataSensitivity", DataSensitivity.REGULATED)
                          .with("timeToProduction", TimeToProduction.DAYS)));
      Deployment d = r.deployment();
      assertThat(d.feasible()).isFalse();
      assertThat(d.recommendation()).isNull();
      assertThat(d.conflicts())
          .extracting(Deployment.Conflict::option)
          .containsExactly(Option.API, Option.FINE_TUNE, Option.SELF_HOST);
      var selfHost = d.conflicts().get(2).excludedBy().get(0);
      assertThat(selfHost.rule()).isEqualTo("SelfHostingTakesMonths");
      assertThat(selfHost.constraints()).containsExactly("timeToProduction");
      assertThat(selfHost.change()).contains("months");
      assertThat(d.conflicts().get(0).excludedBy().get(0).constraints())
          .containsExactly("dataSensitivity");
      assertThat(fired(r)).contains("NothingFeasibleWhenEveryOptionIsBlocked");
    }
  }

  @Nested
  @DisplayName("Blockers")
  class Blockers {
    @Test
    void localLatencyFloorRulesOutSelfHostingToo() {
      Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 9)));
      assertBlocked(r, Option.SELF_HOST, "LocalLatencyRulesOutSelfHosting");
      assertThat(r.deployment().feasible()).isFalse();
    }

    @Test
    void latencyAtTheNetworkFloorKeepsApiOpen() {
      Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 100)));
      assertThat(option(r, Option.API).eligible()).isTrue();
    }

    @Test
    void daysRuleOutFineTuningAndSelfHosting() {
      Recommendation r = decide(with(c -> c.with("timeToProduction", TimeToProduction.DAYS)));
      assertBlocked(r, Option.FINE_TUNE, "FineTuningTakesWeeks");
      assertBlocked(r, Option.SELF_HOST, "SelfHostingTakesMonths");
    }

    @Test
    void weeksRuleOutSelfHostingOnly() {
      Recommendation r = decide(with(c -> c.with("timeToProduction", TimeToProduction.WEEKS)));
      assertThat(option(r, Option.FINE_TUNE).eligible()).isTrue();
      assertBlocked(r, Option.SELF_HOST, "SelfHostingTakesMonths");
    }

    @Test
    void budgetBelowFiftyThousandRulesOutFineTuning() {
      Recommendation r = decide(with(c -> c.with("upfrontBudgetUsd", new BigDecimal("49999.99"))));
      assertBlocked(r, Option.FINE_TUNE, "FineTuningNeedsFiftyThousandUpfront");
      assertBlocked(r, Option.SELF_HOST, "SelfHostingNeedsHalfAMillionUpfront");
    }

    @Test
    void budgetOfFiftyThousandFineTunesButCannotSelfHost() {
      Recommendation r = decide(with(c -> c.with("upfrontBudgetUsd", new BigDecimal("50000"))));
      assertThat(option(r, Option.FINE_TUNE).eligible()).isTrue();
      assertBlocked(r, Option.SELF_HOST, "SelfHostingNeedsHalfAMillionUpfront");
    }

    @Test
    void noMlEngineersRuleOutFineTuningAndSelfHosting() {
      Recommendation r = decide(with(c -> c.with("mlEngineers", 0)));
      assertBlocked(r, Option.FINE_TUNE, "FineTuningNeedsMlEngineers");
      assertBlocked(r, Option.SELF_HOST, "SelfHostingNeedsMlEngineers");
    }

    @Test
    void noInfraEngineersRuleOutSelfHosting() {
      Recommendation r = decide(with(c -> c.with("infraEngineers", 0).with("mlEngineers", 6)));
      assertBlocked(r, Option.SELF_HOST, "SelfHostingNeedsInfraEngineers");
      assertThat(fired(r)).doesNotContain("SelfHostingNeedsATeamOfFive");
    }

    @Test
    void aTeamOfFourCannotSelfHost() {
      Recommendation r = decide(with(c -> c.with("mlEngineers", 2).with("infraEngineers", 2)));
      assertBlocked(r, Option.SELF_HOST, "SelfHostingNeedsATeamOfFive");
      assertThat(fired(r)).doesNotContain("SelfHostingNeedsMlEngineers");
    }
  }

  @Nested
  @DisplayName("Preferences")
  class Preferences {
    @Test
    void fullControlFavoursSelfHosting() {
      // at 5B tokens self-hosting's premium over 36 months is within what full control is worth
      Recommendation r =
          decide(
              with(
                  c ->
                      c.with("customization", Customization.FULL_CONTROL)
                          .with("labeledExamples", 10) // fine-tuning blocked
                          .with("monthlyTokens", 5_000_000_000L)));
      assertThat(option(r, Option.SELF_HOST).score()).isEqualTo(2);
      assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
    }

    @Test
    void confidentialDataFavoursSelfHostingAndCountsAgainstFineTuning() {
      Recommendation r =
          decide(
              with(
                  c ->
                      c.with("dataSensitivity", DataSensitivity.CONFIDENTIAL)
                          .with("monthlyTokens", 5_000_000_000L)));
      assertThat(option(r, Option.SELF_HOST).score()).isEqualTo(2);
      assertThat(option(r, Option.FINE_TUNE).score()).isEqualTo(-1);
      // fine-tuning DeepSeek-V3 costs least over 36 months: self-hosting's premium over it is
      // beyond what privacy is worth, and the API wins on its score
      assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
      assertThat(option(r, Option.SELF_HOST).reasons())
          .anySatisfy(s -> assertThat(s).contains("more than fine-tuning").contains("beyond"));
    }

    @Test
    void moderateLatencyBudgetAddsOneToSelfHostingAndTiesGoToApi() {
      Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 500)));
      assertThat(option(r, Option.SELF_HOST).score()).isEqualTo(1);
      assertThat(option(r, Option.API).score()).isEqualTo(1);
      assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    }

    @Test
    void latencyBudgetAboveFiveHundredDoesNotFavourSelfHosting() {
      Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 501)));
      assertThat(option(r, Option.SELF_HOST).score()).isZero();
    }

    @Test
    void onATieFineTuningBeatsSelfHosting() {
      Recommendation r =
          decide(
              with(
                  c ->
                      c.with("latencyBudgetMs", 50) // API and FINE_TUNE blocked
                          .with("taskType", TaskType.STYLE_FORMAT) // no retrieval to fit
                          .with("customization", Customization.DOMAIN_ADAPTATION)));
      // only SELF_HOST is left: blockers beat preferences
      assertThat(r.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
      assertThat(option(r, Option.FINE_TUNE).reasons()).isNotEmpty();
    }
  }

  @Test
  void everyFiredMatrixRuleNamesItsWorkbookSheetAndRow() {
    Recommendation r = decide(with(c -> c.with("dataSensitivity", DataSensitivity.REGULATED)));
    var source =
        r.firedRules().stream()
            .filter(f -> f.rule().equals("RegulatedDataCannotGoToAnApi"))
            .findFirst()
            .orElseThrow()
            .source();
    assertThat(source.file()).isEqualTo("deployment/DeploymentMatrix.drl.xlsx");
    assertThat(source.sheet()).isEqualTo("Matrix");
    assertThat(source.row()).isEqualTo(10);
    var pick =
        r.firedRules().stream()
            .filter(f -> f.rule().equals("HighestScoreWinsTiesGoApiThenFineTuneThenSelfHost"))
            .findFirst()
            .orElseThrow()
            .source();
    assertThat(pick.file()).isEqualTo("decision/DeploymentChoice.drl");
    assertThat(pick.row()).isNull();
  }
}
