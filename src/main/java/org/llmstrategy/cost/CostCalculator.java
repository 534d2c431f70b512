package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.CostEstimate.TokenRange;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.facts.Tier;

/**
 * Exact cost arithmetic over the tables' figures, called from {@code rules/cost}. Every price,
 * capacity and step comes from the rules; this class only multiplies, compares and walks the steps.
 *
 * <p>Self-hosting cost is a step function of volume: the smallest setup whose capacity serves it,
 * or whole multiples of the last setup when that one is repeatable. The API cost is linear. So
 * self-hosting can win, lose and win again as volume grows; the ranges say where.
 */
public final class CostCalculator {
  /** The contract's largest monthly volume: ranges are reported over 0 … 10^15 tokens. */
  public static final long MAX_MONTHLY_TOKENS = 1_000_000_000_000_000L;

  /** Bound on the answer's size when pathological steps alternate without end. */
  static final int MAX_RANGES = 1000;

  private static final int MILLION_EXPONENT = 6;

  private CostCalculator() {}

  /** The cost answer at {@code volume}, against the reference model's input price. */
  public static CostEstimate estimate(
      long volume, Tier tier, CatalogModel reference, List<SelfHostSetup> setups) {
    BigDecimal price = reference.inputUsdPerMillionTokens();
    List<SelfHostSetup> steps = sorted(setups);
    BigDecimal api = apiMonthlyUsd(volume, price);
    Quote selfHost = selfHostQuote(volume, steps);
    Option cheaper =
        selfHost != null && selfHost.monthlyUsd().compareTo(api) < 0
            ? Option.SELF_HOST
            : Option.API;
    List<TokenRange> ranges = selfHostCheaperRanges(price, steps);
    Long breakEven = ranges.isEmpty() ? null : ranges.get(0).fromTokens();
    return new CostEstimate(
        tier,
        reference.name(),
        money(api),
        selfHost == null ? null : money(selfHost.monthlyUsd()),
        selfHost == null ? null : selfHost.setup(),
        cheaper,
        breakEven,
        ranges,
        breakEven == null || volume < breakEven);
  }

  /** Volume times the price per million tokens, exactly. */
  public static BigDecimal apiMonthlyUsd(long volume, BigDecimal usdPerMillionTokens) {
    return usdPerMillionTokens.multiply(BigDecimal.valueOf(volume)).movePointLeft(MILLION_EXPONENT);
  }

  /** A setup that serves a volume, and what it costs a month. */
  public record Quote(String setup, BigDecimal monthlyUsd) {}

  /** The cheapest way the steps serve {@code volume}; null when no setup can serve it. */
  public static Quote selfHostQuote(long volume, List<SelfHostSetup> setups) {
    List<SelfHostSetup> steps = sorted(setups);
    for (SelfHostSetup s : steps) {
      if (volume <= s.capacityTokens()) {
        return new Quote(s.name(), s.monthlyUsd());
      }
    }
    SelfHostSetup last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last == null || !last.repeatable() || last.capacityTokens() <= 0) {
      return null;
    }
    long units = volume / last.capacityTokens() + (volume % last.capacityTokens() == 0 ? 0 : 1);
    return new Quote(
        units + " × " + last.name(), last.monthlyUsd().multiply(BigDecimal.valueOf(units)));
  }

  /**
   * Every volume range (both ends inclusive) where self-hosting costs no more than the API, in
   * ascending order; the first range starts at the break-even volume.
   */
  public static List<TokenRange> selfHostCheaperRanges(
      BigDecimal usdPerMillionTokens, List<SelfHostSetup> setups) {
    List<SelfHostSetup> steps = sorted(setups);
    Ranges ranges = new Ranges();
    long lower = 0;
    for (SelfHostSetup s : steps) {
      if (s.capacityTokens() >= lower) {
        ranges.addWhereCheaper(lower, s.capacityTokens(), s.monthlyUsd(), usdPerMillionTokens);
        lower = s.capacityTokens() + 1;
      }
    }
    SelfHostSetup last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last != null && last.repeatable() && last.capacityTokens() > 0) {
      addMultiples(ranges, last, usdPerMillionTokens);
    }
    return ranges.list();
  }

  /** Beyond the last setup, k units serve ((k-1)·C, k·C] for k·P a month. */
  private static void addMultiples(Ranges ranges, SelfHostSetup unit, BigDecimal price) {
    long capacity = unit.capacityTokens();
    // Once a whole unit pays for itself below its capacity, every further multiple does too.
    boolean tailAlwaysCheaper =
        volumeWhereCostIsMatched(unit.monthlyUsd(), price).compareTo(BigDecimal.valueOf(capacity))
            < 0;
    for (long k = 2; ranges.size() < MAX_RANGES; k++) {
      if (k - 1 > MAX_MONTHLY_TOKENS / capacity) {
        return; // beyond the largest volume the contract accepts
      }
      long from = (k - 1) * capacity + 1;
      long to = capacity > Long.MAX_VALUE - (from - 1) ? Long.MAX_VALUE : from - 1 + capacity;
      BigDecimal cost = unit.monthlyUsd().multiply(BigDecimal.valueOf(k));
      long start = ranges.addWhereCheaper(from, to, cost, price);
      if (tailAlwaysCheaper && start == from) {
        ranges.openEnded();
        return;
      }
      if (!tailAlwaysCheaper && start > to) {
        return; // a unit never pays for itself: no later multiple will either
      }
    }
  }

  /** The volume at which the API costs exactly {@code monthlyUsd}: USD · 10^6 / price. */
  private static BigDecimal volumeWhereCostIsMatched(BigDecimal monthlyUsd, BigDecimal price) {
    if (price.signum() == 0) {
      return monthlyUsd.signum() <= 0 ? BigDecimal.ZERO : BigDecimal.valueOf(Long.MAX_VALUE);
    }
    return monthlyUsd.movePointRight(MILLION_EXPONENT).divide(price, 0, RoundingMode.CEILING);
  }

  /** Ascending ranges, merging a range that starts right after the previous one. */
  private static final class Ranges {
    private final List<TokenRange> list = new ArrayList<>();

    /** Adds the part of [from, to] where the API costs at least {@code cost}; returns its start. */
    long addWhereCheaper(long from, long to, BigDecimal cost, BigDecimal price) {
      BigDecimal threshold = volumeWhereCostIsMatched(cost, price);
      long start =
          threshold.compareTo(BigDecimal.valueOf(from)) <= 0
              ? from
              : threshold.compareTo(BigDecimal.valueOf(to)) > 0
                  ? Long.MAX_VALUE
                  : threshold.longValueExact();
      if (start > to) {
        return start;
      }
      int last = list.size() - 1;
      if (last >= 0
          && list.get(last).toTokens() != null
          && list.get(last).toTokens() == start - 1) {
        list.set(last, new TokenRange(list.get(last).fromTokens(), to));
      } else {
        list.add(new TokenRange(start, to));
      }
      return start;
    }

    void openEnded() {
      int last = list.size() - 1;
      list.set(last, new TokenRange(list.get(last).fromTokens(), null));
    }

    int size() {
      return list.size();
    }

    List<TokenRange> list() {
      return List.copyOf(list);
    }
  }

  /** Money as the answer shows it: exact, with at least cents. */
  public static BigDecimal money(BigDecimal usd) {
    BigDecimal stripped = usd.stripTrailingZeros();
    return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
  }

  private static List<SelfHostSetup> sorted(List<SelfHostSetup> setups) {
    return setups.stream().sorted(Comparator.comparingLong(SelfHostSetup::capacityTokens)).toList();
  }
}
