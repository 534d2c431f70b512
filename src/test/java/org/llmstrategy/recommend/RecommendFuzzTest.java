package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.run.RuleEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coverage-guided fuzzing of POST /recommend: arbitrary bytes as the body, through the real
 * controller, request reading, validation, the shipped rules (built once) and JSON serialisation,
 * with the problem advice and the 64 KiB limit in front, on MockMvc.
 *
 * <p>Invariants, whatever the body: never a 5xx and never an exception escaping; a 4xx is a
 * problem+json naming no class; a 200 has a recommendation exactly when it is feasible; every money
 * and token figure is non-negative, every range ordered; the break-even is where the first range
 * where self-hosting costs no more starts (both absent, or equal).
 *
 * <p>{@code ./mvnw verify} replays the seeds and past findings under {@code
 * src/test/resources/org/llmstrategy/recommend/RecommendFuzzTestInputs/<method>/}; {@code
 * JAZZER_FUZZ=1 ./mvnw test -Dtest=RecommendFuzzTest#rawBody} fuzzes (see the README).
 */
@WebMvcTest(RecommendController.class)
@Import(RecommendFuzzTest.ShippedRulesRecommender.class)
class RecommendFuzzTest {
  private static final JsonMapper JSON = JsonMapper.shared();

  @Autowired MockMvc mvc;

  @TestConfiguration(proxyBeanMethods = false)
  static class ShippedRulesRecommender {
    @Bean
    Recommender recommender() {
      return new Recommender(new RuleEngine(ShippedRules.get()));
    }
  }

  /** Any bytes at all, as the body. */
  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({
    "\"dataSensitivity\"",
    "\"monthlyTokens\"",
    "\"timeToProduction\"",
    "\"upfrontBudgetUsd\"",
    "\"mlEngineers\"",
    "\"infraEngineers\"",
    "\"latencyBudgetMs\"",
    "\"customization\"",
    "\"taskType\"",
    "\"knowledgeUpdates\"",
    "\"labeledExamples\"",
    "\"ragMeetsQualityBar\"",
    "\"referenceModel\"",
    "\"minContextWindowTokens\"",
    "\"minQuality\"",
    "\"requireOpenWeights\"",
    "\"tokensPerTask\"",
    "\"expectedAttempts\"",
    "\"PUBLIC\"",
    "\"INTERNAL\"",
    "\"CONFIDENTIAL\"",
    "\"REGULATED\"",
    "\"DAYS\"",
    "\"WEEKS\"",
    "\"MONTHS\"",
    "\"PROMPT_ONLY\"",
    "\"DOMAIN_ADAPTATION\"",
    "\"FULL_CONTROL\"",
    "\"FACTUAL_QA\"",
    "\"STYLE_FORMAT\"",
    "\"DOMAIN_EXPERT\"",
    "\"STATIC\"",
    "\"PERIODIC\"",
    "\"REAL_TIME\"",
    "\"MEDIUM\"",
    "\"MEDIUM_HIGH\"",
    "\"HIGH\"",
    "\"VERY_HIGH\"",
    "\"GPT-4o\"",
    "\"Claude Opus 4\"",
    "\"DeepSeek-V3\"",
    "\"Llama 3.1 405B\"",
    "\"Mistral Large\"",
    "1000000000000000",
    "1e15",
    "-0",
    "0.01",
    "true",
    "false",
    "null"
  })
  void rawBody(byte[] body) throws Exception {
    check(body);
  }

  /**
   * A well-formed request of random values, so that most inputs get past the reader and into the
   * rules and the cost arithmetic.
   */
  @FuzzTest(maxDuration = "5m")
  void structuredRequest(FuzzedDataProvider data) throws Exception {
    check(JSON.writeValueAsBytes(request(data)));
  }

  // ---- the invariants

  private void check(byte[] body) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post("/recommend").contentType(MediaType.APPLICATION_JSON).content(body))
            .andReturn()
            .getResponse();
    int status = response.getStatus();
    String text = response.getContentAsString();
    assertThat(status).as("status for %s", text).isBetween(200, 499);
    if (status != 200) {
      assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      JsonNode problem = JSON.readTree(text);
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      assertThat(problem.path("type").asString()).startsWith("https://");
      // the service's own words: clients' field names may be echoed in errors[], nothing else
      for (String ours : new String[] {"title", "detail"}) {
        assertThat(problem.path(ours).asString())
            .isNotBlank()
            .doesNotContain("Exception", "jackson", "java.", "org.");
      }
      assertThat(problem.propertyNames())
          .isSubsetOf("type", "title", "status", "detail", "instance", "errors");
      return;
    }
    JsonNode answer = JSON.readTree(text);
    JsonNode deployment = answer.path("deployment");
    boolean recommended = !deployment.path("recommendation").isNull();
    assertThat(deployment.path("recommendation").isMissingNode()).isFalse();
    assertThat(recommended)
        .as("a recommendation exactly when feasible: %s", deployment)
        .isEqualTo(deployment.path("feasible").asBoolean());
    nonNegativeFigures("", answer);
    JsonNode cost = answer.path("cost");
    if (!cost.isMissingNode() && !cost.isNull()) {
      JsonNode ranges = cost.path("selfHostCheaperRanges");
      JsonNode breakEven = cost.path("breakEvenMonthlyTokens");
      if (ranges.isEmpty()) {
        assertThat(breakEven.isNull() || breakEven.isMissingNode()).as("%s", cost).isTrue();
      } else {
        assertThat(breakEven.asLong())
            .as("%s", cost)
            .isEqualTo(ranges.get(0).path("fromTokens").asLong());
      }
      long previousTo = -2;
      for (JsonNode r : ranges) {
        long from = r.path("fromTokens").asLong();
        assertThat(from).as("ranges ascend apart: %s", ranges).isGreaterThan(previousTo + 1);
        previousTo = r.path("toTokens").isNull() ? Long.MAX_VALUE : r.path("toTokens").asLong();
        assertThat(previousTo).as("a range is ordered: %s", r).isGreaterThanOrEqualTo(from);
      }
    }
  }

  /** Every figure named in US dollars or tokens, at any depth, is at least zero. */
  private static void nonNegativeFigures(String path, JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String name = e.getKey();
        JsonNode value = e.getValue();
        if (value.isNumber()
            && (name.endsWith("Usd")
                || name.endsWith("Tokens")
                || name.endsWith("UsdPerMillionTokens")
                || name.equals("examplesToCollect"))) {
          assertThat(value.decimalValue())
              .as("%s.%s", path, name)
              .isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        nonNegativeFigures(path + "." + name, value);
      }
    } else if (node.isArray()) {
      Iterator<JsonNode> items = node.iterator();
      for (int i = 0; items.hasNext(); i++) {
        nonNegativeFigures(path + "[" + i + "]", items.next());
      }
    }
  }

  // ---- the structured requests

  private static final String[] SENSITIVITY = {"PUBLIC", "INTERNAL", "CONFIDENTIAL", "REGULATED"};
  private static final String[] TIME = {"DAYS", "WEEKS", "MONTHS"};
  private static final String[] CUSTOMIZATION = {
    "PROMPT_ONLY", "DOMAIN_ADAPTATION", "FULL_CONTROL"
  };
  private static final String[] TASK = {"FACTUAL_QA", "STYLE_FORMAT", "DOMAIN_EXPERT"};
  private static final String[] UPDATES = {"STATIC", "PERIODIC", "REAL_TIME"};
  private static final String[] QUALITY = {"MEDIUM", "MEDIUM_HIGH", "HIGH", "VERY_HIGH"};
  private static final String[] MODELS = {
    "GPT-4o",
    "Claude Opus 4",
    "Claude Sonnet 4",
    "Gemini 2.0 Pro",
    "DeepSeek-V3",
    "Llama 3.1 405B",
    "Llama 3.1 70B",
    "Mistral Large",
    "Unknown model"
  };

  private static ObjectNode request(FuzzedDataProvider data) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("dataSensitivity", data.pickValue(SENSITIVITY));
    r.put("monthlyTokens", tokens(data));
    r.put("timeToProduction", data.pickValue(TIME));
    r.put("upfrontBudgetUsd", BigDecimal.valueOf(data.consumeLong(0, 999_999_999_999_999L), 2));
    if (data.consumeBoolean()) {
      r.put("mlEngineers", data.consumeInt(0, 1000));
    }
    if (data.consumeBoolean()) {
      r.put("infraEngineers", data.consumeInt(0, 1000));
    }
    if (data.consumeBoolean()) {
      r.put("latencyBudgetMs", data.consumeInt(1, Integer.MAX_VALUE));
    }
    if (data.consumeBoolean()) {
      r.put("customization", data.pickValue(CUSTOMIZATION));
    }
    if (data.consumeBoolean()) {
      r.put("taskType", data.pickValue(TASK));
    }
    if (data.consumeBoolean()) {
      r.put("knowledgeUpdates", data.pickValue(UPDATES));
    }
    if (data.consumeBoolean()) {
      r.put("labeledExamples", data.consumeInt(0, Integer.MAX_VALUE));
    }
    if (data.consumeBoolean()) {
      r.put("ragMeetsQualityBar", data.consumeBoolean());
    }
    if (data.consumeBoolean()) {
      r.put("referenceModel", data.pickValue(MODELS));
    }
    if (data.consumeBoolean()) {
      r.put("minContextWindowTokens", data.consumeLong(1, Long.MAX_VALUE));
    }
    if (data.consumeBoolean()) {
      r.put("minQuality", data.pickValue(QUALITY));
    }
    if (data.consumeBoolean()) {
      r.put("requireOpenWeights", data.consumeBoolean());
    }
    if (data.consumeBoolean()) {
      r.put("tokensPerTask", data.consumeLong(1, 1_000_000_000_000_000L));
    }
    if (data.consumeBoolean()) {
      ObjectNode attempts = r.putObject("expectedAttempts");
      int n = data.consumeInt(0, 5);
      for (int i = 0; i < n; i++) {
        attempts.put(
            data.pickValue(MODELS),
            BigDecimal.valueOf(data.consumeLong(1_000_000, 999_999_999_999L), 6));
      }
    }
    return r;
  }

  /** Volumes near the interesting places (tier bounds, steps, the limits) as well as anywhere. */
  private static long tokens(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> data.consumeLong(0, 1_000_000_000_000_000L);
      case 1 -> data.consumeLong(0, 100_000_000_000L);
      case 2 -> (long) Math.pow(10, data.consumeInt(0, 15)) + data.consumeLong(-2, 2);
      default -> data.consumeLong(0, 2_000_000_000L);
    };
  }
}
