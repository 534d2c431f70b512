package org.llmstrategy.recommend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.ExampleMinimum;
import org.llmstrategy.facts.Option;
import org.llmstrategy.recommend.request.RequestFields;
import org.llmstrategy.rules.run.Evaluation;
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
  /**
   * One numeric input: its request field, and the least value, the greatest and the step the
   * request's constraints allow it (what the reader would accept).
   */
  private record Input(String field, BigDecimal min, BigDecimal max, BigDecimal step) {
    static Input of(String field) {
      Criteria.typeOf(field); // a field that is no longer a request field stops the class loading
      return new Input(
          field,
          RequestFields.minOf(field),
          RequestFields.maxOf(field),
          RequestFields.stepOf(field));
    }

    BigDecimal in(Criteria c) {
      Object v = c.get(field);
      return v == null || v instanceof BigDecimal
          ? (BigDecimal) v
          : BigDecimal.valueOf(((Number) v).longValue());
    }
  }

  /** The numeric inputs varied, in the order their flips are listed. */
  private static final List<Input> INPUTS =
      Stream.of(
              "monthlyTokens",
              "upfrontBudgetUsd",
              "latencyBudgetMs",
              "mlEngineers",
              "infraEngineers",
              "labeledExamples")
          .map(Input::of)
          .toList();

  /**
   * The inputs of one of a few values, each value tried, listed after the numeric ones; whether
   * retrieval meets the quality bar is one (true or false: the matrix's remedy for an API that
   * cannot deliver the fine-tuning a task needs).
   */
  private static final List<String> ENUMERATED =
      Stream.of("dataSensitivity", "timeToProduction", "customization", "ragMeetsQualityBar")
          .peek(Flips::requireEnumField)
          .toList();

  private final RuleSet rules;
  private final Criteria criteria;
  private final Option base;
  private final Evaluation evaluation;
  private final Redecisions decisions;

  private Flips(RuleSet rules, Criteria criteria, Evaluation evaluation, Redecisions decisions) {
    this.rules = rules;
    this.criteria = criteria;
    this.evaluation = evaluation;
    this.decisions = decisions;
    this.base = Redecisions.recommendation(evaluation);
  }

  /**
   * The flips of an answer the rules gave as {@code evaluation} for {@code criteria}, each decided
   * by {@code decisions} (on the answer's day). Those that change the winner come first, those that
   * only leave nothing feasible after them: how to get another answer matters more than how to
   * break this one.
   */
  static List<Flip> of(
      RuleSet rules, Criteria criteria, Evaluation evaluation, Redecisions decisions) {
    return new Flips(rules, criteria, evaluation, decisions).find();
  }

  /**
   * The values flips try for each input they vary, by field, in the order flips lists the inputs:
   * for a number, the rules' thresholds (each, one step below and one above) and the least value;
   * for one of a few values, each other value. The submitted value is never among them.
   */
  static Map<String, List<Object>> candidates(
      RuleSet rules, Criteria criteria, Evaluation evaluation) {
    Flips f = new Flips(rules, criteria, evaluation, null);
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (Input input : INPUTS) {
      values.put(input.field(), List.copyOf(f.candidates(input, input.in(criteria), true)));
    }
    for (String field : ENUMERATED) {
      List<Object> others = new ArrayList<>();
      for (Object value : valuesOf(field)) {
        if (!value.equals(criteria.get(field))) {
          others.add(value);
        }
      }
      values.put(field, List.copyOf(others));
    }
    return values;
  }

  private List<Flip> find() {
    List<Flip> flips = new ArrayList<>();
    for (Input input : INPUTS) {
      numeric(input, flips);
    }
    for (String field : ENUMERATED) {
      enumerated(field, flips);
    }
    List<Flip> ordered = new ArrayList<>();
    flips.stream().filter(f -> f.recommendation() != null).forEach(ordered::add);
    flips.stream().filter(f -> f.recommendation() == null).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  private void enumerated(String field, List<Flip> flips) {
    for (Object value : valuesOf(field)) {
      if (value.equals(criteria.get(field))) {
        continue; // the submitted value again is no flip
      }
      Option o = decide(criteria.with(field, value));
      if (o != base) {
        flips.add(new Flip(field, value instanceof Enum<?> e ? e.name() : value, o));
      }
    }
  }

  /** Every value of a field of one of a few values: an enum's constants, or true and false. */
  private static List<Object> valuesOf(String field) {
    Class<?> type = Criteria.typeOf(field);
    return type == Boolean.class ? List.of(true, false) : List.of(type.getEnumConstants());
  }

  private static void requireEnumField(String field) {
    Class<?> type = Criteria.typeOf(field);
    if (!type.isEnum() && type != Boolean.class) {
      throw new IllegalStateException(field + " is not a request field of one of a few values");
    }
  }

  private void numeric(Input input, List<Flip> flips) {
    BigDecimal sent = input.in(criteria);
    List<BigDecimal> candidates = candidates(input, sent, false);
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

  /**
   * The values tried for one input, ascending. With {@code everyPoint}, each point itself too (what
   * it would take proposes a threshold rather than a value one step past it); without, a table's
   * number compared on one side only is left out, since it answers as one of its neighbours.
   */
  private List<BigDecimal> candidates(Input input, BigDecimal sent, boolean everyPoint) {
    RuleThresholds thresholds = rules.thresholds();
    SortedSet<BigDecimal> points = new TreeSet<>(thresholds.of(input.field()));
    // the points whose own value is tried, not only the values one step either side: a table
    // number compared on both sides (==, or >= in one row and <= in another), and every point that
    // is not a table's number (the cost's break-even, the knowledge table's example minimum). A
    // number compared on one side answers as one of its neighbours: the walk tries those, and the
    // bisection between them tries the number itself only when the answer changes there.
    SortedSet<BigDecimal> alone = new TreeSet<>(thresholds.onTheirOwn(input.field()));
    // a sum of inputs (teamSize = mlEngineers + infraEngineers): the threshold less the others
    if (input.field().endsWith("Engineers")) {
      BigDecimal others = BigDecimal.valueOf(criteria.teamSize()).subtract(input.in(criteria));
      for (BigDecimal t : thresholds.of("teamSize")) {
        points.add(t.subtract(others));
      }
      for (BigDecimal t : thresholds.onTheirOwn("teamSize")) {
        alone.add(t.subtract(others));
      }
    }
    // points the rules compute, not a table's numbers: each is tried itself too
    List<BigDecimal> computed = new ArrayList<>();
    if (input.field().equals("monthlyTokens")) {
      CostEstimate cost = evaluation.first(CostEstimate.class);
      if (cost != null) {
        if (cost.breakEvenMonthlyTokens() != null) {
          computed.add(BigDecimal.valueOf(cost.breakEvenMonthlyTokens()));
        }
        for (CostEstimate.TokenRange r : cost.selfHostCheaperRanges()) {
          computed.add(BigDecimal.valueOf(r.fromTokens()));
          if (r.toTokens() != null) {
            computed.add(BigDecimal.valueOf(r.toTokens()));
          }
        }
      }
    }
    if (input.field().equals("labeledExamples")) {
      for (ExampleMinimum m : evaluation.facts(ExampleMinimum.class)) {
        computed.add(BigDecimal.valueOf(m.labeledExamples()));
      }
    }
    points.addAll(computed);
    alone.addAll(computed);
    SortedSet<BigDecimal> probes = new TreeSet<>();
    probes.add(input.min());
    for (BigDecimal p : points) {
      List<BigDecimal> around =
          everyPoint || alone.contains(p)
              ? List.of(p.subtract(input.step()), p, p.add(input.step()))
              : List.of(p.subtract(input.step()), p.add(input.step()));
      for (BigDecimal v : around) {
        if (v.compareTo(input.min()) >= 0
            && (input.max() == null || v.compareTo(input.max()) <= 0)
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
    return decide(criteria.with(input.field(), value));
  }

  private Option decide(Criteria c) {
    return decisions.recommendation(c);
  }

  /** Whole numbers as integers; money with its cents. */
  static Object number(BigDecimal v) {
    BigDecimal plain = v.stripTrailingZeros();
    return plain.scale() <= 0 ? (Object) plain.toBigIntegerExact() : v;
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
                      + " recommendation changes: a number, an enum value, or true or false",
              types = {"number", "string", "boolean"},
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
