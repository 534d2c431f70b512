package org.llmstrategy.recommend.sensitivity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.llmstrategy.facts.Option;
import org.llmstrategy.recommend.Cost.OptionCostView;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.recommend.sensitivity.SensitivityResult.InputSwing;
import org.llmstrategy.recommend.sensitivity.SensitivityResult.OptionCost;
import org.llmstrategy.recommend.sensitivity.SensitivityResult.OptionSwing;
import org.llmstrategy.rules.run.RuleSet;

/**
 * Decides the criteria as sent and at both ends of every move, with one rule set: one decision plus
 * two per input (some 30 for a request that sends every numeric field), each a live decision within
 * the engine's bound and {@code decision.deadline}, like a sweep's points.
 */
final class Sensitivity {
  private Sensitivity() {}

  static SensitivityResult run(
      Recommender recommender, RuleSet rules, SensitivityReader.Plan plan, LocalDate today) {
    Recommendation base = recommender.decide(rules, plan.criteria(), today);
    List<InputSwing> inputs = new ArrayList<>();
    for (SensitivityReader.Move m : plan.moves()) {
      Recommendation low = recommender.decide(rules, m.atLow(), today);
      Recommendation high = recommender.decide(rules, m.atHigh(), today);
      inputs.add(swing(m, low, high));
    }
    // largest swing first; a stable sort keeps the request's order among equal swings
    inputs.sort(Comparator.comparing(InputSwing::swingUsd).reversed());
    List<OptionCost> options =
        costs(base).values().stream()
            .map(o -> new OptionCost(o.option(), o.horizonUsd(), o.monthlyUsd()))
            .toList();
    return new SensitivityResult(
        base.rulesVersion(),
        plan.change(),
        base.deployment().recommendation(),
        options,
        List.copyOf(inputs));
  }

  private static InputSwing swing(
      SensitivityReader.Move m, Recommendation low, Recommendation high) {
    Map<Option, OptionCostView> atLow = costs(low);
    Map<Option, OptionCostView> atHigh = costs(high);
    List<OptionSwing> options = new ArrayList<>();
    BigDecimal swing = BigDecimal.ZERO;
    for (Option o : Option.values()) {
      OptionCostView l = atLow.get(o);
      OptionCostView h = atHigh.get(o);
      if (l == null && h == null) {
        continue;
      }
      OptionSwing s =
          new OptionSwing(
              o,
              l == null ? null : l.horizonUsd(),
              h == null ? null : h.horizonUsd(),
              l == null ? null : l.monthlyUsd(),
              h == null ? null : h.monthlyUsd());
      options.add(s);
      BigDecimal d =
          difference(s.horizonUsdLow(), s.horizonUsdHigh())
              .max(
                  s.horizonUsdLow() == null && s.horizonUsdHigh() == null
                      ? difference(s.monthlyUsdLow(), s.monthlyUsdHigh())
                      : BigDecimal.ZERO);
      swing = swing.max(d);
    }
    return new InputSwing(
        m.field(),
        m.value(),
        m.low(),
        m.high(),
        low.deployment().recommendation(),
        high.deployment().recommendation(),
        swing,
        List.copyOf(options));
  }

  /** |b − a|, or 0 when either is unknown. */
  private static BigDecimal difference(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? BigDecimal.ZERO : b.subtract(a).abs();
  }

  /** The answer's cost.options by option (none without a cost answer). */
  private static Map<Option, OptionCostView> costs(Recommendation r) {
    if (r.cost() == null || r.cost().options() == null) {
      return Map.of();
    }
    return r.cost().options().stream()
        .filter(o -> o.monthlyUsd() != null || o.horizonUsd() != null)
        .collect(
            Collectors.toMap(
                OptionCostView::option,
                Function.identity(),
                (a, b) -> a,
                () -> new java.util.EnumMap<>(Option.class)));
  }
}
