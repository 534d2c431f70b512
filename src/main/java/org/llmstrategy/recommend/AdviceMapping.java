package org.llmstrategy.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.llmstrategy.facts.Advice;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Money;
import org.llmstrategy.facts.RetiringCandidate;

/**
 * Each advice code once, in the order the rules gave them, with this request's figures where the
 * advice is about them: cost per task, and which candidates have a retirement date.
 */
final class AdviceMapping {
  static final String MEASURE_COST_PER_TASK = "MEASURE_COST_PER_TASK";
  static final String PLAN_FOR_DEPRECATION = "PLAN_FOR_DEPRECATION";

  private AdviceMapping() {}

  static List<AdviceView> from(
      List<Advice> advice,
      Criteria criteria,
      List<ModelView> models,
      List<RetiringCandidate> retiring) {
    Map<String, String> byCode = new LinkedHashMap<>();
    for (Advice a : advice) {
      byCode.putIfAbsent(a.getCode(), a.getText());
    }
    byCode.computeIfPresent(
        MEASURE_COST_PER_TASK, (code, text) -> withPerTask(text, criteria, models));
    byCode.computeIfPresent(PLAN_FOR_DEPRECATION, (code, text) -> withRetirements(text, retiring));
    return byCode.entrySet().stream().map(e -> new AdviceView(e.getKey(), e.getValue())).toList();
  }

  private static String withPerTask(String text, Criteria criteria, List<ModelView> models) {
    if (criteria.tokensPerTask() == null || models.isEmpty()) {
      return text;
    }
    return text
        + " At "
        + criteria.tokensPerTask()
        + " tokens per task: "
        + models.stream()
            .filter(m -> m.costPerTaskUsd() != null)
            .map(m -> m.model().name() + " " + Money.usd(m.costPerTaskUsd()))
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** The candidates the rules found retiring within their horizon, soonest first. */
  private static String withRetirements(String text, List<RetiringCandidate> retiring) {
    String names =
        retiring.stream()
            .sorted(
                java.util.Comparator.comparing(RetiringCandidate::retirementDate)
                    .thenComparing(RetiringCandidate::model))
            .map(m -> m.model() + " (retires " + m.retirementDate() + ")")
            .distinct()
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? text : text + " Candidates retiring soon: " + names + ".";
  }
}
