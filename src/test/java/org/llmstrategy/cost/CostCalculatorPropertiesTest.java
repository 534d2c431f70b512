package org.llmstrategy.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.CostEstimate.TokenRange;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.facts.Tier;

/**
 * Randomised properties of the cost arithmetic, with fixed seeds so a failure always reproduces:
 * the seed and the generated case are in the assertion message. The oracle is brute force: at a
 * volume, self-hosting "costs no more" when {@link CostCalculator#selfHostQuote} serves it for at
 * most {@link CostCalculator#apiMonthlyUsd}. Prices, capacities and costs are random, not the
 * article's.
 */
class CostCalculatorPropertiesTest {
  private static final long MAX = CostCalculator.MAX_MONTHLY_TOKENS;
  private static final int CASES_PER_SEED = 400;
  private static final int SAMPLES_PER_CASE = 200;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  /** A generated case: the reference price and the capacity steps. */
  record Case(long seed, int index, BigDecimal price, List<SelfHostSetup> setups) {
    @Override
    public String toString() {
      return "seed " + seed + " case " + index + ": price " + price + ", setups " + setups;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void selfHostingCostsNoMoreExactlyInsideTheReportedRanges(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      Case c = newCase(random, seed, i);
      List<TokenRange> ranges = CostCalculator.selfHostCheaperRanges(c.price(), c.setups());
      assertWellFormed(c, ranges);
      // a capped answer (pathological steps) is exact up to the end of what it reports
      long checkedUpTo =
          ranges.size() < CostCalculator.MAX_RANGES
              ? MAX
              : Math.min(MAX, ranges.get(ranges.size() - 1).toTokens());
      for (long v : volumesToCheck(random, c, ranges, checkedUpTo)) {
        assertThat(inside(ranges, v))
            .as("%s; ranges %s; volume %d", c, ranges, v)
            .isEqualTo(selfHostCostsNoMore(c, v));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void breakEvenIsTheLeastVolumeWhereSelfHostingCostsNoMore(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      Case c = newCase(random, seed, i);
      long volume = random.nextLong(MAX + 1);
      CostEstimate e = CostCalculator.estimate(volume, Tier.LIGHT, model(c.price()), c.setups());
      List<TokenRange> ranges = e.selfHostCheaperRanges();
      if (ranges.isEmpty()) {
        assertThat(e.breakEvenMonthlyTokens()).as("%s", c).isNull();
        continue;
      }
      long breakEven = e.breakEvenMonthlyTokens();
      assertThat(breakEven).as("%s", c).isEqualTo(ranges.get(0).fromTokens());
      assertThat(selfHostCostsNoMore(c, breakEven)).as("%s at %d", c, breakEven).isTrue();
      // every volume below it: the step edges and the edges' neighbours, plus a sample
      for (long v : belowBreakEven(random, c, breakEven)) {
        assertThat(selfHostCostsNoMore(c, v))
            .as("%s; break-even %d; at %d", c, breakEven, v)
            .isFalse();
      }
      assertThat(e.belowBreakEven()).isEqualTo(volume < breakEven);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theEstimateAgreesWithItsParts(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      Case c = newCase(random, seed, i);
      long volume = random.nextBoolean() ? random.nextLong(MAX + 1) : random.nextLong(1_000_000);
      CostEstimate e = CostCalculator.estimate(volume, Tier.LIGHT, model(c.price()), c.setups());
      BigDecimal api = CostCalculator.apiMonthlyUsd(volume, c.price());
      CostCalculator.Quote quote = CostCalculator.selfHostQuote(volume, c.setups());
      assertThat(e.apiMonthlyUsd()).as("%s at %d", c, volume).isEqualByComparingTo(api);
      if (quote == null) {
        assertThat(e.selfHostMonthlyUsd()).isNull();
        assertThat(e.selfHostSetup()).isNull();
      } else {
        assertThat(e.selfHostMonthlyUsd()).isEqualByComparingTo(quote.monthlyUsd());
        assertThat(e.selfHostSetup()).isEqualTo(quote.setup());
      }
      boolean selfHostStrictlyCheaper = quote != null && quote.monthlyUsd().compareTo(api) < 0;
      assertThat(e.cheaperOption().name())
          .as("%s at %d", c, volume)
          .isEqualTo(selfHostStrictlyCheaper ? "SELF_HOST" : "API");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void apiCostIsLinearInVolume(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      BigDecimal price = price(random);
      long a = random.nextLong(MAX / 2 + 1);
      long b = random.nextLong(MAX / 2 + 1);
      long k = 1 + random.nextLong(1000);
      BigDecimal apiA = CostCalculator.apiMonthlyUsd(a, price);
      BigDecimal apiB = CostCalculator.apiMonthlyUsd(b, price);
      assertThat(CostCalculator.apiMonthlyUsd(a + b, price))
          .as("price %s, %d + %d", price, a, b)
          .isEqualByComparingTo(apiA.add(apiB));
      assertThat(CostCalculator.apiMonthlyUsd(a / k, price).multiply(BigDecimal.valueOf(k)))
          .as("price %s, %d × (%d / %d)", price, k, a, k)
          .isEqualByComparingTo(CostCalculator.apiMonthlyUsd(a / k * k, price));
      assertThat(CostCalculator.apiMonthlyUsd(0, price)).isZero();
      // exact: a million tokens cost exactly the price
      assertThat(CostCalculator.apiMonthlyUsd(1_000_000, price)).isEqualByComparingTo(price);
    }
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void nothingOverflowsUpToTheLargestVolume() {
    BigDecimal price = new BigDecimal("99999.999999");
    List<List<SelfHostSetup>> extremes =
        List.of(
            List.of(setup("one token", 1, "0.01", true)),
            List.of(setup("huge", Long.MAX_VALUE, "1", false)),
            List.of(setup("huge", Long.MAX_VALUE, "1", true)),
            List.of(setup("a", MAX, "5", false), setup("b", MAX, "4", true)),
            List.of(setup("all", MAX, "999999999999", true)),
            List.of(
                setup("max", Long.MAX_VALUE, "1", true), setup("max2", Long.MAX_VALUE, "2", true)),
            List.of(setup("zero", 0, "0", true)));
    for (List<SelfHostSetup> setups : extremes) {
      for (BigDecimal p : List.of(price, BigDecimal.ZERO, new BigDecimal("0.000001"))) {
        for (long v : new long[] {0, 1, MAX - 1, MAX}) {
          assertThatCode(() -> CostCalculator.estimate(v, Tier.LIGHT, model(p), setups))
              .as("%s at price %s, volume %d", setups, p, v)
              .doesNotThrowAnyException();
        }
        Case c = new Case(0, 0, p, setups);
        List<TokenRange> ranges = CostCalculator.selfHostCheaperRanges(p, setups);
        assertWellFormed(c, ranges);
        for (long v : new long[] {0, 1, 2, MAX / 2, MAX - 1, MAX}) {
          assertThat(inside(ranges, v))
              .as("%s; %s at %d", c, ranges, v)
              .isEqualTo(selfHostCostsNoMore(c, v));
        }
      }
    }
    assertThat(CostCalculator.apiMonthlyUsd(MAX, price))
        .isEqualByComparingTo(price.multiply(BigDecimal.valueOf(1_000_000_000L)));
    assertThat(CostCalculator.selfHostQuote(MAX, extremes.get(0)).monthlyUsd())
        .isEqualByComparingTo("10000000000000");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aUnitThatAlmostPaysForItselfAnswersQuickly() {
    // one unit breaks even at 0.9 of its one-token capacity: every whole multiple is cheaper from
    // one volume on, which used to be found by walking 10^15 multiples one by one
    for (long capacity : new long[] {1, 2, 10, 999, 1000, 1001}) {
      for (String usd : new String[] {"0.9", "1", "1.0000001", "999", "1000"}) {
        List<SelfHostSetup> setups = List.of(setup("unit", capacity, usd, true));
        BigDecimal price = BigDecimal.valueOf(1_000_000);
        Case c = new Case(0, 0, price, setups);
        List<TokenRange> ranges = CostCalculator.selfHostCheaperRanges(price, setups);
        assertWellFormed(c, ranges);
        long checkedUpTo =
            ranges.size() < CostCalculator.MAX_RANGES
                ? MAX
                : Math.min(MAX, ranges.get(ranges.size() - 1).toTokens());
        for (long v : volumesToCheck(new Random(capacity), c, ranges, checkedUpTo)) {
          assertThat(inside(ranges, v))
              .as("%s; %s at %d", c, ranges, v)
              .isEqualTo(selfHostCostsNoMore(c, v));
        }
      }
    }
  }

  // ---- the oracle

  private static boolean selfHostCostsNoMore(Case c, long volume) {
    CostCalculator.Quote q = CostCalculator.selfHostQuote(volume, c.setups());
    return q != null
        && q.monthlyUsd().compareTo(CostCalculator.apiMonthlyUsd(volume, c.price())) <= 0;
  }

  /** Whether a (well-formed, ascending) list of ranges holds {@code v}: binary search. */
  private static boolean inside(List<TokenRange> ranges, long v) {
    int lo = 0;
    int hi = ranges.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      TokenRange r = ranges.get(mid);
      if (v < r.fromTokens()) {
        hi = mid - 1;
      } else if (r.toTokens() != null && v > r.toTokens()) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Ascending, disjoint, not touching (touching ranges are one range), only the last open. */
  private static void assertWellFormed(Case c, List<TokenRange> ranges) {
    assertThat(ranges.size()).as("%s", c).isLessThanOrEqualTo(CostCalculator.MAX_RANGES);
    for (int i = 0; i < ranges.size(); i++) {
      TokenRange r = ranges.get(i);
      assertThat(r.fromTokens()).as("%s: %s", c, ranges).isNotNegative();
      if (r.toTokens() == null) {
        assertThat(i)
            .as("%s: only the last range is open: %s", c, ranges)
            .isEqualTo(ranges.size() - 1);
      } else {
        assertThat(r.toTokens()).as("%s: %s", c, ranges).isGreaterThanOrEqualTo(r.fromTokens());
        if (i + 1 < ranges.size()) {
          assertThat(ranges.get(i + 1).fromTokens())
              .as("%s: ranges ascend with a gap: %s", c, ranges)
              .isGreaterThan(r.toTokens() + 1);
        }
      }
    }
  }

  /** Range edges ±1, step edges ±1 and their multiples, and random volumes, within the limit. */
  private static TreeSet<Long> volumesToCheck(
      Random random, Case c, List<TokenRange> ranges, long upTo) {
    TreeSet<Long> volumes = new TreeSet<>();
    // every edge of an ordinary answer; of a long one, the first and last and a spread between
    int stride = Math.max(1, ranges.size() / 100);
    for (int i = 0; i < ranges.size(); i++) {
      if (i % stride != 0 && i > 10 && i < ranges.size() - 10) {
        continue;
      }
      TokenRange r = ranges.get(i);
      around(volumes, r.fromTokens());
      if (r.toTokens() != null) {
        around(volumes, r.toTokens());
      } else {
        // open-ended: far beyond its start too
        for (int k = 0; k < 20; k++) {
          volumes.add(r.fromTokens() + random.nextLong(Math.max(1, MAX - r.fromTokens() + 1)));
        }
      }
    }
    stepEdges(volumes, c);
    for (int i = 0; i < SAMPLES_PER_CASE; i++) {
      volumes.add(random.nextLong(upTo + 1));
      volumes.add(random.nextLong(Math.min(upTo, 10_000_000_000L) + 1));
    }
    return new TreeSet<>(volumes.subSet(0L, true, upTo, true));
  }

  private static List<Long> belowBreakEven(Random random, Case c, long breakEven) {
    if (breakEven == 0) {
      return List.of();
    }
    TreeSet<Long> volumes = new TreeSet<>();
    stepEdges(volumes, c);
    around(volumes, breakEven - 1);
    for (int i = 0; i < SAMPLES_PER_CASE && breakEven > 0; i++) {
      volumes.add(random.nextLong(breakEven));
    }
    return new ArrayList<>(volumes.subSet(0L, true, breakEven - 1, true));
  }

  private static void stepEdges(TreeSet<Long> volumes, Case c) {
    volumes.add(0L);
    volumes.add(MAX);
    for (SelfHostSetup s : c.setups()) {
      around(volumes, s.capacityTokens());
      if (s.repeatable() && s.capacityTokens() > 0) {
        for (long k = 2; k <= 50 && s.capacityTokens() <= MAX / k; k++) {
          around(volumes, k * s.capacityTokens());
        }
      }
    }
  }

  private static void around(TreeSet<Long> volumes, long v) {
    for (long d = -1; d <= 1; d++) {
      if (v + d >= 0 && v + d <= MAX && !(d > 0 && v == Long.MAX_VALUE)) {
        volumes.add(v + d);
      }
    }
  }

  // ---- generators

  /** USD per million tokens: mostly ordinary, sometimes zero, tiny or huge, up to six decimals. */
  static BigDecimal price(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> BigDecimal.ZERO;
      case 1 -> BigDecimal.valueOf(1 + random.nextInt(9), 6);
      case 2 -> BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), 2);
      default -> BigDecimal.valueOf(random.nextLong(100_000_000L), random.nextInt(7));
    };
  }

  static Case newCase(Random random, long seed, int index) {
    BigDecimal price = price(random);
    return new Case(seed, index, price, setups(random, price));
  }

  /**
   * One to five setups, in any order, capacities round or ragged, tiny to beyond 10^15. Now and
   * then the largest is a repeatable unit that breaks even within a token or two of its capacity,
   * where whole multiples win, lose and win again the longest.
   */
  static List<SelfHostSetup> setups(Random random, BigDecimal price) {
    int n = 1 + random.nextInt(5);
    List<SelfHostSetup> setups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      setups.add(
          new SelfHostSetup(
              "s" + i,
              capacity(random),
              BigDecimal.valueOf(random.nextLong(10_000_000_000L), random.nextInt(3)),
              random.nextBoolean()));
    }
    if (random.nextInt(4) == 0) {
      long capacity = random.nextBoolean() ? 1 + random.nextLong(2000) : capacity(random);
      BigDecimal slack = BigDecimal.valueOf(random.nextInt(9) - 4, 1); // -0.4 … 0.4 tokens
      BigDecimal matchedAt = BigDecimal.valueOf(capacity - random.nextInt(3)).add(slack);
      BigDecimal usd = price.multiply(matchedAt).movePointLeft(6).max(BigDecimal.ZERO);
      setups.removeIf(other -> other.capacityTokens() >= capacity);
      setups.add(random.nextInt(setups.size() + 1), new SelfHostSetup("unit", capacity, usd, true));
    }
    return setups;
  }

  private static long capacity(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> random.nextLong(3); // 0, 1, 2 tokens
      case 1 -> 1 + random.nextLong(10_000);
      case 2 -> random.nextLong(MAX + 1);
      case 3 -> MAX + random.nextLong(1_000_000);
      default -> (1 + random.nextLong(100)) * (long) Math.pow(10, 6 + random.nextInt(7));
    };
  }

  private static SelfHostSetup setup(String name, long capacity, String usd, boolean repeatable) {
    return new SelfHostSetup(name, capacity, new BigDecimal(usd), repeatable);
  }

  private static CatalogModel model(BigDecimal price) {
    return new CatalogModel(
        "Reference", "Provider", 128_000, Quality.HIGH, "Fast", price, License.CLOSED, null);
  }
}
