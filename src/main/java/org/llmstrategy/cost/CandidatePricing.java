package org.llmstrategy.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.llmstrategy.facts.CandidateListing;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.ModelCandidates;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.facts.SelfHostSetup;

/**
 * Prices the models that met the filters at the submitted volume and per task, and keeps the
 * cheapest few: "a cheaper model that needs 3 retries is not cheaper". Called by the candidate rule
 * (decision/ModelCandidates.drl) once per request, over all the models the rule chose.
 */
public final class CandidatePricing {
  /** Per-task figures are fractions of a cent: keep ten decimal places. */
  private static final int PER_TASK_SCALE = 10;

  private static final Comparator<BigDecimal> NULLS_LAST =
      Comparator.nullsLast(Comparator.naturalOrder());

  private static final Comparator<ModelCandidates.Priced> CHEAPEST_FIRST =
      Comparator.comparing(ModelCandidates.Priced::costPerTaskUsd, NULLS_LAST)
          .thenComparing(ModelCandidates.Priced::monthlyUsd, NULLS_LAST)
          .thenComparing(p -> p.model().name());

  private CandidatePricing() {}

  /**
   * The {@code listing.size()} cheapest of {@code matching} for {@code option}, and how many there
   * were. {@code costs} holds the request's cost estimate, or nothing when it has none.
   */
  public static ModelCandidates rank(
      Criteria criteria,
      Option option,
      List<?> matching,
      List<?> costs,
      List<?> setups,
      CandidateListing listing) {
    List<SelfHostSetup> selfHost = setups.stream().map(SelfHostSetup.class::cast).toList();
    return rank(
        criteria,
        option,
        matching,
        costs,
        new ReferenceData(Catalog.EMPTY, selfHost, List.of(), null, null),
        listing);
  }

  /**
   * As above, each candidate priced as the cost answer prices its option (issue 24: one price per
   * option): an API model at its token prices; a fine-tuned model at the option costs' fine-tuned
   * price and retraining runs; a self-hosted model on the setups that serve its size, or sized on a
   * GPU as {@code cost.selfHost} is when the request sends {@code selfHost}. A model the catalog
   * cannot price for the request's traffic (no output price) takes no part: it is not ranked.
   */
  public static ModelCandidates rank(
      Criteria criteria,
      Option option,
      List<?> matching,
      List<?> costs,
      ReferenceData data,
      CandidateListing listing) {
    boolean costed = !costs.isEmpty() && costs.get(0) instanceof CostEstimate;
    Pricing pricing = new Pricing(criteria, option, costed, data);
    List<CatalogModel> models =
        matching.stream()
            .map(CatalogModel.class::cast)
            .filter(m -> option == Option.SELF_HOST || pricing.shape.prices(m))
            .toList();
    List<ModelCandidates.Priced> priced = new ArrayList<>();
    for (CatalogModel m : pricing.shortlist(models, listing.size())) {
      priced.add(pricing.of(m));
    }
    priced.sort(CHEAPEST_FIRST);
    return new ModelCandidates(
        priced.subList(0, Math.min(listing.size(), priced.size())), models.size());
  }

  /** One request's prices; self-host costs depend only on a model's size, so each is made once. */
  private static final class Pricing {
    private final Criteria criteria;
    private final boolean selfHosted;
    private final boolean fineTuned;
    private final boolean costed;
    private final ReferenceData data;
    private final List<SelfHostSetup> setups;
    private final TrafficShape shape;
    private final TotalCost total;
    private final Map<BigDecimal, BigDecimal> selfHostBySize = new HashMap<>();

    Pricing(Criteria criteria, Option option, boolean costed, ReferenceData data) {
      this.criteria = criteria;
      this.selfHosted = option == Option.SELF_HOST;
      this.fineTuned = option == Option.FINE_TUNE && !data.optionTerms().isEmpty();
      this.costed = costed;
      this.data = data;
      this.setups = data.selfHostSetups();
      this.shape = TrafficShape.of(criteria);
      this.total = new TotalCost(criteria, data.optionTerms(), data.selfHostDefaults());
    }

    /**
     * The models that can be among the {@code k} cheapest, found without pricing them all. An API
     * candidate's cost per task is its price per million tokens times its expected attempts (times
     * the same tokens for all), and its month its price (times the same volume), both exact: a
     * model whose key is above the k-th smallest cannot rank before the k-th, and those equal to it
     * stay for the tie-breaks. Without a volume every month is 0 and ties go by name: all stay, as
     * do self-hosted models (priced by size on a few setups, cheaply).
     */
    List<CatalogModel> shortlist(List<CatalogModel> models, int k) {
      long volume = criteria.monthlyTokens();
      Long perTask = criteria.tokensPerTask();
      boolean byTask = perTask != null && perTask > 0;
      // fine-tuned: a run's cost shared over the tasks does not follow the price order
      if (selfHosted || fineTuned || models.size() <= k || (!byTask && volume <= 0)) {
        return models;
      }
      BigDecimal[] keys = new BigDecimal[models.size()];
      PriorityQueue<BigDecimal> cheapest = new PriorityQueue<>(k, Comparator.reverseOrder());
      for (int i = 0; i < keys.length; i++) {
        CatalogModel m = models.get(i);
        BigDecimal price = shape.usdPerMillion(m); // an API candidate has one: the rules chose it
        keys[i] = byTask ? price.multiply(attempts(m)) : price;
        if (cheapest.size() < k) {
          cheapest.add(keys[i]);
        } else if (keys[i].compareTo(cheapest.peek()) < 0) {
          cheapest.poll();
          cheapest.add(keys[i]);
        }
      }
      BigDecimal limit = cheapest.peek();
      List<CatalogModel> kept = new ArrayList<>();
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].compareTo(limit) <= 0) {
          kept.add(models.get(i));
        }
      }
      return kept;
    }

    private BigDecimal attempts(CatalogModel m) {
      return criteria.expectedAttempts().getOrDefault(m.name(), BigDecimal.ONE);
    }

    ModelCandidates.Priced of(CatalogModel m) {
      BigDecimal attempts = attempts(m);
      Long perTask = criteria.tokensPerTask();
      long volume = criteria.monthlyTokens();
      BigDecimal monthly;
      BigDecimal costPerTask = null;
      if (selfHosted) {
        // on the setups that serve the model's size (a 405B model needs more GPUs than a 70B)
        monthly = costed ? selfHostMonthly(m) : null;
        if (perTask != null && monthly != null && volume > 0) {
          // the infrastructure's monthly cost shared over the tasks the volume represents
          costPerTask =
              monthly
                  .multiply(BigDecimal.valueOf(perTask))
                  .multiply(attempts)
                  .divide(BigDecimal.valueOf(volume), PER_TASK_SCALE, RoundingMode.HALF_EVEN);
        }
      } else if (fineTuned) {
        // the fine-tuned model's tokens and retraining runs, as cost.options prices FINE_TUNE
        BigDecimal tokens = CostCalculator.apiMonthlyUsd(volume, shape.usdPerMillion(m));
        BigDecimal tuned = total.fineTuneMonthlyUsd(tokens);
        monthly = tuned == null ? null : CostCalculator.money(tuned);
        if (perTask != null && monthly != null && volume > 0) {
          costPerTask =
              tuned
                  .multiply(BigDecimal.valueOf(perTask))
                  .multiply(attempts)
                  .divide(BigDecimal.valueOf(volume), PER_TASK_SCALE, RoundingMode.HALF_EVEN);
        }
      } else {
        // at the request's traffic shape (the input price alone without one)
        BigDecimal price = shape.usdPerMillion(m);
        monthly = CostCalculator.money(CostCalculator.apiMonthlyUsd(volume, price));
        if (perTask != null) {
          costPerTask = CostCalculator.apiMonthlyUsd(perTask, price).multiply(attempts);
        }
      }
      return new ModelCandidates.Priced(
          m, monthly, costPerTask == null ? null : costPerTask.stripTrailingZeros());
    }

    private BigDecimal selfHostMonthly(CatalogModel m) {
      if (criteria.selfHost() != null) {
        // sized on a GPU, as cost.selfHost: the cheapest replicas that serve this model
        SelfHostSizing.Replica r = SelfHostSizing.cheapest(criteria, data, List.of(m));
        return r == null
            ? null
            : CostCalculator.money(
                new SelfHostSide.Sized(r)
                    .at(BigDecimal.valueOf(criteria.monthlyTokens()))
                    .monthlyUsd());
      }
      BigDecimal size = m.parametersBillions(); // null: unknown, the reference staircase
      return selfHostBySize.computeIfAbsent(
          size == null ? null : size.stripTrailingZeros(),
          s -> ModelSizing.selfHostMonthlyUsd(m, criteria.monthlyTokens(), setups));
    }
  }
}
