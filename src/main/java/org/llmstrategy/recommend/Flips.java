package org.llmstrategy.recommend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.ExampleMinimum;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleThresholds;

/**
 * What would change the recommendation: for each input, the nearest value above and below the
 * submitted one at which the rules recommend something else. Nothing here knows a threshold: the
 * candidate values are the numbers the compiled rules compare the input with (each, one step below
 * and one above), the cost estimate's break-even points and the knowledge table's example minimum;
 * the rules are run on each candidate and a bisection between the last unchanged and the first
 * changed candidate finds the exact value.
 */
final class Flips {
  /** One numeric input: how to read and set it, its smallest value and its step. */
  private record Input(
      String field,
      String thresholdsOf,
      Function<Criteria, BigDecimal> get,
      BiConsumer<Criteria, BigDecimal> set,
      BigDecimal min,
      BigDecimal step) {}

  private static final BigDecimal ONE = BigDecimal.ONE;
  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final BigDecimal MAX_TOKENS = BigDecimal.TEN.pow(15);

  private static final List<Input> INPUTS =
      List.of(
          new Input(
              "monthlyTokens",
              "monthlyTokens",
              c -> BigDecimal.valueOf(c.getMonthlyTokens()),
              (c, v) -> c.setMonthlyTokens(v.longValueExact()),
              BigDecimal.ZERO,
              ONE),
          new Input(
              "upfrontBudgetUsd",
              "upfrontBudgetUsd",
              Criteria::getUpfrontBudgetUsd,
              Criteria::setUpfrontBudgetUsd,
              BigDecimal.ZERO,
              CENT),
          new Input(
              "latencyBudgetMs",
              "latencyBudgetMs",
              c ->
                  c.getLatencyBudgetMs() == null
                      ? null
                      : BigDecimal.valueOf(c.getLatencyBudgetMs()),
              (c, v) -> c.setLatencyBudgetMs(v.intValueExact()),
              ONE,
              ONE),
          new Input(
              "mlEngineers",
              "mlEngineers",
              c -> BigDecimal.valueOf(c.getMlEngineers()),
              (c, v) -> c.setMlEngineers(v.intValueExact()),
              BigDecimal.ZERO,
              ONE),
          new Input(
              "infraEngineers",
              "infraEngineers",
              c -> BigDecimal.valueOf(c.getInfraEngineers()),
              (c, v) -> c.setInfraEngineers(v.intValueExact()),
              BigDecimal.ZERO,
              ONE),
          new Input(
              "labeledExamples",
              "labeledExamples",
              c ->
                  c.getLabeledExamples() == null
                      ? null
                      : BigDecimal.valueOf(c.getLabeledExamples()),
              (c, v) -> c.setLabeledExamples(v.intValueExact()),
              BigDecimal.ZERO,
              ONE));

  private final RuleSet rules;
  private final Criteria criteria;
  private final Option base;
  private final Evaluation evaluation;
  private final java.time.LocalDate today;
  private int runs;

  private Flips(
      RuleSet rules, Criteria criteria, Evaluation evaluation, java.time.LocalDate today) {
    this.rules = rules;
    this.today = today;
    this.criteria = criteria;
    this.evaluation = evaluation;
    this.base = recommendation(evaluation);
  }

  /** The flips of an answer the rules gave as {@code evaluation} for {@code criteria}. */
  /** Each flip decided on {@code today}, the day the answer was. */
  static List<Flip> of(
      RuleSet rules, Criteria criteria, Evaluation evaluation, java.time.LocalDate today) {
    return new Flips(rules, criteria, evaluation, today).find();
  }

  private List<Flip> find() {
    List<Flip> flips = new ArrayList<>();
    for (Input input : INPUTS) {
      numeric(input, flips);
    }
    enumerated("dataSensitivity", DataSensitivity.values(), Criteria::setDataSensitivity, flips);
    enumerated("timeToProduction", TimeToProduction.values(), Criteria::setTimeToProduction, flips);
    enumerated("customization", Customization.values(), Criteria::setCustomization, flips);
    return List.copyOf(flips);
  }

  private <E extends Enum<E>> void enumerated(
      String field, E[] values, BiConsumer<Criteria, E> set, List<Flip> flips) {
    for (E value : values) {
      Criteria c = criteria.copy();
      set.accept(c, value);
      if (sameAs(criteria, c)) {
        continue;
      }
      Option o = decide(c);
      if (o != base) {
        flips.add(new Flip(field, value.name(), o));
      }
    }
  }

  /** Equal enum inputs: setting the submitted value again is no flip. */
  private static boolean sameAs(Criteria a, Criteria b) {
    return a.getDataSensitivity() == b.getDataSensitivity()
        && a.getTimeToProduction() == b.getTimeToProduction()
        && a.getCustomization() == b.getCustomization();
  }

  private void numeric(Input input, List<Flip> flips) {
    BigDecimal sent = input.get().apply(criteria);
    List<BigDecimal> candidates = candidates(input, sent);
    if (sent != null) {
      // above what was sent, nearest first
      BigDecimal unchanged = sent;
      for (BigDecimal v : candidates) {
        if (v.compareTo(sent) > 0) {
          Option o = at(input, v);
          if (o != base) {
            BigDecimal exact = bisect(input, unchanged, v, true);
            flips.add(new Flip(input.field(), number(exact), at(input, exact)));
            break;
          }
          unchanged = v;
        }
      }
    }
    // below what was sent (not sent: below "no limit"), nearest first
    BigDecimal unchanged = sent;
    for (int i = candidates.size() - 1; i >= 0; i--) {
      BigDecimal v = candidates.get(i);
      if (sent == null || v.compareTo(sent) < 0) {
        Option o = at(input, v);
        if (o != base) {
          BigDecimal exact = unchanged == null ? v : bisect(input, unchanged, v, false);
          flips.add(new Flip(input.field(), number(exact), at(input, exact)));
          break;
        }
        unchanged = v;
      }
    }
  }

  /**
   * Between {@code unchanged} (the submitted recommendation) and {@code changed} (another), the
   * value nearest {@code unchanged} that already gives another recommendation.
   */
  private BigDecimal bisect(Input input, BigDecimal unchanged, BigDecimal changed, boolean up) {
    BigDecimal same = unchanged;
    BigDecimal other = changed;
    while (other.subtract(same).abs().compareTo(input.step()) > 0) {
      BigDecimal mid =
          same.add(other)
              .divide(BigDecimal.valueOf(2), input.step().scale(), java.math.RoundingMode.FLOOR);
      if (mid.compareTo(same) == 0 || mid.compareTo(other) == 0) {
        mid = up ? same.add(input.step()) : same.subtract(input.step());
      }
      if (at(input, mid) == base) {
        same = mid;
      } else {
        other = mid;
      }
    }
    return other;
  }

  private List<BigDecimal> candidates(Input input, BigDecimal sent) {
    SortedSet<BigDecimal> points = new TreeSet<>(RuleThresholds.of(rules, input.thresholdsOf()));
    // a sum of inputs (teamSize = mlEngineers + infraEngineers): the threshold less the others
    if (input.field().endsWith("Engineers")) {
      BigDecimal others =
          BigDecimal.valueOf(criteria.getTeamSize()).subtract(input.get().apply(criteria));
      for (BigDecimal t : RuleThresholds.of(rules, "teamSize")) {
        points.add(t.subtract(others));
      }
    }
    if (input.field().equals("monthlyTokens")) {
      CostEstimate cost = evaluation.first(CostEstimate.class);
      if (cost != null) {
        if (cost.breakEvenMonthlyTokens() != null) {
          points.add(BigDecimal.valueOf(cost.breakEvenMonthlyTokens()));
        }
        for (CostEstimate.TokenRange r : cost.selfHostCheaperRanges()) {
          points.add(BigDecimal.valueOf(r.fromTokens()));
          if (r.toTokens() != null) {
            points.add(BigDecimal.valueOf(r.toTokens()));
          }
        }
      }
    }
    if (input.field().equals("labeledExamples")) {
      for (ExampleMinimum m : evaluation.facts(ExampleMinimum.class)) {
        points.add(BigDecimal.valueOf(m.labeledExamples()));
      }
    }
    SortedSet<BigDecimal> probes = new TreeSet<>();
    probes.add(input.min());
    for (BigDecimal p : points) {
      for (BigDecimal v : List.of(p.subtract(input.step()), p, p.add(input.step()))) {
        if (v.compareTo(input.min()) >= 0
            && (!input.field().equals("monthlyTokens") || v.compareTo(MAX_TOKENS) <= 0)
            && (input.step().scale() > 0 || v.stripTrailingZeros().scale() <= 0)) {
          probes.add(v.setScale(input.step().scale(), java.math.RoundingMode.UNNECESSARY));
        }
      }
    }
    if (sent != null) {
      probes.remove(sent);
    }
    return new ArrayList<>(probes);
  }

  private Option at(Input input, BigDecimal value) {
    Criteria c = criteria.copy();
    input.set().accept(c, value);
    return decide(c);
  }

  private Option decide(Criteria c) {
    runs++;
    return recommendation(RuleEngine.evaluate(rules, Recommender.facts(c, today)));
  }

  private static Option recommendation(Evaluation e) {
    DeploymentVerdict v = e.first(DeploymentVerdict.class);
    return v == null ? null : v.recommendation();
  }

  /** Whole numbers as integers; money with its cents. */
  private static Object number(BigDecimal v) {
    BigDecimal plain = v.stripTrailingZeros();
    return plain.scale() <= 0 ? (Object) plain.toBigIntegerExact() : v;
  }

  int runs() {
    return runs;
  }

  /** One input value at which the recommendation changes, and what it becomes (null: nothing). */
  @io.swagger.v3.oas.annotations.media.Schema(name = "Flip")
  record Flip(
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "The request field",
              example = "upfrontBudgetUsd")
          String field,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "The nearest value (above or below the submitted one) at which the"
                      + " recommendation changes: a number, or an enum value",
              types = {"number", "string"},
              example = "49999.99")
          Object value,
      @io.swagger.v3.oas.annotations.media.Schema(
              description = "What the recommendation becomes; null when nothing is feasible",
              nullable = true)
          Option recommendation) {
    Flip {
      Objects.requireNonNull(field);
    }
  }
}
