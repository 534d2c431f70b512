package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionCost;
import org.llmstrategy.facts.OptionTotal;
import org.llmstrategy.facts.Quality;

/**
 * What an option costs over the horizon the options are compared on (CostPremium.drl): the
 * request's {@code horizonMonths}, or else the rules' default horizon, so that an upfront cost
 * always counts against a monthly saving.
 */
public final class HorizonCost {
  private HorizonCost() {}

  /**
   * The months compared: the request's horizon, or {@code defaultMonths} when it sends none.
   *
   * @param defaultMonths DEFAULT_HORIZON_MONTHS of the constants
   */
  public static int months(Criteria criteria, int defaultMonths) {
    return criteria.horizonMonths() != null ? criteria.horizonMonths() : defaultMonths;
  }

  /**
   * The request as the cost estimate reads it: with its own {@code horizonMonths}, or else the
   * default horizon the options are compared on, so that every figure of the answer (each option's
   * {@code horizonUsd}, {@code cheaperOption}, break-even) counts the upfront and labour over the
   * same months the options are weighed on. {@code horizons}: the rules' {@link
   * org.llmstrategy.facts.ComparisonHorizon} facts (none when the constants do not set it: then the
   * request as it is).
   */
  public static Criteria compared(Criteria criteria, List<?> horizons) {
    if (criteria.horizonMonths() != null || horizons.isEmpty()) {
      return criteria;
    }
    int months = ((org.llmstrategy.facts.ComparisonHorizon) horizons.get(0)).months();
    return criteria.with("horizonMonths", months);
  }

  /**
   * The option's total over {@code months}: the estimate's own {@code horizonUsd} when that is the
   * request's horizon (prices and volume changing year by year included); otherwise upfront +
   * months × (first month's bill + labour), which is exact as long as nothing changes over time
   * (without a horizon the request's yearly changes cannot be laid out month by month: the
   * comparison then holds the first month's figures, and cost.assumptions says so). Null when the
   * estimate does not price the option.
   */
  public static OptionCost of(CostEstimate estimate, Option option, Criteria criteria, int months) {
    OptionTotal total = estimate.option(option);
    if (total == null || total.monthlyUsd() == null) {
      return null;
    }
    BigDecimal usd;
    if (total.horizonUsd() != null
        && total.totalByMonthUsd() != null
        && total.totalByMonthUsd().size() == months) {
      usd = total.horizonUsd();
    } else {
      BigDecimal month = total.monthlyUsd();
      if (total.labourMonthlyUsd() != null) {
        month = month.add(total.labourMonthlyUsd());
      }
      usd = total.upfrontUsd().add(month.multiply(BigDecimal.valueOf(months)));
    }
    return new OptionCost(
        option,
        CostCalculator.money(usd),
        months,
        usd.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_EVEN));
  }

  /**
   * Whether the cheaper option's total may weigh against the costlier one's: with minQuality both
   * are priced on models that meet it; without, only when the cheaper option's model is rated at
   * least as high as the costlier one's (an option priced on a lower-rated or unrated model buys
   * less, so its lower price is no premium the other pays).
   */
  public static boolean comparable(
      Criteria criteria, CostEstimate estimate, Catalog catalog, Option costlier, Option cheaper) {
    if (criteria.minQuality() != null) {
      return true;
    }
    Quality high = quality(estimate, catalog, costlier);
    Quality low = quality(estimate, catalog, cheaper);
    return high != null && low != null && low.ordinal() >= high.ordinal();
  }

  /** The model the estimate prices the option on, as the catalog names it (null: none). */
  public static String model(CostEstimate estimate, Option option) {
    return switch (option) {
      case API -> estimate.referenceModel();
      case FINE_TUNE -> estimate.fineTuneModel();
      case SELF_HOST -> estimate.selfHostModel();
    };
  }

  private static Quality quality(CostEstimate estimate, Catalog catalog, Option option) {
    List<CatalogModel> named = catalog.named(model(estimate, option));
    return named.isEmpty() ? null : named.get(0).quality();
  }
}
