package org.llmstrategy.recommend.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.yaml.snakeyaml.Yaml;

/**
 * A request field is one {@link Criteria} component plus its contract entry: the request record and
 * openapi.yaml's request schema. These fail when one of them names a field the others do not, or
 * when the strict reader does not read one.
 */
class RequestFieldsAgreeTest {
  private static jakarta.validation.ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static List<String> fields() {
    return Criteria.fields();
  }

  @Test
  void theRequestRecordNamesTheCriteriaComponentsInTheirOrder() {
    assertThat(RequestFields.names()).isEqualTo(Criteria.fields());
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiYamlDocumentsEveryCriteriaComponentAndNoOtherRequestField() throws Exception {
    Map<String, Object> contract;
    try (Reader r = Files.newBufferedReader(Path.of("openapi.yaml"))) {
      contract = new Yaml().load(r);
    }
    Map<String, Object> schemas =
        (Map<String, Object>) ((Map<String, Object>) contract.get("components")).get("schemas");
    Map<String, Object> request = (Map<String, Object>) schemas.get("CriteriaRequest");
    List<String> documented =
        new ArrayList<>(((Map<String, Object>) request.get("properties")).keySet());

    assertThat(documented).containsExactlyInAnyOrderElementsOf(Criteria.fields());
  }

  /** Each field sent as a JSON array, which no field accepts: the reader names that field. */
  @ParameterizedTest
  @MethodSource("fields")
  void theReaderReadsEveryCriteriaComponent(String field) {
    byte[] body = ("{\"" + field + "\": []}").getBytes();
    CriteriaReader reader = new CriteriaReader(validator);

    assertThatThrownBy(() -> reader.read(body))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              List<FieldProblem> about =
                  e.problems().stream().filter(p -> p.field().equals(field)).toList();
              assertThat(about).hasSize(1);
              assertThat(about.get(0).message())
                  .as("read as a field of the request, not refused as unknown")
                  .doesNotContain("is not a field");
            });
  }

  @Test
  void theReaderRefusesANameThatIsNoComponent() {
    byte[] body = "{\"monthlyTokenz\": 1}".getBytes();

    assertThatThrownBy(() -> new CriteriaReader(validator).read(body))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .contains(
                        new FieldProblem(
                            "monthlyTokenz",
                            "is not a field of this request; did you mean monthlyTokens?")));
  }
}
