package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CheapestApi;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.CostEstimate.TokenRange;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTerms;
import org.llmstrategy.facts.OptionTotal;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.facts.SelfHostPlan;
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

  /** The first multiple of a repeatable setup beyond its own capacity. */
  private static final BigDecimal TWO_UNITS = BigDecimal.valueOf(2);

  private CostCalculator() {}

  /** The cost answer at {@code volume}, against the reference model's input price. */
  public static CostEstimate estimate(
      long volume, Tier tier, CatalogModel reference, List<SelfHostSetup> setups) {
    return estimate(
        Criteria.defaults().with("monthlyTokens", volume), tier, reference, setups, List.of());
  }

  /** As {@link #estimate(Criteria, Tier, CatalogModel, ReferenceData, List)} over these tables. */
  public static CostEstimate estimate(
      Criteria criteria,
      Tier tier,
      CatalogModel reference,
      List<SelfHostSetup> setups,
      List<OptionTerms> terms) {
    return estimate(
        criteria,
        tier,
        reference,
        new ReferenceData(Catalog.EMPTY, setups, terms, null, null),
        List.of());
  }

  /**
   * As {@link #estimate(Criteria, Tier, CatalogModel, ReferenceData, List, List)} with fine-tuning
   * priced on the API model and, without {@code selfHost}, self-hosting on the article's staircase
   * (the setups of the smallest size) for no model in particular: the arithmetic alone, for tools
   * and tests.
   */
  public static CostEstimate estimate(
      Criteria criteria,
      Tier tier,
      CatalogModel reference,
      ReferenceData data,
      List<CatalogModel> openEligible) {
    return estimate(
        criteria, tier, reference, data, criteria.selfHost() == null ? null : openEligible, null);
  }

  /**
   * The cost answer for the request: the reference model's price for the request's traffic shape
   * against self-hosting (the article's staircase of the setups' table, or, when the request sends
   * {@code selfHost}, a setup sized for the model, GPU and volume: {@link SelfHostSizing}), every
   * option's upfront, monthly, labour and horizon figures, month by month when prices or volume
   * change, and break-even counting what the request asks to count (labour with {@code
   * engineerMonthlyUsd}, upfront spread over {@code horizonMonths}). Without those fields, exactly
   * the article's arithmetic.
   *
   * <p>Each option is priced on one model, the cheapest of those the rules let price it (issue 24:
   * one set of models through the answer): self-hosting on the cheapest of {@code selfHostModels}
   * at the submitted volume (on the setups that serve its size, or sized on a GPU when the request
   * sends {@code selfHost}; not priced when none can be), fine-tuning on the cheapest of {@code
   * fineTuneModels} (its fine-tuned price and retraining runs; not priced when there is none).
   *
   * @param apiModel the model the API figures are for (the rules' choice: the reference model when
   *     it meets the filters)
   * @param selfHostModels the open models that may price self-hosting; null: the article's
   *     staircase for no model in particular (tools and tests)
   * @param fineTuneModels the models that may price fine-tuning; null: the API model (tools and
   *     tests)
   */
  public static CostEstimate estimate(
      Criteria criteria,
      Tier tier,
      CatalogModel apiModel,
      ReferenceData data,
      List<CatalogModel> selfHostModels,
      List<CatalogModel> fineTuneModels) {
    long volume = criteria.monthlyTokens();
    TrafficShape shape = TrafficShape.of(criteria);
    BigDecimal price = shape.usdPerMillion(apiModel);
    TotalCost total = new TotalCost(criteria, data.optionTerms(), data.selfHostDefaults());
    SelfHostSizing.Replica replica =
        criteria.selfHost() == null
            ? null
            : SelfHostSizing.cheapest(criteria, data, selfHostModels);
    String selfHostModel = replica == null ? null : replica.model();
    SelfHostSide side;
    if (criteria.selfHost() != null) {
      side = replica == null ? null : new SelfHostSide.Sized(replica);
    } else if (selfHostModels == null) {
      side =
          new SelfHostSide.Staircase(
              sorted(ModelSizing.referenceStaircase(data.selfHostSetups())),
              total.termsUpfront(Option.SELF_HOST));
    } else {
      CatalogModel cheapest = ModelSizing.cheapest(selfHostModels, volume, data.selfHostSetups());
      selfHostModel = cheapest == null ? null : cheapest.name();
      side =
          cheapest == null
              ? null
              : new SelfHostSide.Staircase(
                  sorted(ModelSizing.staircaseFor(cheapest, data.selfHostSetups())),
                  total.termsUpfront(Option.SELF_HOST));
    }
    CatalogModel tunedModel =
        fineTuneModels == null ? apiModel : cheapestPriced(criteria, fineTuneModels);
    BigDecimal tunedPrice = tunedModel == null ? null : shape.usdPerMillion(tunedModel);
    BigDecimal api = apiMonthlyUsd(volume, price);
    SelfHostSide.Quote selfHost = side == null ? null : side.at(BigDecimal.valueOf(volume));

    int count =
        Math.max(CostOverTime.MAX_MONTHS, Objects.requireNonNullElse(criteria.horizonMonths(), 0));
    BigDecimal v0 = BigDecimal.valueOf(volume);
    boolean changes = CostOverTime.changes(criteria);
    java.util.function.IntFunction<BigDecimal> volumeAt =
        m -> changes ? v0.multiply(CostOverTime.yearFactor(criteria.volumeGrowthPerYear(), m)) : v0;
    java.util.function.IntFunction<BigDecimal> apiAt =
        m ->
            changes
                ? price
                    .multiply(volumeAt.apply(m))
                    .movePointLeft(MILLION_EXPONENT)
                    .multiply(CostOverTime.yearFactor(criteria.apiPriceChangePerYear(), m))
                : api;
    CostOverTime.Months apiMonths =
        total.months(
            Option.API,
            total.termsUpfront(Option.API),
            count,
            m -> TotalCost.Bill.of(apiAt.apply(m)));
    // fine-tuned tokens follow the API's prices over time, on the model fine-tuning is priced on
    java.util.function.IntFunction<BigDecimal> tunedAt =
        m ->
            changes
                ? tunedPrice
                    .multiply(volumeAt.apply(m))
                    .movePointLeft(MILLION_EXPONENT)
                    .multiply(CostOverTime.yearFactor(criteria.apiPriceChangePerYear(), m))
                : apiMonthlyUsd(volume, tunedPrice);
    BigDecimal fineTune =
        tunedPrice == null ? null : total.fineTuneMonthlyUsd(apiMonthlyUsd(volume, tunedPrice));
    CostOverTime.Months fineTuneMonths =
        fineTune == null
            ? new CostOverTime.Months(Option.FINE_TUNE, total.termsUpfront(Option.FINE_TUNE), null)
            : total.months(
                Option.FINE_TUNE,
                total.termsUpfront(Option.FINE_TUNE),
                count,
                m -> TotalCost.Bill.of(total.fineTuneMonthlyUsd(tunedAt.apply(m))));
    CostOverTime.Months selfHostMonths =
        selfHostMonths(total, side, selfHost, count, volumeAt, criteria.selfHost() == null);
    Long gpus = selfHost == null ? null : selfHost.gpus();
    List<OptionTotal> options =
        List.of(
            total.option(Option.API, apiMonths, null),
            total.option(Option.FINE_TUNE, fineTuneMonths, null),
            total.option(Option.SELF_HOST, selfHostMonths, gpus));

    // both sides over the horizon (h = 1 without one): self-hosting's h·S(v) + fixed against the
    // API's h·p·v, where fixed is the labour and upfront self-hosting needs beyond the API's
    BigDecimal h = total.horizon();
    boolean horizonGiven = criteria.horizonMonths() != null;
    Option cheaper = Option.API;
    if (selfHost != null) {
      int months = horizonGiven ? criteria.horizonMonths() : 1;
      BigDecimal shTotal = selfHostMonths.totalAt(months);
      BigDecimal apiTotal = apiMonths.totalAt(months);
      if (!horizonGiven) { // without a horizon upfront is not counted
        shTotal = shTotal.subtract(selfHostMonths.upfront());
        apiTotal = apiTotal.subtract(apiMonths.upfront());
      }
      cheaper = shTotal.compareTo(apiTotal) < 0 ? Option.SELF_HOST : Option.API;
    }
    List<TokenRange> ranges = List.of();
    if (side != null) {
      BigDecimal fixed = total.fixedBeyondApi(Option.SELF_HOST, side.upfrontFromOptionCosts());
      ranges = selfHostCheaperRanges(price.multiply(h), side.steps(h, horizonGiven), fixed);
    }
    Long breakEven = ranges.isEmpty() ? null : ranges.get(0).fromTokens();
    BigDecimal selfHostLabour = total.labour(Option.SELF_HOST, gpus);
    SelfHostPlan plan =
        replica == null || selfHost == null
            ? null
            : new SelfHostPlan(
                replica.model(),
                replica.gpu(),
                Math.toIntExact(selfHost.gpus()),
                replica.hardware(),
                Math.multiplyExact(replica.capacityTokens(), selfHost.gpus() / replica.gpus()),
                money(selfHost.upfrontUsd()),
                money(selfHost.monthlyUsd()),
                selfHostLabour == null ? null : money(selfHostLabour),
                replica.sources());
    return new CostEstimate(
        tier,
        apiModel.name(),
        money(api),
        selfHost == null ? null : money(selfHost.monthlyUsd()),
        selfHost == null ? null : selfHost.setup(),
        cheaper,
        breakEven,
        ranges,
        breakEven == null || volume < breakEven,
        options,
        plan,
        CostOverTime.breakEvenMonths(selfHostMonths, apiMonths, CostOverTime.MAX_MONTHS),
        selfHost == null ? null : selfHostModel,
        fineTune == null || fineTuneModels == null ? null : tunedModel.name());
  }

  /**
   * The model of {@code models} whose tokens cost least at the request's traffic shape (ties: the
   * name first in order); models the catalog cannot price for it take no part; null when none can
   * be priced.
   */
  public static CatalogModel cheapestPriced(Criteria criteria, List<CatalogModel> models) {
    TrafficShape shape = TrafficShape.of(criteria);
    CatalogModel best = null;
    BigDecimal bestPrice = null;
    for (CatalogModel m : models) {
      BigDecimal p = shape.usdPerMillion(m);
      if (p == null) {
        continue;
      }
      int c = bestPrice == null ? -1 : p.compareTo(bestPrice);
      if (c < 0 || c == 0 && m.name().compareTo(best.name()) < 0) {
        best = m;
        bestPrice = p;
      }
    }
    return best;
  }

  private static CostOverTime.Months selfHostMonths(
      TotalCost total,
      SelfHostSide side,
      SelfHostSide.Quote first,
      int count,
      java.util.function.IntFunction<BigDecimal> volumeAt,
      boolean onTheSetups) {
    if (first == null) {
      // not priced: the setups' upfront (the option costs') still stands; a sized quote buys none
      boolean termsUpfront = side == null ? onTheSetups : side.upfrontFromOptionCosts();
      return new CostOverTime.Months(
          Option.SELF_HOST,
          termsUpfront ? total.termsUpfront(Option.SELF_HOST) : BigDecimal.ZERO,
          null);
    }
    BigDecimal[] bought = {first.upfrontUsd()};
    return total.months(
        Option.SELF_HOST,
        first.upfrontUsd(),
        count,
        m -> {
          SelfHostSide.Quote q = m == 1 ? first : side.at(volumeAt.apply(m));
          if (q == null) {
            return null;
          }
          // GPUs bought for a grown volume are paid when needed; none are sold when it shrinks
          BigDecimal added = q.upfrontUsd().subtract(bought[0]).max(BigDecimal.ZERO);
          bought[0] = bought[0].max(q.upfrontUsd());
          return new TotalCost.Bill(q.monthlyUsd(), added, q.gpus());
        });
  }

  /**
   * The cheapest model of {@code models} (those meeting the request's filters, chosen by the rules)
   * at the request's volume and traffic shape; ties go to the name first in order; null when none
   * has a price.
   */
  public static CheapestApi cheapestApi(Criteria criteria, List<CatalogModel> models) {
    TrafficShape shape = TrafficShape.of(criteria);
    return models.stream()
        .filter(shape::prices) // a price the catalog lacks is unknown, never the cheapest
        .map(
            m ->
                new CheapestApi(
                    m.name(),
                    money(apiMonthlyUsd(criteria.monthlyTokens(), shape.usdPerMillion(m)))))
        .min(Comparator.comparing(CheapestApi::monthlyUsd).thenComparing(CheapestApi::model))
        .orElse(null);
  }

  /** The model's API cost at the request's volume and traffic shape (null without a price). */
  public static BigDecimal apiMonthlyUsd(Criteria criteria, CatalogModel model) {
    BigDecimal price = TrafficShape.of(criteria).usdPerMillion(model);
    return price == null ? null : apiMonthlyUsd(criteria.monthlyTokens(), price);
  }

  static List<SelfHostSetup> scaled(List<SelfHostSetup> steps, BigDecimal factor) {
    if (factor.compareTo(BigDecimal.ONE) == 0) {
      return steps;
    }
    return steps.stream()
        .map(
            s ->
                new SelfHostSetup(
                    s.name(),
                    s.capacityTokens(),
                    s.monthlyUsd().multiply(factor),
                    s.repeatable(),
                    s.maxParametersBillions(),
                    s.gpus()))
        .toList();
  }

  /** Volume times the price per million tokens, exactly. */
  public static BigDecimal apiMonthlyUsd(long volume, BigDecimal usdPerMillionTokens) {
    return usdPerMillionTokens.multiply(BigDecimal.valueOf(volume)).movePointLeft(MILLION_EXPONENT);
  }

  /** A setup that serves a volume, what it costs a month and the GPUs it runs (null: not said). */
  public record Quote(String setup, BigDecimal monthlyUsd, Long gpus) {}

  /**
   * The smallest setup that serves {@code volume}, or whole multiples of the largest when it is
   * repeatable; null when no setup can serve it.
   */
  public static Quote selfHostQuote(long volume, List<SelfHostSetup> setups) {
    List<SelfHostSetup> steps = sorted(setups);
    for (SelfHostSetup s : steps) {
      if (volume <= s.capacityTokens()) {
        return new Quote(s.name(), s.monthlyUsd(), s.gpus());
      }
    }
    SelfHostSetup last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last == null || !last.repeatable() || last.capacityTokens() <= 0) {
      return null;
    }
    long units = volume / last.capacityTokens() + (volume % last.capacityTokens() == 0 ? 0 : 1);
    return new Quote(
        units + " × " + last.name(),
        last.monthlyUsd().multiply(BigDecimal.valueOf(units)),
        last.gpus() == null ? null : last.gpus() * units);
  }

  /**
   * Every volume range (both ends inclusive) where self-hosting costs no more than the API, in
   * ascending order; the first range starts at the break-even volume. Exact over 0 … {@link
   * #MAX_MONTHLY_TOKENS} for a price of at least 0, unless the answer would hold more than {@link
   * #MAX_RANGES} ranges: then it is exact up to the end of the last range it holds.
   */
  public static List<TokenRange> selfHostCheaperRanges(
      BigDecimal usdPerMillionTokens, List<SelfHostSetup> setups) {
    return selfHostCheaperRanges(usdPerMillionTokens, setups, BigDecimal.ZERO);
  }

  /**
   * As {@link #selfHostCheaperRanges(BigDecimal, List)}, with a fixed monthly amount added to
   * self-hosting's side at every volume (its labour and spread upfront beyond the API's; may be
   * negative): where S(v) + fixed ≤ p·v.
   */
  public static List<TokenRange> selfHostCheaperRanges(
      BigDecimal usdPerMillionTokens, List<SelfHostSetup> setups, BigDecimal fixed) {
    List<SelfHostSetup> steps = sorted(setups);
    Ranges ranges = new Ranges();
    long lower = 0;
    for (SelfHostSetup s : steps) {
      if (s.capacityTokens() >= lower) {
        ranges.addWhereCheaper(
            lower, s.capacityTokens(), s.monthlyUsd().add(fixed), usdPerMillionTokens);
        if (s.capacityTokens() == Long.MAX_VALUE) {
          break; // every volume is served; nothing lies beyond
        }
        lower = s.capacityTokens() + 1;
      }
    }
    SelfHostSetup last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last != null && last.repeatable() && last.capacityTokens() > 0) {
      addMultiples(ranges, last, usdPerMillionTokens, fixed);
    }
    return ranges.list();
  }

  /**
   * Beyond the last setup, k units (k ≥ 2) serve ((k-1)·C, k·C] for k·P + F a month (F: the fixed
   * amount). With the API costing p per million, self-hosting costs no more from v = (k·P +
   * F)·10^6/p on: within each interval a suffix, which covers the whole interval from the first k
   * with k·(p·C − P·10^6) ≥ p·(C − 1) + F·10^6. That k is computed, not searched for, so a unit
   * that barely pays for itself costs no time. Where the margin is negative (or the API free),
   * later units only lose ground: the walk stops at the first k without a cheaper part.
   */
  private static void addMultiples(
      Ranges ranges, SelfHostSetup unit, BigDecimal price, BigDecimal fixed) {
    long capacity = unit.capacityTokens();
    BigDecimal c = BigDecimal.valueOf(capacity);
    BigDecimal unitCost = unit.monthlyUsd().movePointRight(MILLION_EXPONENT);
    // the last k whose interval starts within the largest volume the contract accepts
    long lastK = (MAX_MONTHLY_TOKENS - 1) / capacity + 1;
    BigDecimal wholeFrom; // the first k whose whole interval is cheaper; null: none
    if (price.signum() == 0) {
      wholeFrom = unit.monthlyUsd().signum() <= 0 && fixed.signum() <= 0 ? TWO_UNITS : null;
      if (wholeFrom == null) {
        addWhileCheaper(ranges, unit, price, fixed, lastK); // the API is free: rarely any
        return;
      }
    } else {
      BigDecimal margin = price.multiply(c).subtract(unitCost); // p·C − P·10^6
      if (margin.signum() < 0) {
        addWhileCheaper(ranges, unit, price, fixed, lastK); // a full unit loses to the API
        return;
      }
      BigDecimal needed =
          price
              .multiply(c.subtract(BigDecimal.ONE))
              .add(fixed.movePointRight(MILLION_EXPONENT)); // p·(C − 1) + F·10^6
      wholeFrom =
          margin.signum() == 0
              ? (needed.signum() <= 0 ? TWO_UNITS : null)
              : needed.divide(margin, 0, RoundingMode.CEILING).max(TWO_UNITS);
    }
    long partialUntil =
        wholeFrom == null || wholeFrom.compareTo(BigDecimal.valueOf(lastK)) > 0
            ? lastK
            : wholeFrom.longValueExact() - 1;
    for (long k = 2; k <= partialUntil; k++) {
      if (ranges.size() >= MAX_RANGES) {
        return;
      }
      long from = (k - 1) * capacity + 1;
      long to = capacity > Long.MAX_VALUE - (from - 1) ? Long.MAX_VALUE : from - 1 + capacity;
      ranges.addWhereCheaper(from, to, unitsCost(unit, k, fixed), price);
    }
    if (partialUntil < lastK) {
      ranges.addFrom(partialUntil * capacity + 1); // from the interval of k = partialUntil + 1
    }
  }

  /** Units k = 2, 3, … while their interval has a part where self-hosting costs no more. */
  private static void addWhileCheaper(
      Ranges ranges, SelfHostSetup unit, BigDecimal price, BigDecimal fixed, long lastK) {
    long capacity = unit.capacityTokens();
    for (long k = 2; k <= lastK && ranges.size() < MAX_RANGES; k++) {
      long from = (k - 1) * capacity + 1;
      long to = capacity > Long.MAX_VALUE - (from - 1) ? Long.MAX_VALUE : from - 1 + capacity;
      if (!ranges.addWhereCheaper(from, to, unitsCost(unit, k, fixed), price)) {
        return;
      }
    }
  }

  private static BigDecimal unitsCost(SelfHostSetup unit, long k, BigDecimal fixed) {
    return unit.monthlyUsd().multiply(BigDecimal.valueOf(k)).add(fixed);
  }

  /**
   * The least volume at which the API costs at least {@code monthlyUsd}: ⌈USD · 10^6 / price⌉; null
   * when there is none (a free API against a setup that costs something).
   */
  private static BigDecimal volumeWhereCostIsMatched(BigDecimal monthlyUsd, BigDecimal price) {
    if (price.signum() == 0) {
      return monthlyUsd.signum() <= 0 ? BigDecimal.ZERO : null;
    }
    return monthlyUsd.movePointRight(MILLION_EXPONENT).divide(price, 0, RoundingMode.CEILING);
  }

  /** Ascending ranges, merging a range that starts right after the previous one. */
  private static final class Ranges {
    private final List<TokenRange> list = new ArrayList<>();

    /** Adds the part of [from, to] where the API costs at least {@code cost}; false if none. */
    boolean addWhereCheaper(long from, long to, BigDecimal cost, BigDecimal price) {
      BigDecimal threshold = volumeWhereCostIsMatched(cost, price);
      if (threshold == null || threshold.compareTo(BigDecimal.valueOf(to)) > 0) {
        return false;
      }
      long start = Math.max(from, threshold.max(BigDecimal.ZERO).longValueExact());
      add(start, to);
      return true;
    }

    /** Adds [from, no upper bound). */
    void addFrom(long from) {
      add(from, null);
    }

    private void add(long from, Long to) {
      int last = list.size() - 1;
      if (last >= 0 && list.get(last).toTokens() != null && list.get(last).toTokens() == from - 1) {
        list.set(last, new TokenRange(list.get(last).fromTokens(), to));
      } else {
        list.add(new TokenRange(from, to));
      }
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
