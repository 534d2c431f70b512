package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Quality;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model as GET /models and /recommend's models[] write it: the catalog's published columns in the
 * catalog's order, then the candidate's costs; where a price comes from and when it was checked
 * (for the analysts' catalog) stay out of the answer. Pins the JSON text, key order included.
 */
class ModelViewJsonTest {
  private static final CatalogModel MODEL =
      new CatalogModel(
          "GPT-4o",
          "OpenAI",
          128_000L,
          Quality.HIGH,
          "fast",
          new BigDecimal("2.50"),
          License.CLOSED,
          LocalDate.of(2026, 12, 31),
          new BigDecimal("10.00"),
          new BigDecimal("1.25"),
          new BigDecimal("0.5"),
          null,
          false,
          "https://openai.com/api/pricing",
          LocalDate.of(2026, 11, 1));

  @Test
  void aCatalogModelIsWrittenWithItsPublishedColumnsOnly() {
    assertThat(JsonMapper.shared().writeValueAsString(ModelView.of(MODEL)))
        .isEqualTo(
            "{\"name\":\"GPT-4o\",\"provider\":\"OpenAI\",\"contextWindowTokens\":128000,"
                + "\"quality\":\"HIGH\",\"speed\":\"fast\",\"inputUsdPerMillionTokens\":2.50,"
                + "\"license\":\"CLOSED\",\"retirementDate\":\"2026-12-31\","
                + "\"outputUsdPerMillionTokens\":10.00,\"cachedInputUsdPerMillionTokens\":1.25,"
                + "\"batchDiscount\":0.5,\"parametersBillions\":null,\"fineTunable\":false,"
                + "\"pricesCheckedOn\":\"2026-11-01\",\"monthlyUsd\":null,\"costPerTaskUsd\":null}");
  }

  @Test
  void aCandidateAddsItsCostsAtTheEnd() {
    assertThat(
            JsonMapper.shared()
                .writeValueAsString(
                    ModelView.of(MODEL)
                        .withCosts(new BigDecimal("8000.00"), new BigDecimal("0.0024"))))
        .endsWith(
            "\"fineTunable\":false,\"pricesCheckedOn\":\"2026-11-01\",\"monthlyUsd\":8000.00,"
                + "\"costPerTaskUsd\":0.0024}")
        .doesNotContain("priceSource", "\"model\"");
  }
}
