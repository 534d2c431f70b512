package org.llmstrategy.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.CostEstimate.TokenRange;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTerms;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.facts.Tier;

/**
 * Randomised properties of the total-cost arithmetic (issue 12), with fixed seeds: without the new
 * request fields the estimate is the article's; more output share never lowers the API cost when
 * output costs more; labour never makes self-hosting cheaper; ranges with a fixed amount match a
 * brute-force oracle.
 */
class TotalCostPropertiesTest {
  private static final int CASES = 300;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6);
  }

  private static BigDecimal money(Random r, int maxDollars) {
    return BigDecimal.valueOf(r.nextInt(maxDollars * 100 + 1), 2);
  }

  private static BigDecimal share(Random r) {
    return BigDecimal.valueOf(r.nextInt(1001), 3);
  }

  private static CatalogModel model(Random r) {
    BigDecimal in = money(r, 20);
    return new CatalogModel(
        "M",
        "P",
        128_000,
        Quality.HIGH,
        "Fast",
        in,
        License.CLOSED,
        null,
        r.nextBoolean() ? in.add(money(r, 60)) : null,
        r.nextBoolean() ? in.multiply(share(r)) : null,
        r.nextBoolean() ? share(r) : null,
        null,
        null,
        null);
  }

  private static List<SelfHostSetup> setups(Random r) {
    List<SelfHostSetup> s = new ArrayList<>();
    long capacity = 0;
    BigDecimal cost = BigDecimal.ZERO;
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      capacity += 1 + (long) (r.nextDouble() * 20_000_000_000L);
      cost = cost.add(money(r, 20_000));
      s.add(new SelfHostSetup("S" + i, capacity, cost, i == n - 1 && r.nextBoolean()));
    }
    return s;
  }

  private static List<OptionTerms> terms(Random r) {
    return List.of(
        new OptionTerms(Option.API, BigDecimal.ZERO, 0, null, null, null, null, null, null, null),
        new OptionTerms(
            Option.FINE_TUNE,
            money(r, 100_000),
            1,
            new BigDecimal("1.5"),
            BigDecimal.ONE,
            500L,
            3,
            new BigDecimal("25"),
            null,
            null),
        new OptionTerms(
            Option.SELF_HOST, money(r, 1_000_000), 5, null, null, null, null, null, null, null));
  }

  private static Criteria criteria(long volume) {
    Criteria c = Criteria.defaults().with("monthlyTokens", volume);
    return c;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withoutTheNewFieldsTheEstimateIsTheArticles(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      CatalogModel m = model(r);
      List<SelfHostSetup> setups = setups(r);
      long volume = (long) (r.nextDouble() * 200_000_000_000L);
      CostEstimate tco = CostCalculator.estimate(criteria(volume), Tier.HEAVY, m, setups, terms(r));
      BigDecimal price = m.inputUsdPerMillionTokens();
      assertThat(tco.apiMonthlyUsd())
          .isEqualTo(CostCalculator.money(CostCalculator.apiMonthlyUsd(volume, price)));
      assertThat(tco.selfHostCheaperRanges())
          .isEqualTo(CostCalculator.selfHostCheaperRanges(price, setups));
      CostCalculator.Quote q = CostCalculator.selfHostQuote(volume, setups);
      assertThat(tco.selfHostMonthlyUsd())
          .isEqualTo(q == null ? null : CostCalculator.money(q.monthlyUsd()));
      assertThat(tco.options()).allSatisfy(o -> assertThat(o.labourMonthlyUsd()).isNull());
      assertThat(tco.options()).allSatisfy(o -> assertThat(o.horizonUsd()).isNull());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void moreOutputShareNeverLowersTheApiCostWhenOutputCostsMore(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      CatalogModel m = model(r);
      BigDecimal a = share(r);
      BigDecimal b = share(r);
      BigDecimal cached = share(r);
      BigDecimal batch = share(r);
      BigDecimal low = a.min(b);
      BigDecimal high = a.max(b);
      BigDecimal atLow = new TrafficShape(low, cached, batch).usdPerMillion(m);
      BigDecimal atHigh = new TrafficShape(high, cached, batch).usdPerMillion(m);
      if (m.outputUsdPerMillionTokens() == null) {
        // unknown is unknown (issue 24): output tokens without an output price are not priced
        if (high.signum() > 0) {
          assertThat(atHigh).as("%s: output share %s", m, high).isNull();
        }
        continue;
      }
      BigDecimal out = m.outputUsdPerMillionTokens();
      if (out.compareTo(m.inputUsdPerMillionTokens()) >= 0) {
        assertThat(atHigh)
            .as("%s: output share %s → %s", m, low, high)
            .isGreaterThanOrEqualTo(atLow);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void labourNeverMakesSelfHostingCheaper(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      CatalogModel m = model(r);
      List<SelfHostSetup> setups = setups(r);
      List<OptionTerms> terms = terms(r);
      long volume = (long) (r.nextDouble() * 200_000_000_000L);
      Criteria without =
          criteria(volume).with("horizonMonths", r.nextBoolean() ? 1 + r.nextInt(120) : null);
      Criteria with = without.with("engineerMonthlyUsd", money(r, 30_000));
      CostEstimate a = CostCalculator.estimate(without, Tier.HEAVY, m, setups, terms);
      CostEstimate b = CostCalculator.estimate(with, Tier.HEAVY, m, setups, terms);
      if (a.cheaperOption() == Option.API) {
        assertThat(b.cheaperOption()).isEqualTo(Option.API);
      }
      if (b.breakEvenMonthlyTokens() != null) {
        assertThat(a.breakEvenMonthlyTokens()).isNotNull();
        assertThat(b.breakEvenMonthlyTokens()).isGreaterThanOrEqualTo(a.breakEvenMonthlyTokens());
      }
      for (TokenRange range : b.selfHostCheaperRanges()) {
        long v = range.fromTokens();
        assertThat(inside(a.selfHostCheaperRanges(), v))
            .as("labour made %d cheaper to self-host", v)
            .isTrue();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rangesWithAFixedAmountMatchTheOracle(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      BigDecimal price = money(r, 20);
      List<SelfHostSetup> setups = setups(r);
      BigDecimal fixed =
          money(r, 100_000).subtract(r.nextInt(4) == 0 ? money(r, 100_000) : BigDecimal.ZERO);
      List<TokenRange> ranges = CostCalculator.selfHostCheaperRanges(price, setups, fixed);
      for (int k = 0; k < 100; k++) {
        long v = (long) (r.nextDouble() * 500_000_000_000L);
        CostCalculator.Quote q = CostCalculator.selfHostQuote(v, setups);
        boolean cheaper =
            q != null
                && q.monthlyUsd().add(fixed).compareTo(CostCalculator.apiMonthlyUsd(v, price)) <= 0;
        assertThat(inside(ranges, v))
            .as("price %s, setups %s, fixed %s, volume %d", price, setups, fixed, v)
            .isEqualTo(cheaper);
      }
    }
  }

  @Test
  void a405BModelCostsMoreToSelfHostThanA70BOnTheShippedShape() {
    List<SelfHostSetup> setups =
        List.of(
            new SelfHostSetup(
                "1 GPU", 1_000_000_000L, new BigDecimal("2000"), false, BigDecimal.valueOf(70)),
            new SelfHostSetup(
                "4 GPUs", 10_000_000_000L, new BigDecimal("8000"), false, BigDecimal.valueOf(70)),
            new SelfHostSetup(
                "cluster", 100_000_000_000L, new BigDecimal("40000"), true, BigDecimal.valueOf(70)),
            new SelfHostSetup(
                "8 GPUs", 3_000_000_000L, new BigDecimal("16000"), false, BigDecimal.valueOf(405)),
            new SelfHostSetup(
                "405B cluster",
                15_000_000_000L,
                new BigDecimal("80000"),
                true,
                BigDecimal.valueOf(405)));
    CatalogModel small = sized(70);
    CatalogModel large = sized(405);
    Random r = new Random(7);
    for (int i = 0; i < 1000; i++) {
      long v = (long) (r.nextDouble() * 1_000_000_000_000L);
      assertThat(ModelSizing.selfHostMonthlyUsd(large, v, setups))
          .as("at %d tokens", v)
          .isGreaterThan(ModelSizing.selfHostMonthlyUsd(small, v, setups));
    }
    assertThat(ModelSizing.selfHostMonthlyUsd(sized(1000), 1, setups))
        .as("nothing serves it")
        .isNull();
    assertThat(ModelSizing.referenceStaircase(setups))
        .extracting(SelfHostSetup::name)
        .containsExactly("1 GPU", "4 GPUs", "cluster");
  }

  private static CatalogModel sized(int billions) {
    return new CatalogModel(
        "M" + billions,
        "P",
        128_000,
        Quality.HIGH,
        "Fast",
        null,
        License.OPEN,
        null,
        null,
        null,
        null,
        BigDecimal.valueOf(billions),
        null,
        null);
  }

  private static boolean inside(List<TokenRange> ranges, long v) {
    return ranges.stream()
        .anyMatch(x -> v >= x.fromTokens() && (x.toTokens() == null || v <= x.toTokens()));
  }
}
