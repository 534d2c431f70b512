package org.llmstrategy.recommend.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Hardware;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;

/** {@code selfHost} is read as strictly as the request around it, its problems named selfHost.x. */
class SelfHostRequestReadingTest {
  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final CriteriaParser PARSER = new CriteriaParser(VALIDATION.getValidator());

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  private static String request(String selfHost) {
    return """
        {"dataSensitivity": "PUBLIC", "monthlyTokens": 120384000, "timeToProduction": "DAYS",
         "upfrontBudgetUsd": 0, "selfHost": %s}"""
        .formatted(selfHost);
  }

  private static List<FieldProblem> problems(String json) {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> PARSER.parse(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(e).as("refused: %s", json).isNotNull();
    return e.problems();
  }

  @Test
  void aQuoteIsReadIntoTheCriteria() {
    Criteria c =
        PARSER.parse(
            request(
                    """
                    {"model": "Llama-3.3-70B", "gpu": "A100 80GB", "gpuCount": 1,
                     "hardware": "BUY", "gpuPriceUsd": 15000.00, "gpuWatts": 400,
                     "tokensPerSecond": 190, "servingHoursPerMonth": 176, "utilisation": 1,
                     "electricityUsdPerKwh": 0.15}""")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(c.selfHost().model()).isEqualTo("Llama-3.3-70B");
    assertThat(c.selfHost().hardware()).isEqualTo(Hardware.BUY);
    assertThat(c.selfHost().gpuPriceUsd()).hasToString("15000");
    assertThat(c.selfHost().servingHoursPerMonth()).isEqualByComparingTo("176");
    assertThat(PARSER.parse(request("{}").getBytes(StandardCharsets.UTF_8)).selfHost()).isNotNull();
  }

  @Test
  void everyBadPartIsNamedWithItsPath() {
    assertThat(
            problems(
                request(
                    """
                    {"gpuu": "H100", "gpuCount": 0, "hardware": "LEASE", "utilisation": 1.5,
                     "tokensPerSecond": "fast", "gpuPriceUsd": 0.1e2147483648}""")))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder(
            "selfHost.gpuu",
            "selfHost.gpuCount",
            "selfHost.hardware",
            "selfHost.utilisation",
            "selfHost.tokensPerSecond",
            "selfHost.gpuPriceUsd");
    assertThat(problems(request("{\"gpuu\": \"H100\"}")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean gpu?"));
    assertThat(problems(request("5")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("selfHost");
              assertThat(p.message()).isEqualTo("must be an object");
            });
  }
}
