package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;

/**
 * Each option's cost month by month: API (and fine-tuned) prices change by {@code
 * apiPriceChangePerYear} and the volume by {@code volumeGrowthPerYear}, compounded once a year (a
 * list price moves in steps, not continuously: month 1 to 12 at today's figures, 13 to 24 at one
 * year's change, and so on); self-hosting is re-sized for each year's volume, its bought GPUs kept
 * (a later year buys only the replicas it adds) and its team grown with the fleet. Without either
 * field every month is the first, and the totals are upfront + months × (monthly + labour).
 */
final class CostOverTime {
  /** The longest horizon the contract accepts, and how far break-even is looked for. */
  static final int MAX_MONTHS = 120;

  private static final int MONTHS_A_YEAR = 12;

  /** One option's months: upfront paid before month 1, then each month's bill and labour. */
  record Months(Option option, BigDecimal upfront, List<BigDecimal> paid, boolean constant) {
    Months(Option option, BigDecimal upfront, List<BigDecimal> paid) {
      this(option, upfront, paid, false);
    }

    /** Cumulative cost at the end of month {@code m} (0: the upfront alone); null when unpriced. */
    BigDecimal totalAt(int m) {
      if (paid == null) {
        return null;
      }
      BigDecimal total = upfront;
      for (int i = 0; i < m; i++) {
        total = total.add(paid.get(i));
      }
      return total;
    }

    /** Cumulative totals for months 1 … {@code h}. */
    List<BigDecimal> totals(int h) {
      if (paid == null) {
        return null;
      }
      List<BigDecimal> totals = new ArrayList<>(h);
      BigDecimal total = upfront;
      for (int i = 0; i < h; i++) {
        total = total.add(paid.get(i));
        totals.add(CostCalculator.money(total));
      }
      return totals;
    }
  }

  /** Whether months differ from each other (a price change or volume growth was sent). */
  static boolean changes(Criteria c) {
    return nonZero(c.apiPriceChangePerYear()) || nonZero(c.volumeGrowthPerYear());
  }

  private static boolean nonZero(BigDecimal d) {
    return d != null && d.signum() != 0;
  }

  /** The factor of year {@code y} (0 for months 1-12) for a yearly change {@code r}: (1 + r)^y. */
  static BigDecimal yearFactor(BigDecimal r, int month) {
    if (r == null || r.signum() == 0) {
      return BigDecimal.ONE;
    }
    return BigDecimal.ONE.add(r).pow((month - 1) / MONTHS_A_YEAR);
  }

  /**
   * The fractional month at which self-hosting's cumulative cost (upfront included) first comes
   * down to the API's and from which it no longer exceeds it within the months given; 0 when it
   * never costs more; null when that does not happen within them. Linear within the crossing month.
   */
  static BigDecimal breakEvenMonths(Months selfHost, Months api, int months) {
    if (selfHost.paid() == null || api.paid() == null) {
      return null;
    }
    if (selfHost.constant() && api.constant()) {
      return constantBreakEven(selfHost, api, months);
    }
    BigDecimal previous = api.upfront().subtract(selfHost.upfront()); // API ahead by this much
    BigDecimal crossing = previous.signum() >= 0 ? BigDecimal.ZERO : null;
    BigDecimal sh = selfHost.upfront();
    BigDecimal ap = api.upfront();
    for (int m = 1; m <= months; m++) {
      sh = sh.add(selfHost.paid().get(m - 1));
      ap = ap.add(api.paid().get(m - 1));
      BigDecimal lead = ap.subtract(sh);
      if (lead.signum() < 0) {
        crossing = null; // self-hosting has cost more again
      } else if (crossing == null) {
        BigDecimal step = lead.subtract(previous);
        crossing =
            BigDecimal.valueOf(m - 1L)
                .add(previous.negate().divide(step, 6, RoundingMode.HALF_EVEN));
      }
      previous = lead;
    }
    return crossing == null ? null : crossing.setScale(1, RoundingMode.HALF_UP);
  }

  /**
   * The same month after month: self-hosting catches up by (API − self-hosting) a month on an
   * upfront gap; the month it has caught up, to one decimal, if within {@code months}.
   */
  private static BigDecimal constantBreakEven(Months selfHost, Months api, int months) {
    BigDecimal gap = selfHost.upfront().subtract(api.upfront());
    BigDecimal saving = api.paid().get(0).subtract(selfHost.paid().get(0));
    if (gap.signum() <= 0) {
      return saving.signum() >= 0 ? BigDecimal.ZERO.setScale(1) : null;
    }
    if (saving.signum() <= 0) {
      return null;
    }
    BigDecimal m = gap.divide(saving, 6, RoundingMode.HALF_EVEN);
    return m.compareTo(BigDecimal.valueOf(months)) > 0 ? null : m.setScale(1, RoundingMode.HALF_UP);
  }
}
