package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.KnowledgeVerdict;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluator;
import org.llmstrategy.rules.run.RuleSet;

/**
 * More never hurts (issue 24 item 5): more upfront budget, more engineers, more labeled examples,
 * more time to production, a larger latency budget or less sensitive data never turns an answer
 * with a feasible recommendation into one without. The shipped rules, run directly (no Spring),
 * over random situations and each of those moves; a seeded {@link Random}, so a failure names its
 * seed and can be replayed ({@code -DmoreNeverHurts.seed=...}), and says the counterexample in
 * words: the situation, the move, and what blocks each option after it.
 *
 * <p>The situations are drawn around the numbers the rules compare with (the matrix's $50,000 and
 * $500,000, 100 ms, 100 labeled examples, a team of five), so a move often crosses one.
 */
class MoreNeverHurtsTest {
  /**
   * Situations per run: 1,500 situations and nine moves each is some 15,000 runs of the rules,
   * about 10 s on this machine's shared cores (measured; a run of the rules is ~0.6 ms).
   */
  private static final int SITUATIONS = Integer.getInteger("moreNeverHurts.situations", 1_500);

  private static final long SEED = Long.getLong("moreNeverHurts.seed", 20261207L);

  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  private static final BigDecimal[] BUDGETS = {
    BigDecimal.ZERO,
    new BigDecimal("10000"),
    new BigDecimal("49999.99"),
    new BigDecimal("50000"),
    new BigDecimal("120000"),
    new BigDecimal("499999.99"),
    new BigDecimal("500000"),
    new BigDecimal("2000000")
  };
  private static final long[] TOKENS = {
    0, 1_000_000, 50_000_000, 500_000_000, 900_000_000, 5_000_000_000L, 50_000_000_000L
  };
  private static final Integer[] LATENCIES = {null, 5, 9, 10, 50, 99, 100, 300, 500, 501, 1000};
  private static final Integer[] EXAMPLES = {null, 0, 50, 99, 100, 500, 3000, 20000};
  private static final Integer[] HORIZONS = {null, 1, 3, 12, 24, 60};
  private static final BigDecimal[] ENGINEER_COSTS = {null, new BigDecimal("15000")};

  /** One move toward more of something, or null when the situation has no more of it to give. */
  private record Move(String words, BiFunction<Criteria, Random, Criteria> apply) {}

  private static final List<Move> MOVES =
      List.of(
          new Move(
              "more upfront budget",
              (c, r) ->
                  c.with(
                      "upfrontBudgetUsd",
                      c.upfrontBudgetUsd().add(BUDGETS[1 + r.nextInt(BUDGETS.length - 1)]))),
          new Move("one more ML engineer", (c, r) -> c.with("mlEngineers", c.mlEngineers() + 1)),
          new Move(
              "one more infrastructure engineer",
              (c, r) -> c.with("infraEngineers", c.infraEngineers() + 1)),
          new Move(
              "more labeled examples",
              (c, r) ->
                  c.labeledExamples() == null
                      ? null
                      : c.with("labeledExamples", c.labeledExamples() + 1 + r.nextInt(5000))),
          new Move(
              "more time to production",
              (c, r) ->
                  c.timeToProduction() == TimeToProduction.MONTHS
                      ? null
                      : c.with(
                          "timeToProduction",
                          TimeToProduction.values()[c.timeToProduction().ordinal() + 1])),
          new Move(
              "a larger latency budget",
              (c, r) ->
                  c.latencyBudgetMs() == null
                      ? null
                      : c.with("latencyBudgetMs", c.latencyBudgetMs() + 1 + r.nextInt(600))),
          new Move(
              "no latency budget at all",
              (c, r) -> c.latencyBudgetMs() == null ? null : c.with("latencyBudgetMs", null)),
          new Move(
              "less sensitive data",
              (c, r) ->
                  c.dataSensitivity() == DataSensitivity.PUBLIC
                      ? null
                      : c.with("dataSensitivity", lessSensitive(c.dataSensitivity()))),
          new Move(
              "several more resources at once",
              (c, r) ->
                  c.with("mlEngineers", c.mlEngineers() + r.nextInt(3))
                      .with("infraEngineers", c.infraEngineers() + r.nextInt(3))
                      .with("upfrontBudgetUsd", c.upfrontBudgetUsd().add(BUDGETS[r.nextInt(8)]))
                      .with(
                          "labeledExamples",
                          c.labeledExamples() == null
                              ? null
                              : c.labeledExamples() + r.nextInt(200))));

  /** The next less sensitive class: the enum lists them from least to most sensitive. */
  private static DataSensitivity lessSensitive(DataSensitivity d) {
    assertThat(DataSensitivity.values()[0]).isEqualTo(DataSensitivity.PUBLIC);
    return DataSensitivity.values()[d.ordinal() - 1];
  }

  @Test
  void moreOfAResourceNeverMakesAFeasibleAnswerInfeasible() {
    RuleSet rules = ShippedRules.get();
    long start = System.nanoTime();
    Random random = new Random(SEED);
    List<String> counterexamples = new ArrayList<>();
    int compared = 0;
    for (int i = 0; i < SITUATIONS && counterexamples.size() < 5; i++) {
      Criteria situation = situation(random);
      Evaluation before = decide(rules, situation);
      if (!feasible(before)) {
        continue;
      }
      for (Move move : MOVES) {
        Criteria after = move.apply().apply(situation, random);
        if (after == null) {
          continue;
        }
        compared++;
        Evaluation then = decide(rules, after);
        if (!feasible(then)) {
          counterexamples.add(words(situation, before, move, after, then));
          break;
        }
      }
    }
    System.out.printf(
        "more never hurts: %d situations, %d moves compared, seed %d, %d ms%n",
        SITUATIONS, compared, SEED, (System.nanoTime() - start) / 1_000_000);
    assertThat(counterexamples)
        .as(
            "seed %d (replay with -DmoreNeverHurts.seed=%d): more of a resource made a feasible"
                + " answer infeasible",
            SEED, SEED)
        .isEmpty();
    assertThat(compared).as("moves compared").isGreaterThan(SITUATIONS);
  }

  /** The case, kept by name: 3,000 labeled examples and no ML engineer. */
  @Test
  void threeThousandExamplesWithoutAnMlEngineerAreNoWorseThan99() {
    Criteria few =
        Criteria.defaults()
            .with("dataSensitivity", DataSensitivity.INTERNAL)
            .with("monthlyTokens", 10_000_000L)
            .with("timeToProduction", TimeToProduction.WEEKS)
            .with("upfrontBudgetUsd", new BigDecimal("100000"))
            .with("taskType", TaskType.STYLE_FORMAT)
            .with("labeledExamples", 99);
    RuleSet rules = ShippedRules.get();
    assertThat(feasible(decide(rules, few))).as("99 examples").isTrue();
    Evaluation many = decide(rules, few.with("labeledExamples", 3000));
    assertThat(feasible(many)).as("3,000 examples: %s", blockers(many)).isTrue();
  }

  private static Criteria situation(Random r) {
    return Criteria.defaults()
        .with("dataSensitivity", pick(r, DataSensitivity.values()))
        .with("monthlyTokens", TOKENS[r.nextInt(TOKENS.length)])
        .with("timeToProduction", pick(r, TimeToProduction.values()))
        .with("upfrontBudgetUsd", BUDGETS[r.nextInt(BUDGETS.length)])
        .with("mlEngineers", r.nextInt(4))
        .with("infraEngineers", r.nextInt(5))
        .with("latencyBudgetMs", LATENCIES[r.nextInt(LATENCIES.length)])
        .with("customization", pick(r, Customization.values()))
        .with("taskType", pick(r, TaskType.values()))
        .with("knowledgeUpdates", pick(r, KnowledgeUpdates.values()))
        .with("labeledExamples", EXAMPLES[r.nextInt(EXAMPLES.length)])
        .with("ragMeetsQualityBar", pick(r, new Boolean[] {null, true, false}))
        .with("minQuality", pick(r, new Quality[] {null, null, Quality.MEDIUM, Quality.HIGH}))
        .with("requireOpenWeights", r.nextInt(4) == 0)
        .with("horizonMonths", HORIZONS[r.nextInt(HORIZONS.length)])
        .with("engineerMonthlyUsd", ENGINEER_COSTS[r.nextInt(ENGINEER_COSTS.length)]);
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static Evaluation decide(RuleSet rules, Criteria c) {
    return Evaluator.UNBOUNDED.evaluate(rules, Recommender.facts(c, DAY));
  }

  /** Feasible: a recommended option, and a knowledge part that can serve the task. */
  private static boolean feasible(Evaluation e) {
    DeploymentVerdict d = e.first(DeploymentVerdict.class);
    KnowledgeVerdict k = e.first(KnowledgeVerdict.class);
    return d != null && d.feasible() && (k == null || k.feasible());
  }

  private static String words(
      Criteria situation, Evaluation before, Move move, Criteria after, Evaluation then) {
    return String.format(
        "%n  With %s%n  the answer is %s (knowledge %s);%n  with %s (%s) nothing is feasible:"
            + " %s%n",
        sent(situation),
        before.first(DeploymentVerdict.class).recommendation(),
        strategy(before),
        move.words(),
        changed(situation, after),
        blockers(then));
  }

  private static String strategy(Evaluation e) {
    KnowledgeVerdict k = e.first(KnowledgeVerdict.class);
    return k == null ? "none" : k.feasible() ? k.strategy().toString() : "infeasible";
  }

  /** Every field the situation sends, as field value. */
  private static String sent(Criteria c) {
    return Criteria.fields().stream()
        .filter(f -> c.get(f) != null && !(c.get(f) instanceof java.util.Map))
        .map(f -> f + " " + c.get(f))
        .collect(Collectors.joining(", "));
  }

  private static String changed(Criteria from, Criteria to) {
    return Criteria.fields().stream()
        .filter(f -> !java.util.Objects.equals(from.get(f), to.get(f)))
        .map(f -> f + " " + from.get(f) + " -> " + to.get(f))
        .collect(Collectors.joining(", "));
  }

  private static String blockers(Evaluation e) {
    String knowledge = "knowledge " + strategy(e);
    return knowledge
        + "; "
        + e.facts(Blocker.class).stream()
            .map(b -> b.option() + ": " + b.because())
            .collect(Collectors.joining("; "));
  }
}
