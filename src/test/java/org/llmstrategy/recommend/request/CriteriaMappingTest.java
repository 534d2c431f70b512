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
            24,
            new SelfHostRequest(
                "Llama 3.1 70B",
                "A100 80GB",
                1,
                org.llmstrategy.facts.Hardware.BUY,
                null,
                new BigDecimal("1.5E+4"),
                400,
                new BigDecimal("190"),
                new BigDecimal("176"),
                BigDecimal.ONE,
                new BigDecimal("0.15")),
            new BigDecimal("-0.5"),
            new BigDecimal("1"));

    Criteria c = CriteriaMapping.toCriteria(request);

    assertThat(c.dataSensitivity()).isEqualTo(DataSensitivity.REGULATED);
    assertThat(c.monthlyTokens()).isEqualTo(5);
    assertThat(c.timeToProduction()).isEqualTo(TimeToProduction.WEEKS);
    assertThat(c.upfrontBudgetUsd()).hasToString("750000");
    assertThat(c.mlEngineers()).isEqualTo(2);
    assertThat(c.infraEngineers()).isEqualTo(4);
    assertThat(c.latencyBudgetMs()).isEqualTo(250);
    assertThat(c.customization()).isEqualTo(Customization.FULL_CONTROL);
    assertThat(c.taskType()).isEqualTo(TaskType.STYLE_FORMAT);
    assertThat(c.knowledgeUpdates()).isEqualTo(KnowledgeUpdates.REAL_TIME);
    assertThat(c.labeledExamples()).isEqualTo(1000);
    assertThat(c.ragMeetsQualityBar()).isTrue();
    assertThat(c.referenceModel()).isEqualTo("Claude 3.5 Sonnet");
    assertThat(c.minContextWindowTokens()).isEqualTo(32_000L);
    assertThat(c.minQuality()).isEqualTo(Quality.HIGH);
    assertThat(c.requireOpenWeights()).isTrue();
    assertThat(c.tokensPerTask()).isEqualTo(3000L);
    assertThat(c.expectedAttempts()).containsExactly(Map.entry("GPT-4o", new BigDecimal("1.5")));
    assertThat(c.outputTokenShare()).isEqualByComparingTo("0.3");
    assertThat(c.cachedInputShare()).isEqualByComparingTo("0.4");
    assertThat(c.batchShare()).isEqualByComparingTo("0.2");
    assertThat(c.engineerMonthlyUsd()).hasToString("15000");
    assertThat(c.horizonMonths()).isEqualTo(24);
    assertThat(c.selfHost().gpuPriceUsd()).hasToString("15000");
    assertThat(c.selfHost().model()).isEqualTo("Llama 3.1 70B");
    assertThat(c.apiPriceChangePerYear()).isEqualByComparingTo("-0.5");
    assertThat(c.volumeGrowthPerYear()).isEqualByComparingTo("1");
    assertThat(c.totalCostRequested()).isTrue();
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
            null,
            null,
            null,
            null);

    Criteria c = CriteriaMapping.toCriteria(request);

    assertThat(c.mlEngineers()).isZero();
    assertThat(c.infraEngineers()).isZero();
    assertThat(c.latencyBudgetMs()).isNull();
    assertThat(c.customization()).isEqualTo(Customization.PROMPT_ONLY);
    assertThat(c.taskType()).isEqualTo(TaskType.FACTUAL_QA);
    assertThat(c.knowledgeUpdates()).isEqualTo(KnowledgeUpdates.PERIODIC);
    assertThat(c.labeledExamples()).as("not sent: unknown").isNull();
    assertThat(c.ragMeetsQualityBar()).isNull();
    assertThat(c.referenceModel()).isEqualTo("GPT-4o");
    assertThat(c.minContextWindowTokens()).isNull();
    assertThat(c.minQuality()).isNull();
    assertThat(c.requireOpenWeights()).isFalse();
    assertThat(c.tokensPerTask()).isNull();
    assertThat(c.totalCostRequested()).as("no traffic shape, labour or horizon").isFalse();
    assertThat(c.expectedAttempts()).isEmpty();
  }
}
