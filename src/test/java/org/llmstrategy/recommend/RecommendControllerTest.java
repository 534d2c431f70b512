package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

/** The web edge of POST /recommend: strict reading, problem+json for every client error. */
@WebMvcTest(RecommendController.class)
class RecommendControllerTest {
  static final String PROBLEMS = "https://llm-strategy.example/problems/";

  /** A minimal valid request: the four required fields, as raw JSON values. */
  static final Map<String, String> REQUIRED =
      Map.of(
          "dataSensitivity", "\"CONFIDENTIAL\"",
          "monthlyTokens", "2000000000",
          "timeToProduction", "\"MONTHS\"",
          "upfrontBudgetUsd", "750000");

  @Autowired MockMvc mvc;
  @MockitoBean Recommender recommender;

  ResultActions lastCall;

  /** Whatever the case, an answer never shows an exception or a stack frame. */
  @AfterEach
  void neverLeaksInternals() throws Exception {
    if (lastCall != null) {
      String body = lastCall.andReturn().getResponse().getContentAsString();
      assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  static String json(Map<String, String> rawFields) {
    return rawFields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** The required fields, with {@code changes} applied; a null value removes the field. */
  static String with(String... fieldsAndRawValues) {
    Map<String, String> fields = new LinkedHashMap<>(REQUIRED);
    for (int i = 0; i < fieldsAndRawValues.length; i += 2) {
      if (fieldsAndRawValues[i + 1] == null) {
        fields.remove(fieldsAndRawValues[i]);
      } else {
        fields.put(fieldsAndRawValues[i], fieldsAndRawValues[i + 1]);
      }
    }
    return json(fields);
  }

  ResultActions postJson(String body) throws Exception {
    lastCall =
        mvc.perform(post("/recommend").contentType(MediaType.APPLICATION_JSON).content(body));
    return lastCall;
  }

  static ResultMatcher all(ResultMatcher... matchers) {
    return result -> {
      for (ResultMatcher m : matchers) {
        m.match(result);
      }
    };
  }

  static ResultMatcher problem(int status, String type) {
    return all(
        status().is(status),
        content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
        jsonPath("$.type").value(PROBLEMS + type),
        jsonPath("$.status").value(status),
        jsonPath("$.title").isNotEmpty(),
        jsonPath("$.detail").isNotEmpty());
  }

  /** Exactly these {field, message} entries, in this order. */
  static ResultMatcher errors(String... fieldsAndMessages) {
    List<ResultMatcher> matchers = new java.util.ArrayList<>();
    matchers.add(jsonPath("$.errors", hasSize(fieldsAndMessages.length / 2)));
    for (int i = 0; i < fieldsAndMessages.length; i += 2) {
      matchers.add(jsonPath("$.errors[%d].field", i / 2).value(fieldsAndMessages[i]));
      matchers.add(jsonPath("$.errors[%d].message", i / 2).value(fieldsAndMessages[i + 1]));
    }
    return all(matchers.toArray(ResultMatcher[]::new));
  }

  @Test
  void malformedJsonIsA400NamingWhere() throws Exception {
    postJson("{\n  \"dataSensitivity\": PUBLIC\n}")
        .andExpect(problem(400, "malformed-request"))
        .andExpect(errors("", "is not valid JSON at line 2, column 22"));
    verifyNoInteractions(recommender);
  }

  @Test
  void emptyBodyIsMalformed() throws Exception {
    postJson("")
        .andExpect(problem(400, "malformed-request"))
        .andExpect(errors("", "is empty; send a JSON object"));
  }

  @Test
  void aTopLevelArrayIsMalformed() throws Exception {
    postJson("[" + with() + "]")
        .andExpect(problem(400, "malformed-request"))
        .andExpect(errors("", "must be a JSON object, not an array"));
  }

  @Test
  void aFieldSentTwiceIsMalformedRatherThanLastOneWins() throws Exception {
    postJson("{\"monthlyTokens\": 1, \"monthlyTokens\": 2}")
        .andExpect(problem(400, "malformed-request"))
        .andExpect(jsonPath("$.errors[0].message", containsString("'monthlyTokens' twice")));
  }

  @Test
  void wrongJsonTypesAreNamed() throws Exception {
    postJson(
            with(
                "monthlyTokens", "\"2000000000\"",
                "requireOpenWeights", "\"yes\"",
                "referenceModel", "42",
                "expectedAttempts", "[1]"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "monthlyTokens", "must be an integer",
                "referenceModel", "must be a string",
                "requireOpenWeights", "must be true or false",
                "expectedAttempts", "must be an object of model name to number"));
  }

  @Test
  void fractionsAndExponentsAreRefusedForIntegers() throws Exception {
    postJson(with("mlEngineers", "2.5", "infraEngineers", "1e3", "labeledExamples", "3.0"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "mlEngineers", "must be an integer, without a fraction or exponent",
                "infraEngineers", "must be an integer, without a fraction or exponent",
                "labeledExamples", "must be an integer, without a fraction or exponent"));
  }

  @Test
  void outOfRangeValuesAreNamedWithTheirBounds() throws Exception {
    postJson(
            with(
                "monthlyTokens", "1000000000000001",
                "upfrontBudgetUsd", "-0.01",
                "latencyBudgetMs", "0",
                "mlEngineers", "99999999999999999999999",
                "expectedAttempts", "{\"GPT-4o\": 0.5}"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "monthlyTokens", "must be at most 1000000000000000",
                "upfrontBudgetUsd", "must be at least 0",
                "mlEngineers", "must be at most 2147483647",
                "latencyBudgetMs", "must be at least 1",
                "expectedAttempts[GPT-4o]", "must be at least 1"));
  }

  @Test
  void totalCostFieldsOutOfRangeAreNamed() throws Exception {
    postJson(
            with(
                "outputTokenShare", "1.5",
                "cachedInputShare", "-0.1",
                "batchShare", "2",
                "engineerMonthlyUsd", "-1",
                "horizonMonths", "121"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "outputTokenShare", "must be at most 1",
                "cachedInputShare", "must be at least 0",
                "batchShare", "must be at most 1",
                "engineerMonthlyUsd", "must be at least 0",
                "horizonMonths", "must be at most 120"));
    postJson(with("horizonMonths", "0"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(errors("horizonMonths", "must be at least 1"));
    postJson(with("horizonMonths", "2.5", "batchShare", "\"half\""))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "batchShare", "must be a number",
                "horizonMonths", "must be an integer, without a fraction or exponent"));
  }

  @Test
  void integersBeyondLongAreOutOfRangeNotOverflow() throws Exception {
    postJson(with("monthlyTokens", "-99999999999999999999999"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(errors("monthlyTokens", "must be at least 0"));
  }

  @Test
  void missingRequiredFieldsAreNamed() throws Exception {
    postJson(with("dataSensitivity", null, "upfrontBudgetUsd", null))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(errors("dataSensitivity", "is required", "upfrontBudgetUsd", "is required"));
  }

  @Test
  void nullForARequiredFieldIsMissing() throws Exception {
    postJson(with("timeToProduction", "null"))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(errors("timeToProduction", "is required"));
  }

  @Test
  void unknownFieldsAreRefusedWithASuggestion() throws Exception {
    postJson(with("montlyTokens", "5", "colour", "\"blue\""))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "montlyTokens", "is not a field of this request; did you mean monthlyTokens?",
                "colour", "is not a field of this request"));
  }

  @Test
  void unknownEnumValuesListTheAllowedOnes() throws Exception {
    postJson(with("dataSensitivity", "\"SECRET\"", "minQuality", "\"high\""))
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "dataSensitivity", "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, REGULATED",
                "minQuality", "must be one of MEDIUM, MEDIUM_HIGH, HIGH, VERY_HIGH"));
  }

  @Test
  void everyBadFieldIsNamedAtOnceInContractOrder() throws Exception {
    String body =
        "{\"colour\": 1, \"dataSensitivity\": \"SECRET\", \"monthlyTokens\": 2.5,"
            + " \"upfrontBudgetUsd\": \"lots\", \"mlEngineers\": -1, \"referenceModel\": \" \","
            + " \"expectedAttempts\": {\"GPT-4o\": \"twice\"}}";
    postJson(body)
        .andExpect(problem(400, "invalid-request"))
        .andExpect(
            errors(
                "dataSensitivity", "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, REGULATED",
                "monthlyTokens", "must be an integer, without a fraction or exponent",
                "timeToProduction", "is required",
                "upfrontBudgetUsd", "must be a number",
                "mlEngineers", "must be at least 0",
                "referenceModel", "must not be blank",
                "expectedAttempts[GPT-4o]", "must be a number",
                "colour", "is not a field of this request"));
    verifyNoInteractions(recommender);
  }

  @Test
  void bodiesOver64KiBAre413() throws Exception {
    String padding = "x".repeat(64 * 1024);
    postJson(with("referenceModel", "\"" + padding + "\""))
        .andExpect(problem(413, "request-too-large"))
        .andExpect(jsonPath("$.errors").doesNotExist());
  }

  @Test
  void aBodyJustUnder64KiBIsRead() throws Exception {
    String body = with("referenceModel", "\"\"");
    String padded = body + " ".repeat(64 * 1024 - body.length());
    postJson(padded)
        .andExpect(problem(400, "invalid-request"))
        .andExpect(errors("referenceModel", "must not be blank"));
  }

  @Test
  void otherContentTypesAre415() throws Exception {
    lastCall =
        mvc.perform(post("/recommend").contentType(MediaType.TEXT_PLAIN).content(with()))
            .andExpect(problem(415, "unsupported-media-type"))
            .andExpect(header().string("Accept", "application/json"));
  }

  @Test
  void otherMethodsAre405WithAllow() throws Exception {
    lastCall =
        mvc.perform(get("/recommend"))
            .andExpect(problem(405, "method-not-allowed"))
            .andExpect(header().string("Allow", "POST"));
  }

  @Test
  void unknownPathsAre404() throws Exception {
    lastCall =
        mvc.perform(post("/recommendations").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(problem(404, "not-found"))
            .andExpect(jsonPath("$.instance").value("/recommendations"));
  }

  @Test
  void anAnswerOnlyInHtmlIs406() throws Exception {
    lastCall =
        mvc.perform(
                post("/recommend")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_HTML)
                    .content(with()))
            .andExpect(problem(406, "not-acceptable"));
  }

  @Test
  void aValidRequestIsMappedWithDefaultsAndTheRecommendationReturnedUnchanged() throws Exception {
    var answer =
        new Recommendation(
            "v1", null, null, null, List.of(), 0, List.of(), List.of(), List.of(), List.of());
    when(recommender.recommend(any())).thenReturn(answer);

    postJson(with("upfrontBudgetUsd", "123456789012345.67", "ragMeetsQualityBar", "null"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.rulesVersion").value("v1"))
        .andExpect(content().string(not(containsString("errors"))));

    ArgumentCaptor<Criteria> sent = ArgumentCaptor.forClass(Criteria.class);
    verify(recommender).recommend(sent.capture());
    Criteria c = sent.getValue();
    assertThat(c.dataSensitivity()).isEqualTo(DataSensitivity.CONFIDENTIAL);
    assertThat(c.monthlyTokens()).isEqualTo(2_000_000_000L);
    assertThat(c.timeToProduction()).isEqualTo(TimeToProduction.MONTHS);
    // 17 significant digits: a double would have rounded them
    assertThat(c.upfrontBudgetUsd()).isEqualTo(new BigDecimal("123456789012345.67"));
    assertThat(c.mlEngineers()).isZero();
    assertThat(c.infraEngineers()).isZero();
    assertThat(c.latencyBudgetMs()).isNull();
    assertThat(c.customization()).isEqualTo(Customization.PROMPT_ONLY);
    assertThat(c.taskType()).isEqualTo(TaskType.FACTUAL_QA);
    assertThat(c.knowledgeUpdates()).isEqualTo(KnowledgeUpdates.PERIODIC);
    assertThat(c.ragMeetsQualityBar()).isNull();
    assertThat(c.referenceModel()).isEqualTo("GPT-4o");
    assertThat(c.requireOpenWeights()).isFalse();
    assertThat(c.expectedAttempts()).isEmpty();
  }
}
