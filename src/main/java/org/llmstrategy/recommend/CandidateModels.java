package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmstrategy.facts.ExcludedModels;
import org.llmstrategy.facts.ModelCandidates;
import org.llmstrategy.rules.run.Evaluation;

/**
 * The candidate models the rules chose and priced (decision/ModelCandidates.drl, through {@code
 * cost.CandidatePricing}), cheapest first, as the answer shows them.
 */
final class CandidateModels {
  /** How many model names an exclusion lists; its count says how many there were. */
  private static final int NAMES_PER_EXCLUSION = 20;

  private CandidateModels() {}

  static List<ModelView> from(Evaluation e) {
    ModelCandidates candidates = e.first(ModelCandidates.class);
    if (candidates == null) {
      return List.of();
    }
    return candidates.listed().stream()
        .map(p -> ModelView.of(p.model()).withCosts(p.monthlyUsd(), p.costPerTaskUsd()))
        .toList();
  }

  /** How many more candidates met the filters than the answer lists. */
  static int notListed(Evaluation e) {
    ModelCandidates candidates = e.first(ModelCandidates.class);
    return candidates == null ? 0 : candidates.notListed();
  }

  /** Which filter kept out which models, in the rules' order, each filter once. */
  static List<Recommendation.ModelExclusion> exclusions(Evaluation e) {
    Map<String, Set<String>> byFilter = new LinkedHashMap<>();
    for (ExcludedModels x : e.facts(ExcludedModels.class)) {
      byFilter.computeIfAbsent(x.filter(), f -> new LinkedHashSet<>()).addAll(x.models());
    }
    List<Recommendation.ModelExclusion> exclusions = new ArrayList<>();
    byFilter.forEach(
        (filter, models) ->
            exclusions.add(
                new Recommendation.ModelExclusion(
                    filter, models.stream().limit(NAMES_PER_EXCLUSION).toList(), models.size())));
    return exclusions;
  }
}
