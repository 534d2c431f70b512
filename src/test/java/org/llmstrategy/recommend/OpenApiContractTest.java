package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published openapi.yaml and what the running service documents must agree on paths,
 * operations, parameters, request and response media types and schemas, schema names, property
 * names and types, required fields and enum values. Descriptions and examples may differ.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiContractTest {
  static final Path PUBLISHED = Path.of("openapi.yaml");
  static final Path SERVED_COPY = Path.of("target/openapi-served.yaml");
  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  String fetch(String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    var response = http.send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }

  @Test
  void theServiceServesThePublishedContract() throws Exception {
    Map<String, Object> served =
        asMap(JsonMapper.shared().readValue(fetch("/v3/api-docs"), Map.class));
    Map<String, Object> published = published();

    List<String> differences = differences(published, served);

    if (!differences.isEmpty()) {
      Files.createDirectories(SERVED_COPY.getParent());
      Files.writeString(SERVED_COPY, fetch("/v3/api-docs.yaml"));
      fail(
          "openapi.yaml and the running service's /v3/api-docs disagree; the served document is"
              + " in "
              + SERVED_COPY
              + ":\n  "
              + String.join("\n  ", differences));
    }
  }

  @Test
  void swaggerUiIsServed() throws Exception {
    var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html")).build();
    var response = client.send(request, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("swagger-ui");
  }

  @Test
  void theSwaggerExampleIsTheExampleTheEndToEndTestPosts() throws Exception {
    JsonNode examples =
        JsonMapper.shared()
            .readTree(fetch("/v3/api-docs"))
            .at("/paths/~1recommend/post/requestBody/content/application~1json/examples");
    JsonNode example = examples.values().iterator().next().path("value");

    assertThat(example)
        .isEqualTo(JsonMapper.shared().readTree(RecommendEndToEndTest.EXAMPLE.toFile()));
  }

  @Test
  void aDifferenceIsNamedExactly() throws Exception {
    Map<String, Object> changed = published();
    Map<String, Object> request = schema(changed, "CriteriaRequest");
    asMap(request.get("properties")).remove("tokensPerTask");
    asMap(asMap(request.get("properties")).get("dataSensitivity"))
        .put("enum", List.of("PUBLIC", "INTERNAL", "CONFIDENTIAL"));
    ((List<?>) request.get("required")).remove("upfrontBudgetUsd");

    assertThat(differences(published(), changed))
        .containsExactlyInAnyOrder(
            "only in openapi.yaml: schema CriteriaRequest property dataSensitivity enum"
                + " [PUBLIC, INTERNAL, CONFIDENTIAL, REGULATED]",
            "only in the service: schema CriteriaRequest property dataSensitivity enum"
                + " [PUBLIC, INTERNAL, CONFIDENTIAL]",
            "only in openapi.yaml: schema CriteriaRequest property tokensPerTask",
            "only in openapi.yaml: schema CriteriaRequest property tokensPerTask is integer",
            "only in openapi.yaml: schema CriteriaRequest requires upfrontBudgetUsd");
  }

  static Map<String, Object> published() throws Exception {
    try (Reader in = Files.newBufferedReader(PUBLISHED)) {
      return asMap(new Yaml().load(in));
    }
  }

  static List<String> differences(Map<String, Object> published, Map<String, Object> served) {
    Set<String> expected = facts(published);
    Set<String> actual = facts(served);
    List<String> differences = new ArrayList<>();
    expected.stream()
        .filter(f -> !actual.contains(f))
        .forEach(f -> differences.add("only in openapi.yaml: " + f));
    actual.stream()
        .filter(f -> !expected.contains(f))
        .forEach(f -> differences.add("only in the service: " + f));
    return differences;
  }

  /** The document as one statement per contract detail, so that a diff names each detail. */
  static Set<String> facts(Map<String, Object> doc) {
    Set<String> facts = new TreeSet<>();
    asMap(doc.get("paths"))
        .forEach(
            (path, item) ->
                asMap(item).entrySet().stream()
                    .filter(e -> METHODS.contains(e.getKey()))
                    .forEach(
                        e ->
                            operation(
                                e.getKey().toUpperCase() + " " + path,
                                asMap(e.getValue()),
                                facts)));
    asMap(asMap(doc.get("components")).get("schemas"))
        .forEach(
            (name, s) -> {
              String at = "schema " + name;
              Map<String, Object> schema = asMap(s);
              facts.add(at);
              describe(at, schema, facts);
              if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                facts.add(at + " refuses other properties");
              }
              asMap(schema.get("properties"))
                  .forEach(
                      (property, p) -> {
                        facts.add(at + " property " + property);
                        describe(at + " property " + property, asMap(p), facts);
                      });
              asList(schema.get("required")).forEach(r -> facts.add(at + " requires " + r));
            });
    return facts;
  }

  private static void operation(String at, Map<String, Object> op, Set<String> facts) {
    facts.add(at);
    facts.add(at + " operationId " + op.get("operationId"));
    for (Object p : asList(op.get("parameters"))) {
      Map<String, Object> parameter = asMap(p);
      facts.add(
          at
              + " parameter "
              + parameter.get("in")
              + " "
              + parameter.get("name")
              + (Boolean.TRUE.equals(parameter.get("required")) ? " required" : ""));
    }
    Map<String, Object> body = asMap(op.get("requestBody"));
    if (!body.isEmpty()) {
      facts.add(
          at + " request body" + (Boolean.TRUE.equals(body.get("required")) ? " required" : ""));
      content(at + " request body", body, facts);
    }
    asMap(op.get("responses"))
        .forEach(
            (status, r) -> {
              facts.add(at + " responds " + status);
              content(at + " responds " + status, asMap(r), facts);
            });
  }

  private static void content(String at, Map<String, Object> holder, Set<String> facts) {
    asMap(holder.get("content"))
        .forEach(
            (type, media) ->
                facts.add(at + " as " + type + " " + shape(asMap(asMap(media).get("schema")))));
  }

  private static void describe(String at, Map<String, Object> schema, Set<String> facts) {
    facts.add(at + " is " + shape(schema));
    if (schema.containsKey("enum")) {
      facts.add(at + " enum " + schema.get("enum"));
    }
    Map<String, Object> items = asMap(schema.get("items"));
    if (items.containsKey("enum")) {
      facts.add(at + " items enum " + items.get("enum"));
    }
  }

  /** integer, string, Recommendation, array of FiredRule, object of number, [string, null] ... */
  private static String shape(Map<String, Object> schema) {
    if (schema.get("$ref") instanceof String ref) {
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    Object type = schema.get("type");
    if ("array".equals(type)) {
      return "array of " + shape(asMap(schema.get("items")));
    }
    if ("object".equals(type) && schema.get("additionalProperties") instanceof Map<?, ?> values) {
      return "object of " + shape(asMap(values));
    }
    return String.valueOf(type);
  }

  /** The map itself, so tests can change it; keys made strings where YAML read numbers. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Map.of();
    }
    if (map.keySet().stream().allMatch(String.class::isInstance)) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  private static List<?> asList(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  static Map<String, Object> schema(Map<String, Object> doc, String name) {
    return asMap(asMap(asMap(doc.get("components")).get("schemas")).get(name));
  }
}
