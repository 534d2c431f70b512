package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTerms;
import org.llmstrategy.facts.OptionTotal;
import org.llmstrategy.facts.SelfHostDefaults;

/**
 * An option's cost beyond its monthly bill, from the option terms of {@code cost/OptionCosts}:
 * upfront, labour (engineers × the request's engineer cost, only when the request gives one) and
 * the total over the request's horizon; and fine-tuning's bill (the fine-tuned model's per-token
 * price and its retraining runs).
 */
final class TotalCost {
  private final Criteria criteria;
  private final List<OptionTerms> terms;
  private final SelfHostDefaults defaults;

  TotalCost(Criteria criteria, List<OptionTerms> terms, SelfHostDefaults defaults) {
    this.criteria = criteria;
    this.terms = List.copyOf(terms);
    this.defaults = defaults;
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
    return labour(option, null);
  }

  /**
   * Labour a month for an option that runs {@code gpus} GPUs (null: not known): the option's team,
   * or one engineer per GPUS_PER_ENGINEER GPUs when the fleet needs more. Null without an engineer
   * cost.
   */
  BigDecimal labour(Option option, Long gpus) {
    BigDecimal salary = criteria.engineerMonthlyUsd();
    if (salary == null) {
      return null;
    }
    return salary.multiply(BigDecimal.valueOf(engineers(option, gpus)));
  }

  long engineers(Option option, Long gpus) {
    OptionTerms t = terms(option);
    long team = t == null ? 0 : t.team();
    if (gpus != null && defaults != null && gpus > 0) {
      long fleet = (gpus + defaults.gpusPerEngineer() - 1) / defaults.gpusPerEngineer();
      team = Math.max(team, fleet);
    }
    return team;
  }

  /**
   * Over the horizon (h = 1 without one), what {@code option} costs beyond its bill minus what the
   * API costs beyond its own: h·(labour − API labour) + (upfront − API upfront) with a horizon,
   * labour − API labour without; labour counts only with an engineer cost.
   */
  BigDecimal fixedBeyondApi(Option option, boolean upfrontFromTerms) {
    BigDecimal fixed = BigDecimal.ZERO;
    BigDecimal labour = labour(option);
    if (labour != null) {
      fixed = fixed.add(labour.subtract(labour(Option.API)).multiply(horizon()));
    }
    if (criteria.horizonMonths() != null) {
      fixed =
          fixed
              .add(upfrontFromTerms ? upfront(option) : BigDecimal.ZERO)
              .subtract(upfront(Option.API));
    }
    return fixed;
  }

  /** The option's upfront as the option costs give it. */
  BigDecimal termsUpfront(Option option) {
    return upfront(option);
  }

  /**
   * The option's figures at the submitted volume (its first month) and, with a horizon, its total
   * over it and its cumulative totals month by month.
   */
  OptionTotal option(Option option, CostOverTime.Months months, Long gpus) {
    BigDecimal monthly = months.paid() == null ? null : firstBill(option, months, gpus);
    BigDecimal labour = labour(option, gpus);
    Integer h = criteria.horizonMonths();
    List<BigDecimal> byMonth = h == null ? null : months.totals(h);
    BigDecimal horizonUsd = h == null ? null : months.totalAt(h);
    return new OptionTotal(
        option,
        CostCalculator.money(months.upfront()),
        monthly == null ? null : CostCalculator.money(monthly),
        labour == null ? null : CostCalculator.money(labour),
        horizonUsd == null ? null : CostCalculator.money(horizonUsd),
        byMonth);
  }

  private BigDecimal firstBill(Option option, CostOverTime.Months months, Long gpus) {
    BigDecimal labour = labour(option, gpus);
    BigDecimal first = months.paid().get(0);
    return labour == null ? first : first.subtract(labour);
  }

  /**
   * An option's months: its upfront, then each month's bill (from {@code bill}, null when the
   * option cannot be priced that month) plus its labour.
   */
  CostOverTime.Months months(
      Option option, BigDecimal upfront, int count, java.util.function.IntFunction<Bill> bill) {
    if (!CostOverTime.changes(criteria)) {
      // every month is the first: one bill, repeated (no list of 120 figures for each request)
      Bill b = bill.apply(1);
      if (b == null) {
        return new CostOverTime.Months(option, upfront, null);
      }
      return new CostOverTime.Months(
          option, upfront, Collections.nCopies(count, paid(option, b)), true);
    }
    List<BigDecimal> paid = new ArrayList<>(count);
    for (int m = 1; m <= count; m++) {
      Bill b = bill.apply(m);
      if (b == null) {
        return new CostOverTime.Months(option, upfront, null);
      }
      paid.add(paid(option, b));
    }
    return new CostOverTime.Months(option, upfront, paid);
  }

  /** What a month costs the option: its bill, what it buys that month, and its labour. */
  private BigDecimal paid(Option option, Bill b) {
    BigDecimal labour = labour(option, b.gpus());
    BigDecimal month = b.monthlyUsd().add(b.upfrontAddedUsd());
    return labour == null ? month : month.add(labour);
  }

  /** A month's bill, what it adds upfront (GPUs bought for a grown volume) and its GPUs. */
  record Bill(BigDecimal monthlyUsd, BigDecimal upfrontAddedUsd, Long gpus) {
    static Bill of(BigDecimal monthlyUsd) {
      return new Bill(monthlyUsd, BigDecimal.ZERO, null);
    }
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
