package org.llmstrategy.recommend.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.llmstrategy.facts.Option;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.recommend.request.RequestFields;
import org.llmstrategy.recommend.sweep.SweepResult.Change;
import org.llmstrategy.recommend.sweep.SweepResult.CheapestApi;
import org.llmstrategy.recommend.sweep.SweepResult.OptionMonthly;
import org.llmstrategy.recommend.sweep.SweepResult.Point;
import org.llmstrategy.rules.run.RuleSet;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides a request at every value of one field, with one rule set, and narrows each change of the
 * answer down to the field's step by bisection: between two points that answer differently, the
 * value halfway is decided, and so on, so a change is found exactly whatever the points. A change
 * that goes and comes back between two points is not seen; more points find it.
 */
final class Sweep {
  /**
   * Decisions spent on narrowing changes down, at most. The shipped rules need some 30 per change
   * over monthlyTokens; a rule set whose answer alternated on every step would otherwise cost a
   * decision per step. Beyond it, changes are reported at the point before them, not exact.
   */
  static final int MAX_NARROWING_DECISIONS = 2_000;

  private final Recommender recommender;
  private final RuleSet rules;
  private final SweepReader.Plan plan;
  private final BigDecimal step;
  private final Map<BigDecimal, Point> decided = new HashMap<>();
  private final LocalDate today;
  private int narrowing;

  private Sweep(Recommender recommender, RuleSet rules, SweepReader.Plan plan, LocalDate today) {
    this.recommender = recommender;
    this.rules = rules;
    this.plan = plan;
    this.today = today;
    this.step = RequestFields.stepOf(plan.field());
  }

  /** Every point decided on {@code today}, as one POST /recommend that day would be. */
  static SweepResult run(
      Recommender recommender, RuleSet rules, SweepReader.Plan plan, LocalDate today) {
    return new Sweep(recommender, rules, plan, today).run();
  }

  private SweepResult run() {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < plan.values().size(); i++) {
      BigDecimal v = plan.values().get(i);
      Point p = PointView.of(v, recommender.decide(rules, plan.criteria().get(i), today));
      decided.put(v, p);
      points.add(p);
    }
    List<Change> changes = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      narrow(points.get(i - 1), points.get(i), changes);
    }
    return new SweepResult(rules.version(), plan.field(), points, changes);
  }

  /** Finds the changes between {@code a} and {@code b}, in ascending order. */
  private void narrow(Point a, Point b, List<Change> changes) {
    if (sameAnswer(a, b)) {
      return;
    }
    boolean adjacent = b.value().subtract(a.value()).compareTo(step) <= 0;
    if (adjacent || narrowing >= MAX_NARROWING_DECISIONS) {
      addChanges(a, b, adjacent, changes);
      return;
    }
    BigDecimal middle =
        a.value().add(b.value()).divide(BigDecimal.valueOf(2), step.scale(), RoundingMode.FLOOR);
    if (middle.compareTo(a.value()) <= 0) {
      middle = a.value().add(step);
    }
    Point m = at(middle);
    narrow(a, m, changes);
    narrow(m, b, changes);
  }

  private Point at(BigDecimal value) {
    BigDecimal v = SweepReader.plain(value);
    return decided.computeIfAbsent(
        v,
        x -> {
          narrowing++;
          return PointView.of(x, recommender.decide(rules, plan.at().at(x), today));
        });
  }

  private static boolean sameAnswer(Point a, Point b) {
    return a.recommendation() == b.recommendation() && a.cheaperOption() == b.cheaperOption();
  }

  private static void addChanges(Point a, Point b, boolean exact, List<Change> changes) {
    if (a.recommendation() != b.recommendation()) {
      changes.add(
          new Change(a.value(), "recommendation", a.recommendation(), b.recommendation(), exact));
    }
    if (a.cheaperOption() != b.cheaperOption()) {
      changes.add(
          new Change(a.value(), "cheaperOption", a.cheaperOption(), b.cheaperOption(), exact));
    }
  }

  /**
   * One answer as a sweep point. The cost is read in its published shape, so the point follows
   * {@code cost.options[]} and {@code cost.cheapestApi} where the answer has them, and the API and
   * self-host figures where it does not.
   */
  static final class PointView {
    /** Money stays BigDecimal through the tree: 2000.00 is not read back as the double 2000.0. */
    private static final JsonMapper JSON =
        JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PointView() {}

    static Point of(BigDecimal value, Recommendation r) {
      if (r.cost() == null) {
        return new Point(value, r.deployment().recommendation(), null, List.of(), null);
      }
      JsonNode cost = JSON.valueToTree(r.cost());
      List<OptionMonthly> options = new ArrayList<>();
      if (cost.path("options").isArray()) {
        for (JsonNode o : cost.path("options")) {
          if (o.path("monthlyUsd").isNumber()) {
            options.add(
                new OptionMonthly(
                    o.path("option").asString(),
                    o.path("monthlyUsd").decimalValue(),
                    decimalOrNull(o.path("upfrontUsd")),
                    decimalOrNull(o.path("labourMonthlyUsd")),
                    decimalOrNull(o.path("horizonUsd"))));
          }
        }
      } else {
        addIfPriced(options, Option.API, cost.path("apiMonthlyUsd"));
        addIfPriced(options, Option.SELF_HOST, cost.path("selfHostMonthlyUsd"));
      }
      JsonNode cheapest = cost.path("cheapestApi");
      CheapestApi cheapestApi =
          cheapest.path("monthlyUsd").isNumber()
              ? new CheapestApi(
                  cheapest.path("model").asString(), cheapest.path("monthlyUsd").decimalValue())
              : null;
      Option cheaper =
          cost.path("cheaperOption").isString()
              ? Option.valueOf(cost.path("cheaperOption").asString())
              : null;
      return new Point(
          value, r.deployment().recommendation(), cheaper, List.copyOf(options), cheapestApi);
    }

    private static void addIfPriced(List<OptionMonthly> options, Option option, JsonNode usd) {
      if (usd.isNumber()) {
        options.add(
            new OptionMonthly(
                option.name(), Objects.requireNonNull(usd.decimalValue()), null, null, null));
      }
    }

    private static BigDecimal decimalOrNull(JsonNode n) {
      return n.isNumber() ? n.decimalValue() : null;
    }
  }
}
