package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.recommend.request.CriteriaParser;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's documented default of every optional request field gives the same answer as
 * leaving the field out (issue 24: {@code labeledExamples} was documented {@code default: 0}, but
 * leaving it out gave FINE_TUNE and sending 0 gave API). Every property of the published request
 * schema (openapi.yaml, {@code CriteriaRequest}) that declares a {@code default} is sent with it,
 * read by the strict reader as POST /recommend reads it, decided on the shipped rules, and the
 * whole answer compared with the answer to the same request without it. Without Spring.
 */
class DocumentedDefaultsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Situations where the fields matter: fine-tuning that labeled examples or a compared total cost
   * would change; self-hosting at a volume where the traffic shape moves the cost; a buyer.
   */
  private static final List<Map<String, Object>> SITUATIONS =
      List.of(
          Map.of(
              "dataSensitivity",
              "PUBLIC",
              "monthlyTokens",
              1_000_000,
              "timeToProduction",
              "WEEKS",
              "upfrontBudgetUsd",
              80_000,
              "mlEngineers",
              2,
              "customization",
              "DOMAIN_ADAPTATION"),
          Map.of(
              "dataSensitivity", "REGULATED",
              "monthlyTokens", 1_000_000_000,
              "timeToProduction", "MONTHS",
              "upfrontBudgetUsd", 1_000_000,
              "mlEngineers", 3,
              "infraEngineers", 3),
          Map.of(
              "dataSensitivity", "CONFIDENTIAL",
              "monthlyTokens", 2_000_000_000,
              "timeToProduction", "MONTHS",
              "upfrontBudgetUsd", 750_000,
              "mlEngineers", 3,
              "infraEngineers", 3,
              "taskType", "STYLE_FORMAT"));

  private static ValidatorFactory validation;
  private static CriteriaParser parser;

  @BeforeAll
  static void reader() {
    validation = Validation.buildDefaultValidatorFactory();
    parser = new CriteriaParser(validation.getValidator());
  }

  @AfterAll
  static void close() {
    validation.close();
  }

  /** Every optional property of the published request schema that documents a default. */
  @SuppressWarnings("unchecked")
  static Stream<Arguments> documentedDefaults() throws IOException {
    Map<String, Object> schema;
    try (Reader r = Files.newBufferedReader(Path.of("openapi.yaml"))) {
      Map<String, Object> doc = new Yaml().load(r);
      Map<String, Object> schemas =
          (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
      schema = (Map<String, Object>) schemas.get("CriteriaRequest");
    }
    List<String> required = (List<String>) schema.get("required");
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    List<Arguments> cases = new ArrayList<>();
    properties.forEach(
        (field, p) -> {
          Map<String, Object> property = (Map<String, Object>) p;
          if (!required.contains(field) && property.containsKey("default")) {
            for (int i = 0; i < SITUATIONS.size(); i++) {
              cases.add(Arguments.of(field, property.get("default"), i));
            }
          }
        });
    assertThat(cases).as("the request schema documents defaults").isNotEmpty();
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} sent as its documented default {1} (situation {2})")
  @MethodSource("documentedDefaults")
  void sendingTheDocumentedDefaultAnswersAsLeavingTheFieldOut(
      String field, Object documented, int situation) {
    Map<String, Object> without = new LinkedHashMap<>(SITUATIONS.get(situation));
    without.remove(field);
    Map<String, Object> with = new LinkedHashMap<>(without);
    with.put(field, documented);

    Recommendation left = decide(without);
    Recommendation sent = decide(with);

    assertThat(sent)
        .as("%s: %s sent answers as %s left out", field, documented, field)
        .usingRecursiveComparison()
        .isEqualTo(left);
  }

  private static Recommendation decide(Map<String, Object> body) {
    return Recommender.recommend(
        ShippedRules.get(), parser.parse(JSON.writeValueAsBytes(body)), false, DAY);
  }
}
