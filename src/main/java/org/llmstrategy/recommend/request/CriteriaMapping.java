package org.llmstrategy.recommend.request;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.TaskType;

/** The one place where a validated request becomes the rules' fact, defaults applied. */
public final class CriteriaMapping {
  static final String DEFAULT_REFERENCE_MODEL = "GPT-4o";

  private CriteriaMapping() {}

  public static Criteria toCriteria(CriteriaRequest r) {
    Criteria c = new Criteria();
    c.setDataSensitivity(r.dataSensitivity());
    c.setMonthlyTokens(r.monthlyTokens());
    c.setTimeToProduction(r.timeToProduction());
    c.setUpfrontBudgetUsd(plain(r.upfrontBudgetUsd()));
    c.setMlEngineers(Objects.requireNonNullElse(r.mlEngineers(), 0));
    c.setInfraEngineers(Objects.requireNonNullElse(r.infraEngineers(), 0));
    c.setLatencyBudgetMs(r.latencyBudgetMs());
    c.setCustomization(Objects.requireNonNullElse(r.customization(), Customization.PROMPT_ONLY));
    c.setTaskType(Objects.requireNonNullElse(r.taskType(), TaskType.FACTUAL_QA));
    c.setKnowledgeUpdates(
        Objects.requireNonNullElse(r.knowledgeUpdates(), KnowledgeUpdates.PERIODIC));
    c.setLabeledExamples(r.labeledExamples());
    c.setRagMeetsQualityBar(r.ragMeetsQualityBar());
    c.setReferenceModel(Objects.requireNonNullElse(r.referenceModel(), DEFAULT_REFERENCE_MODEL));
    c.setMinContextWindowTokens(r.minContextWindowTokens());
    c.setMinQuality(r.minQuality());
    c.setRequireOpenWeights(Boolean.TRUE.equals(r.requireOpenWeights()));
    c.setTokensPerTask(r.tokensPerTask());
    Map<String, BigDecimal> attempts = new LinkedHashMap<>();
    if (r.expectedAttempts() != null) {
      r.expectedAttempts().forEach((model, n) -> attempts.put(model, plain(n)));
    }
    c.setExpectedAttempts(attempts);
    c.setOutputTokenShare(plainOrNull(r.outputTokenShare()));
    c.setCachedInputShare(plainOrNull(r.cachedInputShare()));
    c.setBatchShare(plainOrNull(r.batchShare()));
    c.setEngineerMonthlyUsd(plainOrNull(r.engineerMonthlyUsd()));
    c.setHorizonMonths(r.horizonMonths());
    return c;
  }

  /**
   * Trailing zeros were stripped while reading (so 750000.00 passes @Digits); give whole amounts
   * back a non-negative scale so they print as 750000, not 7.5E+5. Safe: validation bounded the
   * digits.
   */
  private static BigDecimal plainOrNull(BigDecimal value) {
    return value == null ? null : plain(value);
  }

  private static BigDecimal plain(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }
}
