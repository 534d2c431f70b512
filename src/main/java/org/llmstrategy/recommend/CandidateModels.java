package org.llmstrategy.recommend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.llmstrategy.cost.CostCalculator;
import org.llmstrategy.cost.ModelSizing;
import org.llmstrategy.cost.TrafficShape;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.ModelCandidate;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.SelfHostSetup;
import org.llmstrategy.rules.Evaluation;

/**
 * Prices the candidate models the rules chose, at the submitted volume and per task, and ranks
 * them: "a cheaper model that needs 3 retries is not cheaper".
 */
final class CandidateModels {
  /** Per-task figures are fractions of a cent: keep ten decimal places. */
  private static final int PER_TASK_SCALE = 10;

  private CandidateModels() {}

  static List<ModelView> from(
      Evaluation e, Criteria criteria, Option recommendation, CostEstimate cost) {
    boolean selfHosted = recommendation == Option.SELF_HOST;
    Comparator<ModelView> cheapestFirst =
        Comparator.comparing(
                (ModelView m) -> criteria.getTokensPerTask() != null ? m.costPerTaskUsd() : null,
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelView::monthlyUsd, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelView::name);
    List<SelfHostSetup> setups = e.facts(SelfHostSetup.class);
    return e.facts(ModelCandidate.class).stream()
        .map(ModelCandidate::model)
        .distinct()
        .map(m -> priced(m, criteria, selfHosted, cost, setups))
        .sorted(cheapestFirst)
        .toList();
  }

  private static ModelView priced(
      CatalogModel m,
      Criteria criteria,
      boolean selfHosted,
      CostEstimate cost,
      List<SelfHostSetup> setups) {
    BigDecimal attempts = criteria.getExpectedAttempts().getOrDefault(m.name(), BigDecimal.ONE);
    Long perTask = criteria.getTokensPerTask();
    BigDecimal monthly;
    BigDecimal costPerTask = null;
    if (selfHosted) {
      // on the setups that serve the model's size (a 405B model needs more GPUs than a 70B)
      monthly =
          cost == null
              ? null
              : ModelSizing.selfHostMonthlyUsd(m, criteria.getMonthlyTokens(), setups);
      if (perTask != null && monthly != null && criteria.getMonthlyTokens() > 0) {
        // the infrastructure's monthly cost shared over the tasks the volume represents
        costPerTask =
            monthly
                .multiply(BigDecimal.valueOf(perTask))
                .multiply(attempts)
                .divide(
                    BigDecimal.valueOf(criteria.getMonthlyTokens()),
                    PER_TASK_SCALE,
                    RoundingMode.HALF_EVEN);
      }
    } else {
      // at the request's traffic shape (the input price alone without one)
      BigDecimal price = TrafficShape.of(criteria).usdPerMillion(m);
      monthly =
          CostCalculator.money(CostCalculator.apiMonthlyUsd(criteria.getMonthlyTokens(), price));
      if (perTask != null) {
        costPerTask = CostCalculator.apiMonthlyUsd(perTask, price).multiply(attempts);
      }
    }
    return ModelView.of(m)
        .withCosts(monthly, costPerTask == null ? null : costPerTask.stripTrailingZeros());
  }

  /** When no model is left: which filter kept out which models, in the rules' order. */
  static List<Recommendation.ModelExclusion> exclusions(Evaluation e) {
    java.util.Map<String, List<String>> byFilter = new java.util.LinkedHashMap<>();
    for (org.llmstrategy.facts.ExcludedModel x :
        e.facts(org.llmstrategy.facts.ExcludedModel.class)) {
      List<String> models = byFilter.computeIfAbsent(x.filter(), f -> new java.util.ArrayList<>());
      if (!models.contains(x.model())) {
        models.add(x.model());
      }
    }
    return byFilter.entrySet().stream()
        .map(x -> new Recommendation.ModelExclusion(x.getKey(), List.copyOf(x.getValue())))
        .toList();
  }
}
