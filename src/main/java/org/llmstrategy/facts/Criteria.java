package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The submitted situation, as the rules see it. Rules only read it; defaults for optional fields
 * are applied before it reaches the rules, so a condition never has to guess what "absent" means,
 * except where absence is itself meaningful (no latency budget, quality bar unknown).
 */
public class Criteria {
  private DataSensitivity dataSensitivity;
  private long monthlyTokens;
  private TimeToProduction timeToProduction;
  private BigDecimal upfrontBudgetUsd;
  private int mlEngineers;
  private int infraEngineers;
  private Integer latencyBudgetMs;
  private Customization customization = Customization.PROMPT_ONLY;
  private TaskType taskType = TaskType.FACTUAL_QA;
  private KnowledgeUpdates knowledgeUpdates = KnowledgeUpdates.PERIODIC;

  /** Null when the request does not say: unknown blocks nothing. */
  private Integer labeledExamples;

  private Boolean ragMeetsQualityBar;

  /** The contract's default: the article prices its cost table at GPT-4o. */
  private String referenceModel = "GPT-4o";

  private Long minContextWindowTokens;
  private Quality minQuality;
  private boolean requireOpenWeights;
  private Long tokensPerTask;
  private Map<String, BigDecimal> expectedAttempts = Map.of();

  // The total cost of ownership (issue 12): all optional; null means not sent. Without them the
  // cost answer is the article's arithmetic.
  private BigDecimal outputTokenShare;
  private BigDecimal cachedInputShare;
  private BigDecimal batchShare;
  private BigDecimal engineerMonthlyUsd;
  private Integer horizonMonths;

  public DataSensitivity getDataSensitivity() {
    return dataSensitivity;
  }

  public void setDataSensitivity(DataSensitivity dataSensitivity) {
    this.dataSensitivity = dataSensitivity;
  }

  public long getMonthlyTokens() {
    return monthlyTokens;
  }

  public void setMonthlyTokens(long monthlyTokens) {
    this.monthlyTokens = monthlyTokens;
  }

  public TimeToProduction getTimeToProduction() {
    return timeToProduction;
  }

  public void setTimeToProduction(TimeToProduction timeToProduction) {
    this.timeToProduction = timeToProduction;
  }

  public BigDecimal getUpfrontBudgetUsd() {
    return upfrontBudgetUsd;
  }

  public void setUpfrontBudgetUsd(BigDecimal upfrontBudgetUsd) {
    this.upfrontBudgetUsd = upfrontBudgetUsd;
  }

  public int getMlEngineers() {
    return mlEngineers;
  }

  public void setMlEngineers(int mlEngineers) {
    this.mlEngineers = mlEngineers;
  }

  public int getInfraEngineers() {
    return infraEngineers;
  }

  public void setInfraEngineers(int infraEngineers) {
    this.infraEngineers = infraEngineers;
  }

  /** ML and infrastructure engineers together: the article's "ML + infra team (5+)". */
  public int getTeamSize() {
    return mlEngineers + infraEngineers;
  }

  public Integer getLatencyBudgetMs() {
    return latencyBudgetMs;
  }

  public void setLatencyBudgetMs(Integer latencyBudgetMs) {
    this.latencyBudgetMs = latencyBudgetMs;
  }

  public Customization getCustomization() {
    return customization;
  }

  public void setCustomization(Customization customization) {
    this.customization = customization;
  }

  public TaskType getTaskType() {
    return taskType;
  }

  public void setTaskType(TaskType taskType) {
    this.taskType = taskType;
  }

  public KnowledgeUpdates getKnowledgeUpdates() {
    return knowledgeUpdates;
  }

  public void setKnowledgeUpdates(KnowledgeUpdates knowledgeUpdates) {
    this.knowledgeUpdates = knowledgeUpdates;
  }

  public Integer getLabeledExamples() {
    return labeledExamples;
  }

  public void setLabeledExamples(Integer labeledExamples) {
    this.labeledExamples = labeledExamples;
  }

  public Boolean getRagMeetsQualityBar() {
    return ragMeetsQualityBar;
  }

  public void setRagMeetsQualityBar(Boolean ragMeetsQualityBar) {
    this.ragMeetsQualityBar = ragMeetsQualityBar;
  }

  public String getReferenceModel() {
    return referenceModel;
  }

  public void setReferenceModel(String referenceModel) {
    this.referenceModel = referenceModel;
  }

  public Long getMinContextWindowTokens() {
    return minContextWindowTokens;
  }

  public void setMinContextWindowTokens(Long minContextWindowTokens) {
    this.minContextWindowTokens = minContextWindowTokens;
  }

  public Quality getMinQuality() {
    return minQuality;
  }

  public void setMinQuality(Quality minQuality) {
    this.minQuality = minQuality;
  }

  public boolean isRequireOpenWeights() {
    return requireOpenWeights;
  }

  public void setRequireOpenWeights(boolean requireOpenWeights) {
    this.requireOpenWeights = requireOpenWeights;
  }

  public Long getTokensPerTask() {
    return tokensPerTask;
  }

  public void setTokensPerTask(Long tokensPerTask) {
    this.tokensPerTask = tokensPerTask;
  }

  public Map<String, BigDecimal> getExpectedAttempts() {
    return expectedAttempts;
  }

  public void setExpectedAttempts(Map<String, BigDecimal> expectedAttempts) {
    this.expectedAttempts = Map.copyOf(expectedAttempts);
  }

  public BigDecimal getOutputTokenShare() {
    return outputTokenShare;
  }

  public void setOutputTokenShare(BigDecimal outputTokenShare) {
    this.outputTokenShare = outputTokenShare;
  }

  public BigDecimal getCachedInputShare() {
    return cachedInputShare;
  }

  public void setCachedInputShare(BigDecimal cachedInputShare) {
    this.cachedInputShare = cachedInputShare;
  }

  public BigDecimal getBatchShare() {
    return batchShare;
  }

  public void setBatchShare(BigDecimal batchShare) {
    this.batchShare = batchShare;
  }

  public BigDecimal getEngineerMonthlyUsd() {
    return engineerMonthlyUsd;
  }

  public void setEngineerMonthlyUsd(BigDecimal engineerMonthlyUsd) {
    this.engineerMonthlyUsd = engineerMonthlyUsd;
  }

  public Integer getHorizonMonths() {
    return horizonMonths;
  }

  public void setHorizonMonths(Integer horizonMonths) {
    this.horizonMonths = horizonMonths;
  }

  /**
   * Whether the request asks for more than the article's arithmetic (a traffic shape, labour or a
   * horizon): only then is fine-tuning's cost compared with the others' (the article's comparison
   * prices the API and self-hosting only).
   */
  public boolean isTotalCostRequested() {
    return outputTokenShare != null
        || cachedInputShare != null
        || batchShare != null
        || engineerMonthlyUsd != null
        || horizonMonths != null;
  }

  /** The least quality a compared model must have: minQuality, or else the reference's quality. */
  public Quality qualityAtLeast(Quality referenceQuality) {
    return minQuality != null ? minQuality : referenceQuality;
  }

  /** A copy to vary one input on (the answer's flips); the maps and values inside are immutable. */
  public Criteria copy() {
    Criteria c = new Criteria();
    c.dataSensitivity = dataSensitivity;
    c.monthlyTokens = monthlyTokens;
    c.timeToProduction = timeToProduction;
    c.upfrontBudgetUsd = upfrontBudgetUsd;
    c.mlEngineers = mlEngineers;
    c.infraEngineers = infraEngineers;
    c.latencyBudgetMs = latencyBudgetMs;
    c.customization = customization;
    c.taskType = taskType;
    c.knowledgeUpdates = knowledgeUpdates;
    c.labeledExamples = labeledExamples;
    c.ragMeetsQualityBar = ragMeetsQualityBar;
    c.referenceModel = referenceModel;
    c.minContextWindowTokens = minContextWindowTokens;
    c.minQuality = minQuality;
    c.requireOpenWeights = requireOpenWeights;
    c.tokensPerTask = tokensPerTask;
    c.expectedAttempts = expectedAttempts;
    c.outputTokenShare = outputTokenShare;
    c.cachedInputShare = cachedInputShare;
    c.batchShare = batchShare;
    c.engineerMonthlyUsd = engineerMonthlyUsd;
    c.horizonMonths = horizonMonths;
    return c;
  }
}
