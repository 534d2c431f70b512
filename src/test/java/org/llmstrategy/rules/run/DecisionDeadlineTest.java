package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * Every live decision ends, whatever a rule does: a consequence that never returns, a rule that
 * fires itself forever, a rule slow at every firing. The request is stopped and told so, the others
 * keep being answered, and the rule set keeps what was stopped.
 */
class DecisionDeadlineTest {
  /** The volume the attack used to reach its looping rule. */
  static final long SPIN_VOLUME = 123_456_789L;

  static final String SPIN = DecisionDeadlineTestRules.SPIN;

  /**
   * Each firing busy a few milliseconds, and firing again: the deadline halts it, not the bound.
   */
  static final String SLOW =
      """
      package decision;

      import org.llmstrategy.facts.*;
      import java.math.BigDecimal;

      declare Rounds
          n : int
      end

      rule "StartsRounds"
      when
          Criteria(monthlyTokens == 123456789L)
          not Rounds()
      then
          insert(new Rounds(0));
      end

      rule "SlowRound"
      when
          $r : Rounds(n >= 0)
      then
          modify($r) { setN($r.getN() + BigDecimal.valueOf(3).pow(200000).signum()) };
      end
      """;

  @TempDir static Path tmp;

  private static RuleSet spinning;
  private static RuleSet slow;
  private static final ExecutorService clients = Executors.newFixedThreadPool(8);

  @BeforeAll
  static void buildRuleSets() throws Exception {
    spinning =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("spin"))
            .write("decision/Spin.drl", SPIN)
            .build();
    slow =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("slow"))
            .write("decision/Slow.drl", SLOW)
            .build();
    // as the service does before a rule set goes live (its scenarios): the first decisions of a
    // fresh rule set load its classes, which costs more processor time than any deadline allows
    for (Criteria c : RuleEngineTest.variedCriteria(20)) {
      RuleEngine.evaluateUnbounded(spinning, RuleEngineTest.facts(c));
      RuleEngine.evaluateUnbounded(slow, RuleEngineTest.facts(c));
    }
    pastItsFirstDecisions(spinning);
    pastItsFirstDecisions(slow);
  }

  /** As after its first live decisions, which get ten times the deadline (the JVM compiling). */
  private static void pastItsFirstDecisions(RuleSet ruleSet) {
    while (ruleSet.countLiveDecision() < RuleEngine.WARMING_DECISIONS) {
      // counted
    }
  }

  /**
   * A rule set's first live decisions run code the JVM has not compiled yet: they get ten times the
   * deadline, so a loaded machine's first decisions are not stopped for no fault of a rule. A rule
   * slow at every firing is still halted then, at the longer deadline, and at the deadline itself
   * once the rule set is past its first decisions.
   */
  @Test
  void aRuleSetsFirstDecisionsGetTenTimesTheDeadline() throws Exception {
    RuleSet cold =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("cold"))
            .write("decision/Slow.drl", SLOW)
            .build();
    try (RuleEngine engine = new RuleEngine(cold, 0, 1, Duration.ofMillis(200))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(120),
          () ->
              assertThatThrownBy(() -> engine.evaluate(cold, facts(SPIN_VOLUME)))
                  .isInstanceOf(DeadlinePassedException.class)
                  .hasMessageContaining("did not decide within the deadline of 2000 ms"));
      pastItsFirstDecisions(cold);
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () ->
              assertThatThrownBy(() -> engine.evaluate(cold, facts(SPIN_VOLUME)))
                  .isInstanceOf(DeadlinePassedException.class)
                  .hasMessageContaining("did not decide within the deadline of 200 ms"));
    }
  }

  @AfterAll
  static void stopClients() {
    clients.shutdownNow();
  }

  /**
   * One run at a time, as the attack found: two requests stuck for good took every turn.
   * Now each is given up after its deadline and the ordinary requests go on being decided.
   */
  @Test
  void aConsequenceThatNeverReturnsIsStoppedAndOthersAreDecided() throws Exception {
    List<Thread> others = workerThreads(); // of engines other tests left behind
    try (RuleEngine engine = new RuleEngine(spinning, 0, 1, Duration.ofMillis(200))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            List<Future<Evaluation>> stuck = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
              stuck.add(clients.submit(() -> engine.evaluate(spinning, facts(SPIN_VOLUME))));
            }
            List<Future<Evaluation>> ordinary = new ArrayList<>();
            for (Criteria c : RuleEngineTest.variedCriteria(20)) {
              ordinary.add(
                  clients.submit(() -> engine.evaluate(spinning, RuleEngineTest.facts(c))));
            }
            for (Future<Evaluation> f : ordinary) {
              assertThat(f.get().firedRules()).isNotEmpty();
            }
            for (Future<Evaluation> f : stuck) {
              assertThatThrownBy(f::get)
                  .cause()
                  .isInstanceOf(DeadlinePassedException.class)
                  .hasMessageContaining("did not decide within the deadline of 200 ms")
                  .hasMessageContaining(
                      "the consequence of 'SpinsOnOneVolume' (decision/Spin.drl) did not return");
            }
          });
      StoppedDecisions.Summary stopped = spinning.stoppedDecisions().summary();
      assertThat(stopped.count()).isGreaterThanOrEqualTo(2);
      assertThat(stopped.last().get(0).rule().rule()).isEqualTo("SpinsOnOneVolume");
      // the stuck threads were stopped: only the engine's one worker is left
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> workerThreads().stream().filter(t -> !others.contains(t)).count() == 1);
    }
  }

  @Test
  void aRuleSlowAtEveryFiringIsHaltedAtTheDeadline() {
    try (RuleEngine engine = new RuleEngine(slow, 0, 1, Duration.ofMillis(200))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () ->
              assertThatThrownBy(() -> engine.evaluate(slow, facts(SPIN_VOLUME)))
                  .isInstanceOf(DeadlinePassedException.class)
                  .hasMessageContaining("'SlowRound' (decision/Slow.drl) fired last"));
      assertThat(engine.evaluate(slow, facts(1_000_000)).firedRules()).isNotEmpty();
      assertThat(slow.stoppedDecisions().summary().count()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void aRuleThatFiresItselfForeverIsStoppedAndKept() throws Exception {
    RuleSet looping =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("loop"))
            .write("decision/Loop.drl", RunawayRuleTest.LOOP)
            .build();
    try (RuleEngine engine = new RuleEngine(looping, 0, 1, Duration.ofSeconds(30))) {
      assertThatThrownBy(() -> engine.evaluate(looping, facts(1_000_000)))
          .isInstanceOf(RulesDidNotSettleException.class)
          .isInstanceOf(DecisionStoppedException.class)
          .hasMessageContaining("'CountsExamplesForever' (decision/Loop.drl)");
      StoppedDecisions.Summary stopped = looping.stoppedDecisions().summary();
      assertThat(stopped.count()).isEqualTo(1);
      assertThat(stopped.last().get(0).rule().rule()).isEqualTo("CountsExamplesForever");
    }
  }

  @Test
  void anOrdinaryRuleSetStopsNothing() {
    RuleSet shipped = org.llmstrategy.ShippedRules.get();
    for (Criteria c : RuleEngineTest.variedCriteria(20)) {
      RuleEngine.evaluateUnbounded(shipped, RuleEngineTest.facts(c)); // its scenarios, at start-up
    }
    try (RuleEngine engine = new RuleEngine(shipped)) {
      for (Criteria c : RuleEngineTest.variedCriteria(50)) {
        assertThat(engine.evaluate(shipped, RuleEngineTest.facts(c)).firedRules()).isNotEmpty();
      }
      assertThat(shipped.stoppedDecisions().any()).isFalse();
    }
  }

  @Test
  void closingEndsTheEnginesThreads() {
    List<Thread> others = workerThreads();
    RuleEngine engine =
        new RuleEngine(org.llmstrategy.ShippedRules.get(), 0, 3, Duration.ofMillis(200));
    assertThat(workerThreads()).hasSize(others.size() + 3);
    engine.close();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> workerThreads().stream().allMatch(others::contains));
  }

  private static List<Thread> workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("decision-") && t.isAlive())
        .toList();
  }

  private static List<Object> facts(long volume) {
    return RuleEngineTest.facts(
        RuleEngineTest.variedCriteria(1).get(0).with("monthlyTokens", volume));
  }
}
