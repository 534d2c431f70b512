package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.SelfHostSetup;

/**
 * Which self-host setups serve which model. Each setup says the largest model it serves (billions
 * of parameters); setups saying the same size form one staircase. A model is served by the
 * staircase of the smallest size that fits it; the reference staircase (the article's "Self-Host
 * Cost (70B)") is that of the smallest size, together with setups that give no size.
 */
public final class ModelSizing {
  private ModelSizing() {}

  /** The article's staircase: setups of the smallest size, and setups without one. */
  public static List<SelfHostSetup> referenceStaircase(List<SelfHostSetup> setups) {
    BigDecimal smallest =
        setups.stream()
            .map(SelfHostSetup::maxParametersBillions)
            .filter(Objects::nonNull)
            .min(BigDecimal::compareTo)
            .orElse(null);
    return setups.stream()
        .filter(s -> s.maxParametersBillions() == null || sameSize(s, smallest))
        .toList();
  }

  /**
   * The setups that serve {@code model}: the staircase of the smallest size at least its parameter
   * count; the reference staircase for a model of unknown size or one that fits it; empty when no
   * setup serves a model that large.
   */
  public static List<SelfHostSetup> staircaseFor(CatalogModel model, List<SelfHostSetup> setups) {
    List<SelfHostSetup> reference = referenceStaircase(setups);
    BigDecimal size = model.parametersBillions();
    if (size == null || reference.stream().allMatch(s -> fits(size, s))) {
      return reference;
    }
    BigDecimal fitting =
        setups.stream()
            .map(SelfHostSetup::maxParametersBillions)
            .filter(max -> max != null && max.compareTo(size) >= 0)
            .min(BigDecimal::compareTo)
            .orElse(null);
    return fitting == null ? List.of() : setups.stream().filter(s -> sameSize(s, fitting)).toList();
  }

  /**
   * What self-hosting {@code model} costs a month at {@code volume}; null when nothing serves it.
   */
  public static BigDecimal selfHostMonthlyUsd(
      CatalogModel model, long volume, List<SelfHostSetup> setups) {
    CostCalculator.Quote q = CostCalculator.selfHostQuote(volume, staircaseFor(model, setups));
    return q == null ? null : CostCalculator.money(q.monthlyUsd());
  }

  /**
   * The model of {@code models} that costs least to self-host at {@code volume}, each on the setups
   * that serve its size (ties: the name first in order); null when no setup serves any.
   */
  public static CatalogModel cheapest(
      List<CatalogModel> models, long volume, List<SelfHostSetup> setups) {
    CatalogModel best = null;
    BigDecimal bestCost = null;
    for (CatalogModel m : models) {
      BigDecimal cost = selfHostMonthlyUsd(m, volume, setups);
      if (cost == null) {
        continue;
      }
      int c = bestCost == null ? -1 : cost.compareTo(bestCost);
      if (c < 0 || c == 0 && m.name().compareTo(best.name()) < 0) {
        best = m;
        bestCost = cost;
      }
    }
    return best;
  }

  private static boolean fits(BigDecimal size, SelfHostSetup s) {
    return s.maxParametersBillions() == null || s.maxParametersBillions().compareTo(size) >= 0;
  }

  private static boolean sameSize(SelfHostSetup s, BigDecimal size) {
    return size != null
        && s.maxParametersBillions() != null
        && s.maxParametersBillions().compareTo(size) == 0;
  }
}
