package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.recommend.request.CriteriaReader;

/** The reader's limits: Jackson's stream constraints, the map's size, the volume's range. */
class RequestLimitsTest {
  private static final jakarta.validation.ValidatorFactory VALIDATION =
      Validation.buildDefaultValidatorFactory();
  private static final CriteriaReader READER = new CriteriaReader(VALIDATION.getValidator());
  private static final String REQUIRED =
      "\"dataSensitivity\": \"PUBLIC\", \"timeToProduction\": \"DAYS\","
          + " \"upfrontBudgetUsd\": 0, \"monthlyTokens\": ";

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  private static List<FieldProblem> problems(String json) {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> READER.read(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(e)
        .as("refused: %s", json.length() > 200 ? json.substring(0, 200) : json)
        .isNotNull();
    return e.problems();
  }

  private static String attempts(int models) {
    return IntStream.range(0, models)
        .mapToObj(i -> "\"model " + i + "\": 1.5")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  @Test
  void nestingDeeperThanSixteenIsRefusedBeforeAnyFieldIsRead() {
    String deep = "{\"expectedAttempts\": " + "[".repeat(16) + "]".repeat(16) + "}";
    assertThat(problems(deep))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("exceeds the reader's limits"));
  }

  @Test
  void longStringsNamesAndNumbersAreRefusedByTheReader() {
    for (String json :
        List.of(
            "{\"referenceModel\": \"" + "x".repeat(10_001) + "\"}",
            "{\"" + "k".repeat(1_001) + "\": 1}",
            "{\"monthlyTokens\": " + "9".repeat(101) + "}")) {
      assertThat(problems(json))
          .singleElement()
          .satisfies(p -> assertThat(p.message()).startsWith("exceeds the reader's limits"));
    }
  }

  @Test
  void aStringUnderTheReaderLimitIsJudgedByItsField() {
    assertThat(problems("{" + REQUIRED + "1, \"referenceModel\": \"" + "x".repeat(101) + "\"}"))
        .containsExactly(new FieldProblem("referenceModel", "must be at most 100 characters"));
  }

  @Test
  void atMostFiftyModelsInExpectedAttempts() {
    assertThatCode(
            () ->
                READER.read(
                    ("{" + REQUIRED + "1, \"expectedAttempts\": " + attempts(50) + "}")
                        .getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
    assertThat(problems("{" + REQUIRED + "1, \"expectedAttempts\": " + attempts(51) + "}"))
        .containsExactly(new FieldProblem("expectedAttempts", "must have at most 50 entries"));
  }

  @Test
  void volumesUpToTenToTheFifteen() {
    assertThatCode(
            () ->
                READER.read(
                    ("{" + REQUIRED + "1000000000000000}").getBytes(StandardCharsets.UTF_8)))
        .doesNotThrowAnyException();
    assertThat(problems("{" + REQUIRED + "1000000000000001}"))
        .containsExactly(new FieldProblem("monthlyTokens", "must be at most 1000000000000000"));
  }
}
