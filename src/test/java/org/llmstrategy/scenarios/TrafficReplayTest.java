package org.llmstrategy.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.DatedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.rules.run.RuleSet;

/** A candidate replayed over recent traffic: the recommendations it would change, counted. */
class TrafficReplayTest {
  @TempDir Path temp;

  @Test
  void aHigherUpfrontThresholdChangesTheSelfHostingRequestsOnly() throws IOException {
    RuleSet active = build(RuleFolderFixture.copyOfShippedRules(temp.resolve("live")));
    RuleFolderFixture edited = RuleFolderFixture.copyOfShippedRules(temp.resolve("candidate"));
    // SelfHostingNeedsHalfAMillionUpfront: now 800,000 — the $750,000 request loses self-hosting
    edited.setCell("deployment/DeploymentMatrix.drl.xlsx", "I18", "800000");
    RuleSet candidate = build(edited);
    Criteria selfHosting = regulated(750_000);
    Criteria rich = regulated(2_000_000);
    Criteria startup = startup();

    CandidateCheck.Replay replay =
        new TrafficReplay(() -> List.of(selfHosting, rich, startup, selfHosting))
            .replay(candidate, active);

    assertThat(replay.replayed()).isEqualTo(4);
    assertThat(replay.changed()).isEqualTo(2);
    assertThat(replay.examples())
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e)
                    .startsWith(
                        "REGULATED data, 1,000,000 tokens a month, MONTHS, $750,000.00 upfront")
                    .contains("deployment SELF_HOST → nothing feasible"));
  }

  @Test
  void theSameRulesChangeNothing() throws IOException {
    RuleSet active = build(RuleFolderFixture.copyOfShippedRules(temp.resolve("live")));
    CandidateCheck.Replay replay =
        new TrafficReplay(() -> List.of(regulated(750_000), startup())).replay(active, active);
    assertThat(replay.replayed()).isEqualTo(2);
    assertThat(replay.changed()).isZero();
    assertThat(replay.examples()).isEmpty();
  }

  @Test
  void theScenarioRunnerReportsTheReplayOnlyAgainstALiveSet() throws IOException {
    RuleSet active = build(RuleFolderFixture.copyOfShippedRules(temp.resolve("live")));
    ScenarioRunner runner =
        ScenarioRunner.of(
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(),
            tools.jackson.databind.json.JsonMapper.builder().build(),
            () -> List.of(startup()));
    assertThat(runner.check(active, active).recentTraffic().replayed()).isEqualTo(1);
    assertThat(runner.check(active, null).recentTraffic().replayed()).isZero();
  }

  @Test
  void recentTrafficIsReplayedOnTheServicesDay() throws IOException {
    RuleSet active = build(RuleFolderFixture.copyOfShippedRules(temp.resolve("live")));
    RuleSet candidate =
        build(
            RuleFolderFixture.copyOfShippedRules(temp.resolve("dated"))
                .write("decision/Contract.drl", DatedRules.API_CONTRACT_ENDS_IN_2027));

    assertThat(replayedOn("2026-12-01T12:00:00Z", candidate, active).changed()).isZero();
    assertThat(replayedOn("2027-02-01T12:00:00Z", candidate, active).changed()).isEqualTo(1);
  }

  private static CandidateCheck.Replay replayedOn(
      String instant, RuleSet candidate, RuleSet active) {
    ScenarioRunner runner =
        ScenarioRunner.of(
            jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(),
            tools.jackson.databind.json.JsonMapper.builder().build(),
            () -> List.of(startup()),
            java.time.Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneOffset.UTC));
    return runner.check(candidate, active).recentTraffic();
  }

  private static RuleSet build(RuleFolderFixture folder) {
    return new RuleSetBuilder().build(folder.dir().toString(), RuleFolder.read(folder.dir()));
  }

  private static Criteria regulated(long upfront) {
    Criteria c =
        Criteria.defaults()
            .with("dataSensitivity", DataSensitivity.REGULATED)
            .with("monthlyTokens", 1_000_000)
            .with("timeToProduction", TimeToProduction.MONTHS)
            .with("upfrontBudgetUsd", BigDecimal.valueOf(upfront))
            .with("mlEngineers", 3)
            .with("infraEngineers", 3);
    return c;
  }

  private static Criteria startup() {
    Criteria c =
        Criteria.defaults()
            .with("dataSensitivity", DataSensitivity.PUBLIC)
            .with("monthlyTokens", 1_000_000)
            .with("timeToProduction", TimeToProduction.DAYS)
            .with("upfrontBudgetUsd", BigDecimal.ZERO)
            .with("customization", Customization.PROMPT_ONLY);
    return c;
  }
}
