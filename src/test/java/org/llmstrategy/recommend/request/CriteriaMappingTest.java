package org.llmstrategy.recommend.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;

class CriteriaMappingTest {

  @Test
  void everySentFieldReachesTheCriteria() {
    var request =
        new CriteriaRequest(
            DataSensitivity.REGULATED,
            5L,
            TimeToProduction.WEEKS,
            new BigDecimal("7.5E+5"),
            2,
            4,
            250,
            Customization.FULL_CONTROL,
            TaskType.STYLE_FORMAT,
            KnowledgeUpdates.REAL_TIME,
            1000,
            true,
            "Claude 3.5 Sonnet",
            32_000L,
            Quality.HIGH,
            true,
            3000L,
            Map.of("GPT-4o", new BigDecimal("1.5")),
            new BigDecimal("0.3"),
            new BigDecimal("0.4"),
            new BigDecimal("0.2"),
            new BigDecimal("1.5E+4"),
            24);

    Criteria c = CriteriaMapping.toCriteria(request);

    assertThat(c.getDataSensitivity()).isEqualTo(DataSensitivity.REGULATED);
    assertThat(c.getMonthlyTokens()).isEqualTo(5);
    assertThat(c.getTimeToProduction()).isEqualTo(TimeToProduction.WEEKS);
    assertThat(c.getUpfrontBudgetUsd()).hasToString("750000");
    assertThat(c.getMlEngineers()).isEqualTo(2);
    assertThat(c.getInfraEngineers()).isEqualTo(4);
    assertThat(c.getLatencyBudgetMs()).isEqualTo(250);
    assertThat(c.getCustomization()).isEqualTo(Customization.FULL_CONTROL);
    assertThat(c.getTaskType()).isEqualTo(TaskType.STYLE_FORMAT);
    assertThat(c.getKnowledgeUpdates()).isEqualTo(KnowledgeUpdates.REAL_TIME);
    assertThat(c.getLabeledExamples()).isEqualTo(1000);
    assertThat(c.getRagMeetsQualityBar()).isTrue();
    assertThat(c.getReferenceModel()).isEqualTo("Claude 3.5 Sonnet");
    assertThat(c.getMinContextWindowTokens()).isEqualTo(32_000L);
    assertThat(c.getMinQuality()).isEqualTo(Quality.HIGH);
    assertThat(c.isRequireOpenWeights()).isTrue();
    assertThat(c.getTokensPerTask()).isEqualTo(3000L);
    assertThat(c.getExpectedAttempts()).containsExactly(Map.entry("GPT-4o", new BigDecimal("1.5")));
    assertThat(c.getOutputTokenShare()).isEqualByComparingTo("0.3");
    assertThat(c.getCachedInputShare()).isEqualByComparingTo("0.4");
    assertThat(c.getBatchShare()).isEqualByComparingTo("0.2");
    assertThat(c.getEngineerMonthlyUsd()).hasToString("15000");
    assertThat(c.getHorizonMonths()).isEqualTo(24);
    assertThat(c.isTotalCostRequested()).isTrue();
  }

  @Test
  void absentFieldsTakeTheContractDefaults() {
    var request =
        new CriteriaRequest(
            DataSensitivity.PUBLIC,
            0L,
            TimeToProduction.DAYS,
            BigDecimal.ZERO,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    Criteria c = CriteriaMapping.toCriteria(request);

    assertThat(c.getMlEngineers()).isZero();
    assertThat(c.getInfraEngineers()).isZero();
    assertThat(c.getLatencyBudgetMs()).isNull();
    assertThat(c.getCustomization()).isEqualTo(Customization.PROMPT_ONLY);
    assertThat(c.getTaskType()).isEqualTo(TaskType.FACTUAL_QA);
    assertThat(c.getKnowledgeUpdates()).isEqualTo(KnowledgeUpdates.PERIODIC);
    assertThat(c.getLabeledExamples()).as("not sent: unknown").isNull();
    assertThat(c.getRagMeetsQualityBar()).isNull();
    assertThat(c.getReferenceModel()).isEqualTo("GPT-4o");
    assertThat(c.getMinContextWindowTokens()).isNull();
    assertThat(c.getMinQuality()).isNull();
    assertThat(c.isRequireOpenWeights()).isFalse();
    assertThat(c.getTokensPerTask()).isNull();
    assertThat(c.isTotalCostRequested()).as("no traffic shape, labour or horizon").isFalse();
    assertThat(c.getExpectedAttempts()).isEmpty();
  }
}
