package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.recommend.request.CriteriaRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Whatever a client sends, the answer is a 4xx problem, never a 5xx and never a stack trace. */
@WebMvcTest(RecommendController.class)
class HostileInputsTest {
  @Autowired MockMvc mvc;
  @MockitoBean Recommender recommender;

  static Stream<Named<byte[]>> hostileBodies() {
    return Stream.of(
        body(
            "arrays nested 5000 deep",
            "{\"monthlyTokens\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
        body("objects nested 3000 deep", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
        body("a 5000-digit integer", "{\"monthlyTokens\": " + "9".repeat(5000) + "}"),
        body("a 900-digit integer", "{\"monthlyTokens\": " + "9".repeat(900) + "}"),
        body("an exponent beyond any BigDecimal", "{\"upfrontBudgetUsd\": 1e99999999999}"),
        body("a huge exponent", "{\"upfrontBudgetUsd\": 1e999999999}"),
        body("a tiny exponent", "{\"upfrontBudgetUsd\": 1e-999999999}"),
        body("bare NaN", "{\"upfrontBudgetUsd\": NaN}"),
        body("bare -Infinity", "{\"monthlyTokens\": -Infinity}"),
        body("\"NaN\" as a string", "{\"upfrontBudgetUsd\": \"NaN\"}"),
        body("\"Infinity\" for an integer", "{\"monthlyTokens\": \"Infinity\"}"),
        body("a hex number", "{\"monthlyTokens\": 0x10}"),
        body("a leading plus", "{\"monthlyTokens\": +5}"),
        body("an array at the top", "[{\"dataSensitivity\": \"PUBLIC\"}]"),
        body("an empty array at the top", "[]"),
        body("null at the top", "null"),
        body("a string at the top", "\"{}\""),
        body("a number at the top", "42"),
        body("only whitespace", " \n\t "),
        body("every field null", allFieldsNull()),
        body("null map values", "{\"expectedAttempts\": {\"GPT-4o\": null}}"),
        body("a map of 1000 models", manyModels(1000)),
        body("a lone surrogate in a field name", "{\"\\ud800\": 1}"),
        body("control characters in an enum", "{\"dataSensitivity\": \"PUB\\u0000LIC\"}"),
        body("a 50 000-character field name", "{\"" + "k".repeat(50_000) + "\": 1}"),
        body("two objects", "{} {}"),
        body("trailing garbage", "{}garbage"),
        body("single quotes", "{'monthlyTokens': 1}"),
        body("a comment", "{/* hi */}"),
        named("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
        named("a UTF-16 byte order mark and nothing", new byte[] {(byte) 0xFE, (byte) 0xFF}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void answersWithA4xxProblem(byte[] body) throws Exception {
    var response =
        mvc.perform(post("/recommend").contentType(MediaType.APPLICATION_JSON).content(body))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isBetween(400, 499);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(response.getContentAsString())
        .contains("\"errors\"")
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("tools.jackson");
    verifyNoInteractions(recommender);
  }

  private static Named<byte[]> body(String name, String json) {
    return named(name, json.getBytes(StandardCharsets.UTF_8));
  }

  private static String allFieldsNull() {
    return Stream.of(CriteriaRequest.class.getRecordComponents())
        .map(c -> "\"" + c.getName() + "\": null")
        .reduce((a, b) -> a + ", " + b)
        .map(s -> "{" + s + "}")
        .orElseThrow();
  }

  private static String manyModels(int n) {
    StringBuilder models = new StringBuilder("{\"expectedAttempts\": {");
    for (int i = 0; i < n; i++) {
      models.append(i == 0 ? "" : ",").append("\"m").append(i).append("\": 2");
    }
    return models.append("}}").toString();
  }
}
