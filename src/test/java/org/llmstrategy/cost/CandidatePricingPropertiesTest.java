package org.llmstrategy.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.facts.CandidateListing;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.ModelCandidates;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Quality;

/**
 * Ranking prices only the models that can be among the listed few: whatever the catalog, the
 * volume, the per-task tokens, the attempts and the traffic shape, the listed candidates and the
 * count are exactly those of pricing every model and sorting them all.
 */
class CandidatePricingPropertiesTest {
  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theShortlistListsWhatPricingEveryModelLists(int seed) {
    Random random = new Random(seed);
    List<CatalogModel> models = new ArrayList<>();
    int n = 1 + random.nextInt(120);
    for (int i = 0; i < n; i++) {
      models.add(model(random, i));
    }
    Criteria c = criteria(random, models);
    int k = 1 + random.nextInt(12);

    ModelCandidates listed = rank(c, models, k);
    ModelCandidates all = rank(c, models, models.size()); // no shortlist: every model priced

    // a model without an output price takes no part when the traffic has output (issue 24)
    TrafficShape shape = TrafficShape.of(c);
    assertThat(listed.matched()).isEqualTo(models.stream().filter(shape::prices).count());
    assertThat(listed.listed()).allMatch(p -> shape.prices(p.model()));
    assertThat(listed.listed())
        .as("seed %d, k %d", seed, k)
        .containsExactlyElementsOf(all.listed().subList(0, Math.min(k, all.listed().size())));
  }

  private static ModelCandidates rank(Criteria c, List<CatalogModel> models, int k) {
    return CandidatePricing.rank(
        c, Option.API, models, List.of(), List.of(), new CandidateListing(Math.max(1, k)));
  }

  /** Prices on a coarse grid, so that ties and prices a cent a month apart are common. */
  private static CatalogModel model(Random random, int i) {
    BigDecimal input = BigDecimal.valueOf(random.nextInt(400), 2); // 0.00 … 3.99
    BigDecimal output = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(1600), 2);
    BigDecimal cached = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(100), 2);
    BigDecimal batch = random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(11), 1);
    return new CatalogModel(
        String.format("m%03d", random.nextInt(1000)) + "-" + i,
        "p",
        128_000,
        Quality.HIGH,
        "Fast",
        input,
        License.CLOSED,
        null,
        output,
        cached,
        batch,
        null,
        null,
        null);
  }

  private static Criteria criteria(Random random, List<CatalogModel> models) {
    Criteria c = Criteria.defaults();
    long[] volumes = {0, 1, 999, 1_000_000, 1_234_567, 50_000_000_000L};
    c = c.with("monthlyTokens", volumes[random.nextInt(volumes.length)]);
    int task = random.nextInt(4);
    c =
        c.with(
            "tokensPerTask",
            task == 0 ? null : task == 1 ? 0L : (long) (1 + random.nextInt(5_000)));
    Map<String, BigDecimal> attempts = new HashMap<>();
    for (CatalogModel m : models) {
      if (random.nextInt(4) == 0) {
        attempts.put(m.name(), BigDecimal.valueOf(10 + random.nextInt(30), 1)); // 1.0 … 3.9
      }
    }
    c = c.with("expectedAttempts", attempts);
    if (random.nextBoolean()) {
      c = c.with("outputTokenShare", BigDecimal.valueOf(random.nextInt(11), 1));
      c = c.with("cachedInputShare", BigDecimal.valueOf(random.nextInt(11), 1));
      c = c.with("batchShare", BigDecimal.valueOf(random.nextInt(11), 1));
    }
    return c;
  }
}
