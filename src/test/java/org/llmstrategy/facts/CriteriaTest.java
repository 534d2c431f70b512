package org.llmstrategy.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriteriaTest {
  private static final Criteria SENT =
      Criteria.defaults()
          .with("dataSensitivity", DataSensitivity.INTERNAL)
          .with("monthlyTokens", 2_000_000_000L)
          .with("timeToProduction", TimeToProduction.MONTHS)
          .with("upfrontBudgetUsd", new BigDecimal("750000"))
          .with("mlEngineers", 3);

  @Test
  void withChangesOneFieldAndKeepsTheOthers() {
    Criteria changed = SENT.with("latencyBudgetMs", 300);

    assertThat(changed.latencyBudgetMs()).isEqualTo(300);
    assertThat(SENT.latencyBudgetMs()).as("the original is unchanged").isNull();
    assertThat(changed.with("latencyBudgetMs", null)).isEqualTo(SENT);
  }

  @Test
  void numbersAreConvertedExactlyToTheFieldsType() {
    assertThat(SENT.with("monthlyTokens", 5).monthlyTokens()).isEqualTo(5L);
    assertThat(SENT.with("mlEngineers", new BigDecimal("4")).mlEngineers()).isEqualTo(4);
    assertThat(SENT.with("upfrontBudgetUsd", 1000).upfrontBudgetUsd())
        .isEqualTo(new BigDecimal("1000"));
    assertThat(SENT.with("upfrontBudgetUsd", new BigDecimal("1000.50")).upfrontBudgetUsd())
        .as("money keeps its scale")
        .hasToString("1000.50");
    assertThatThrownBy(() -> SENT.with("mlEngineers", new BigDecimal("1.5")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void anUnknownFieldOrAValueOfAnotherTypeIsRefused() {
    assertThatThrownBy(() -> SENT.with("monthlyTokenz", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'monthlyTokenz' is not a request field")
        .hasMessageContaining("monthlyTokens");
    assertThatThrownBy(() -> SENT.with("customization", TaskType.FACTUAL_QA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customization holds Customization");
    assertThatThrownBy(() -> SENT.with("requireOpenWeights", "yes"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAbsentFieldTakesTheContractsDefault() {
    Criteria c =
        SENT.with("customization", Customization.FULL_CONTROL)
            .with("customization", null)
            .with("mlEngineers", null)
            .with("referenceModel", null)
            .with("requireOpenWeights", null);

    assertThat(c.customization()).isEqualTo(Customization.PROMPT_ONLY);
    assertThat(c.taskType()).isEqualTo(TaskType.FACTUAL_QA);
    assertThat(c.knowledgeUpdates()).isEqualTo(KnowledgeUpdates.PERIODIC);
    assertThat(c.mlEngineers()).isZero();
    assertThat(c.referenceModel()).isEqualTo("GPT-4o");
    assertThat(c.requireOpenWeights()).isFalse();
    assertThat(c.expectedAttempts()).isEmpty();
    assertThat(c.labeledExamples()).as("unknown stays unknown").isNull();
  }

  @Test
  void theExpectedAttemptsCannotBeChangedThroughTheMapSent() {
    Map<String, BigDecimal> sent = new HashMap<>(Map.of("GPT-4o", new BigDecimal("1.2")));
    Criteria c = SENT.with("expectedAttempts", sent);
    sent.put("Other", BigDecimal.TEN);

    assertThat(c.expectedAttempts()).containsOnlyKeys("GPT-4o");
    assertThatThrownBy(() -> c.expectedAttempts().put("x", BigDecimal.ONE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void getReadsAFieldByItsRequestName() {
    for (String field : Criteria.fields()) {
      assertThat(SENT.with(field, SENT.get(field))).as(field).isEqualTo(SENT);
    }
    assertThat(SENT.get("mlEngineers")).isEqualTo(3);
    assertThat(Criteria.typeOf("mlEngineers")).isEqualTo(int.class);
  }

  @Test
  void derivedValues() {
    Criteria c = SENT.with("infraEngineers", 2);

    assertThat(c.teamSize()).isEqualTo(5);
    assertThat(c.totalCostRequested()).isFalse();
    assertThat(c.with("horizonMonths", 24).totalCostRequested()).isTrue();
    assertThat(c.qualityAtLeast(Quality.HIGH)).isEqualTo(Quality.HIGH);
    assertThat(c.with("minQuality", Quality.MEDIUM).qualityAtLeast(Quality.HIGH))
        .isEqualTo(Quality.MEDIUM);
  }
}
