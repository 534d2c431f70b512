package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTerms;
import org.llmstrategy.facts.OptionTotal;

/**
 * An option's cost beyond its monthly bill, from the option terms of {@code cost/OptionCosts}:
 * upfront, labour (engineers × the request's engineer cost, only when the request gives one) and
 * the total over the request's horizon; and fine-tuning's bill (the fine-tuned model's per-token
 * price and its retraining runs).
 */
final class TotalCost {
  private final Criteria criteria;
  private final List<OptionTerms> terms;

  TotalCost(Criteria criteria, List<OptionTerms> terms) {
    this.criteria = criteria;
    this.terms = List.copyOf(terms);
  }

  /** The horizon in months, 1 without one (break-even compares one month then). */
  BigDecimal horizon() {
    Integer h = criteria.horizonMonths();
    return BigDecimal.valueOf(h == null ? 1 : h);
  }

  private OptionTerms terms(Option option) {
    return terms.stream().filter(t -> t.option() == option).findFirst().orElse(null);
  }

  private BigDecimal upfront(Option option) {
    OptionTerms t = terms(option);
    return t == null ? BigDecimal.ZERO : t.upfront();
  }

  /** Labour a month, null when the request gives no engineer cost. */
  private BigDecimal labour(Option option) {
    BigDecimal salary = criteria.engineerMonthlyUsd();
    if (salary == null) {
      return null;
    }
    OptionTerms t = terms(option);
    return salary.multiply(BigDecimal.valueOf(t == null ? 0 : t.team()));
  }

  /**
   * Over the horizon (h = 1 without one), what {@code option} costs beyond its bill minus what the
   * API costs beyond its own: h·(labour − API labour) + (upfront − API upfront) with a horizon,
   * labour − API labour without; labour counts only with an engineer cost.
   */
  BigDecimal fixedBeyondApi(Option option) {
    BigDecimal fixed = BigDecimal.ZERO;
    BigDecimal labour = labour(option);
    if (labour != null) {
      fixed = fixed.add(labour.subtract(labour(Option.API)).multiply(horizon()));
    }
    if (criteria.horizonMonths() != null) {
      fixed = fixed.add(upfront(option).subtract(upfront(Option.API)));
    }
    return fixed;
  }

  OptionTotal option(Option option, BigDecimal monthly) {
    BigDecimal upfront = upfront(option);
    BigDecimal labour = labour(option);
    BigDecimal horizonUsd = null;
    Integer h = criteria.horizonMonths();
    if (h != null && monthly != null) {
      BigDecimal perMonth = labour == null ? monthly : monthly.add(labour);
      horizonUsd = upfront.add(perMonth.multiply(BigDecimal.valueOf(h)));
    }
    return new OptionTotal(
        option,
        CostCalculator.money(upfront),
        monthly == null ? null : CostCalculator.money(monthly),
        labour == null ? null : CostCalculator.money(labour),
        horizonUsd == null ? null : CostCalculator.money(horizonUsd));
  }

  /**
   * Fine-tuning's bill: the reference model's API bill × the fine-tuned price multiplier, plus
   * retraining runs a month × one run (labeled examples × tokens per example × epochs × the
   * training price); a run is not counted when the request does not say how many examples it has.
   * Null when the terms have no FINE_TUNE row.
   */
  BigDecimal fineTuneMonthlyUsd(BigDecimal apiMonthlyUsd) {
    OptionTerms t = terms(Option.FINE_TUNE);
    if (t == null) {
      return null;
    }
    BigDecimal bill =
        t.tunedPriceMultiplier() == null
            ? apiMonthlyUsd
            : apiMonthlyUsd.multiply(t.tunedPriceMultiplier());
    return bill.add(trainingRunUsd(t).multiply(runsPerMonth(t)));
  }

  private static BigDecimal runsPerMonth(OptionTerms t) {
    return t.trainingRunsPerMonth() == null ? BigDecimal.ZERO : t.trainingRunsPerMonth();
  }

  private BigDecimal trainingRunUsd(OptionTerms t) {
    Integer examples = criteria.labeledExamples();
    if (examples == null
        || t.trainingTokensPerExample() == null
        || t.trainingUsdPerMillionTokens() == null) {
      return BigDecimal.ZERO;
    }
    long epochs = t.epochsPerRun() == null ? 1 : t.epochsPerRun();
    BigDecimal tokens =
        BigDecimal.valueOf(examples)
            .multiply(BigDecimal.valueOf(t.trainingTokensPerExample()))
            .multiply(BigDecimal.valueOf(epochs));
    return tokens.multiply(t.trainingUsdPerMillionTokens()).movePointLeft(6);
  }
}
