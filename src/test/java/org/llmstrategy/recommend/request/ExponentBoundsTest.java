package org.llmstrategy.recommend.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;

/**
 * An exponent is part of the number: {@code 0.1e2147483648} has 2,147,483,647 digits before the
 * point once written out, so every decimal field is bounded before anything computes with it (it
 * was an ArithmeticException, a 500, once Bean Validation's digit count had overflowed to pass it).
 */
class ExponentBoundsTest {
  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final CriteriaParser PARSER = new CriteriaParser(VALIDATION.getValidator());

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  /** A valid request with one field sent as {@code "name": value} (replacing its own, if any). */
  private static String request(String field) {
    String budget = field.startsWith("\"upfrontBudgetUsd\"") ? "" : "\"upfrontBudgetUsd\": 0, ";
    return """
        {"dataSensitivity": "PUBLIC", "monthlyTokens": 1000000, "timeToProduction": "DAYS", %s%s}"""
        .formatted(budget, field);
  }

  private static List<FieldProblem> problems(String json) {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> PARSER.parse(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(e).as("refused, naming the field: %s", json).isNotNull();
    return e.problems();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "upfrontBudgetUsd | 0.1e2147483648",
        "upfrontBudgetUsd | -0.1e2147483648",
        "upfrontBudgetUsd | 1e2147483647",
        "upfrontBudgetUsd | 1e-2147483647",
        "upfrontBudgetUsd | 0.1e-2147483647",
        "upfrontBudgetUsd | 1e-2147483649",
        "engineerMonthlyUsd | 0.1e2147483648",
        "outputTokenShare | 0.1e2147483648",
        "outputTokenShare | 1e-2147483647",
        "cachedInputShare | -0.1e2147483648",
        "batchShare | 0.1e2147483648",
      })
  void aDecimalWithAnyExponentIsNamedNotComputed(String field, String number) {
    assertThat(problems(request("\"" + field + "\": " + number)))
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo(field));
  }

  @ParameterizedTest(name = "expectedAttempts: {0}")
  @CsvSource({
    "0.1e2147483648",
    "1e2147483647",
    "1e-2147483647",
    "-0.1e2147483648",
    "0.1e-2147483647",
    "1e-2147483648"
  })
  void anExpectedAttemptsValueWithAnyExponentIsNamed(String number) {
    assertThat(problems(request("\"expectedAttempts\": {\"GPT-4o\": " + number + "}")))
        .singleElement()
        .satisfies(p -> assertThat(p.field()).isEqualTo("expectedAttempts[GPT-4o]"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {"upfrontBudgetUsd | 1e101", "outputTokenShare | 1e-101"})
  void beyondAHundredDigitsTheMessageSaysSo(String field, String number) {
    assertThat(problems(request("\"" + field + "\": " + number)))
        .containsExactly(
            new FieldProblem(
                field, "is out of range: more than 100 digits before or after the point"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "upfrontBudgetUsd | 1e99 | must have at most 15 digits before and 2 after the point",
        "upfrontBudgetUsd | 1e-100 | must have at most 15 digits before and 2 after the point",
        "outputTokenShare | 1e-7 | must have at most 6 digits after the point",
      })
  void withinAHundredDigitsTheFieldsOwnRangeIsNamed(String field, String number, String message) {
    assertThat(problems(request("\"" + field + "\": " + number)))
        .containsExactly(new FieldProblem(field, message));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"7.5e5", "750000.00", "0.75e6", "75000000e-2"})
  void anExponentWithinRangeIsStillJustANumber(String number) {
    assertThat(
            PARSER
                .parse(request("\"upfrontBudgetUsd\": " + number).getBytes(StandardCharsets.UTF_8))
                .upfrontBudgetUsd())
        .isEqualByComparingTo("750000");
  }
}
