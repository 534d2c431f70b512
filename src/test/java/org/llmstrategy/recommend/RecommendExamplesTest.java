package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 200 examples of the published contract are the answers the shipped rules give to the request
 * examples (rulesVersion aside, which changes with every edit). On a difference the real answer is
 * written to target/openapi-examples/ to copy over the stale one.
 */
class RecommendExamplesTest {
  private static final Path REAL = Path.of("target", "openapi-examples");

  static Iterable<String> names() {
    return RecommendExamples.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void theResponseExampleIsTheRealAnswer(String name) throws Exception {
    JsonMapper json = JsonMapper.shared();
    CriteriaRequest request =
        json.convertValue(RecommendExamples.read(name + ".request.json"), CriteriaRequest.class);
    Recommendation answer =
        Recommender.recommend(
            ShippedRules.get(),
            CriteriaMapping.toCriteria(request),
            false,
            java.time.LocalDate.now());
    // both read from JSON text, so numbers compare alike
    JsonNode real = withoutVersion(json.readTree(json.writeValueAsString(answer)));
    JsonNode published =
        withoutVersion(
            json.readTree(
                json.writeValueAsString(RecommendExamples.read(name + ".response.json"))));
    if (!real.equals(published)) {
      Files.createDirectories(REAL);
      Files.writeString(
          REAL.resolve(name + ".response.json"),
          json.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
    }
    assertThat(published).as("%s (real answer in %s)", name, REAL).isEqualTo(real);
  }

  private static JsonNode withoutVersion(JsonNode answer) {
    ObjectNode copy = ((ObjectNode) answer).deepCopy();
    copy.remove("rulesVersion");
    return copy;
  }
}
