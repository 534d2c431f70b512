package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.scenarios.Scenario;
import org.llmstrategy.scenarios.ScenarioRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract is true: every answer the service gives, for the analysts' scenario requests, the
 * README's and the benchmarks' requests, a random sample of requests generated from the published
 * request schema, sweeps, the catalog, the rule status and the problems, validates against the
 * response schema its operation documents for its status, in the published openapi.yaml and in the
 * served /v3/api-docs alike, by a real JSON Schema 2020-12 validator. A status an operation does
 * not document, a null where the schema says object, a relative instance declared as a URI, seven
 * decimals where six are declared: each fails here, naming the answer and the place.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnswersFollowTheContractTest {
  static final JsonMapper JSON = JsonMapper.shared();
  static final Path README_EXAMPLES = Path.of("src/test/resources/examples");
  static final Path BENCH_REQUESTS = Path.of("bench/requests");

  /** Replay a failing random sample with -Dcontract.seed=N (the seed is in the failure). */
  static final long SEED = Long.getLong("contract.seed", System.nanoTime());

  static final int RANDOM_REQUESTS = 40;

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  /** One request and the answer it got, named for the failure message. */
  record Exchange(
      String what,
      String method,
      String path,
      String query,
      int expectedStatus,
      JsonNode request,
      int status,
      String mediaType,
      JsonNode answer) {}

  // ---------------------------------------------------------------------------------------------
  // the two documents

  List<OpenApiSchemas> contracts() throws Exception {
    JsonNode served = JSON.readTree(get("/v3/api-docs").body());
    Files.createDirectories(OpenApiContractTest.SERVED_COPY.getParent());
    Files.writeString(OpenApiContractTest.SERVED_COPY, get("/v3/api-docs.yaml").body());
    JsonNode published;
    try (Reader in = Files.newBufferedReader(OpenApiContractTest.PUBLISHED)) {
      published = JSON.valueToTree(yamlWithoutTimestamps().load(in));
    }
    return List.of(
        OpenApiSchemas.of("openapi.yaml", "https://contract.invalid/openapi.yaml", published),
        OpenApiSchemas.of("/v3/api-docs", "https://contract.invalid/api-docs.json", served));
  }

  // ---------------------------------------------------------------------------------------------
  // the tests

  @Test
  void everyRecordedAnswerValidatesAgainstBothContracts() throws Exception {
    List<OpenApiSchemas> contracts = contracts();
    List<Exchange> exchanges = new ArrayList<>();

    int i = 0;
    for (Scenario s : scenarios()) {
      String query = i++ % 6 == 0 ? "explain=flips" : null;
      exchanges.add(
          post(
              "scenario " + s.name() + " (row " + s.row() + ")",
              "/recommend",
              query,
              s.request(),
              200));
    }
    for (Path file : jsonFiles(README_EXAMPLES, BENCH_REQUESTS)) {
      JsonNode request = JSON.readTree(file.toFile());
      exchanges.add(post(file.toString(), "/recommend", null, request, 200));
      exchanges.add(post(file + " with flips", "/recommend", "explain=flips", request, 200));
    }
    exchanges.addAll(sweeps());
    exchanges.addAll(catalogAndRules());
    exchanges.addAll(problems());

    List<String> errors = new ArrayList<>();
    for (Exchange e : exchanges) {
      errors.addAll(check(e, contracts));
    }
    assertThat(exchanges).hasSizeGreaterThan(60);
    assertNoErrors(errors, exchanges.size() + " answers");
  }

  /** The examples each document shows (requests and answers) are valid by its own schemas. */
  @Test
  void theDocumentedExamplesValidate() throws Exception {
    List<String> errors = new ArrayList<>();
    int examples = 0;
    for (OpenApiSchemas contract : contracts()) {
      for (var path : contract.document().path("paths").properties()) {
        for (var operation : path.getValue().properties()) {
          String method = operation.getKey();
          JsonNode body = operation.getValue().path("requestBody").path("content");
          for (var example : body.path("application/json").path("examples").properties()) {
            examples++;
            errors.addAll(
                contract.request(
                    method,
                    path.getKey(),
                    example.getValue().path("value"),
                    "request example " + example.getKey()));
          }
          for (var response : operation.getValue().path("responses").properties()) {
            for (var media : response.getValue().path("content").properties()) {
              for (var example : media.getValue().path("examples").properties()) {
                examples++;
                errors.addAll(
                    contract.response(
                        method,
                        path.getKey(),
                        Integer.parseInt(response.getKey()),
                        media.getKey(),
                        example.getValue().path("value"),
                        response.getKey() + " example " + example.getKey()));
              }
            }
          }
        }
      }
    }
    assertThat(examples).isGreaterThan(10);
    assertNoErrors(errors, examples + " documented examples");
  }

  @Test
  void generatedRequestsWithinTheSchemaAreAnsweredAndTheirAnswersValidate() throws Exception {
    List<OpenApiSchemas> contracts = contracts();
    JsonNode catalog = JSON.readTree(get("/models?size=500").body()).path("models");
    List<String> priced = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode m : catalog) {
      names.add(m.path("name").asString());
      if (!m.path("inputUsdPerMillionTokens").isNull()) {
        priced.add(m.path("name").asString());
      }
    }
    RandomRequests generator =
        new RandomRequests(
            new Random(SEED),
            contracts.get(0).document().at("/components/schemas/CriteriaRequest"),
            priced,
            names);

    List<String> errors = new ArrayList<>();
    for (int n = 0; n < RANDOM_REQUESTS; n++) {
      ObjectNode request = generator.next();
      String what = "random request " + n + " " + request;
      for (OpenApiSchemas c : contracts) {
        errors.addAll(c.request("post", "/recommend", request, what + " (the generator's own)"));
      }
      errors.addAll(
          check(
              post(what, "/recommend", n % 8 == 0 ? "explain=flips" : null, request, 200),
              contracts));
    }
    assertNoErrors(errors, RANDOM_REQUESTS + " generated requests, seed " + SEED);
  }

  /**
   * A limit the service enforces is a limit the contract declares: each request below breaks one
   * (and only one) limit, the service refuses it with 400 naming the field, and both documents'
   * request schemas refuse it too.
   */
  @Test
  void whatTheServiceRefusesTheContractRefuses() throws Exception {
    List<OpenApiSchemas> contracts = contracts();
    List<String> errors = new ArrayList<>();
    ObjectNode base =
        (ObjectNode)
            JSON.readTree(
                "{\"dataSensitivity\":\"INTERNAL\",\"monthlyTokens\":5000000,"
                    + "\"timeToProduction\":\"WEEKS\",\"upfrontBudgetUsd\":1000}");
    // field, the JSON value sent, and the field the service's 400 names
    List<List<String>> cases =
        List.of(
            List.of("outputTokenShare", "0.1234567", "outputTokenShare"),
            List.of("cachedInputShare", "1.000001", "cachedInputShare"),
            List.of("batchShare", "-0.1", "batchShare"),
            List.of("upfrontBudgetUsd", "1000.001", "upfrontBudgetUsd"),
            List.of("upfrontBudgetUsd", "1000000000000000", "upfrontBudgetUsd"),
            List.of("engineerMonthlyUsd", "1000000000", "engineerMonthlyUsd"),
            List.of("engineerMonthlyUsd", "100.005", "engineerMonthlyUsd"),
            List.of("horizonMonths", "121", "horizonMonths"),
            List.of("monthlyTokens", "1000000000000001", "monthlyTokens"),
            List.of("tokensPerTask", "0", "tokensPerTask"),
            List.of("mlEngineers", "2147483648", "mlEngineers"),
            List.of("latencyBudgetMs", "0", "latencyBudgetMs"),
            List.of("referenceModel", "\"   \"", "referenceModel"),
            List.of("expectedAttempts", "{\"GPT-4o\":0.5}", "expectedAttempts"),
            List.of("expectedAttempts", "{\"GPT-4o\":1.0000001}", "expectedAttempts"),
            List.of("expectedAttempts", "{\"GPT-4o\":1000000}", "expectedAttempts"),
            List.of("minQuality", "\"GOOD\"", "minQuality"),
            List.of("unknown", "1", "unknown"));
    for (List<String> c : cases) {
      ObjectNode request = base.deepCopy();
      request.set(c.get(0), JSON.readTree(c.get(1)));
      String what = c.get(0) + " " + c.get(1);
      Exchange e = post(what, "/recommend", null, request, 400);
      errors.addAll(check(e, contracts));
      if (e.status() == 400 && !e.answer().path("errors").toString().contains(c.get(2))) {
        errors.add(what + ": the service's 400 does not name " + c.get(2) + ": " + e.answer());
      }
      for (OpenApiSchemas contract : contracts) {
        if (contract.request("post", "/recommend", request, what).isEmpty()) {
          errors.add(contract.name() + ": accepts " + what + ", which the service refuses");
        }
      }
    }
    assertNoErrors(errors, cases.size() + " requests out of bounds");
  }

  /** The validator is real: it sees what the issue found, so a green run means something. */
  @Test
  void theValidatorRefusesWhatTheContractForbids() throws Exception {
    for (OpenApiSchemas contract : contracts()) {
      JsonNode answer =
          JSON.readTree(
              post(
                      "the README example",
                      "/recommend",
                      null,
                      JSON.readTree(README_EXAMPLES.resolve("recommend-request.json").toFile()),
                      200)
                  .answer()
                  .toString());
      assertThat(contract.response("post", "/recommend", 200, "application/json", answer, "ok"))
          .isEmpty();

      ObjectNode broken = (ObjectNode) answer.deepCopy();
      ((ObjectNode) broken.path("cost")).put("cheapestApi", "DeepSeek-V3");
      ((ObjectNode) broken.path("deployment")).put("recommendation", "MAYBE");
      broken.remove("rulesVersion");
      assertThat(contract.response("post", "/recommend", 200, "application/json", broken, "broken"))
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(contract.response("get", "/models", 418, "application/json", answer, "teapot"))
          .singleElement()
          .asString()
          .contains("status 418 of get /models is not documented");

      ObjectNode problem =
          (ObjectNode)
              JSON.readTree(
                  "{\"type\":\"https://x.example/p\",\"title\":\"t\",\"status\":400,\"detail\":\"d\"}");
      problem.put("instance", "not a uri reference: spaces and \\");
      assertThat(contract.component("Problem", problem, "bad instance")).isNotEmpty();
      problem.put("instance", "/recommend");
      assertThat(contract.component("Problem", problem, "relative instance")).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // what is recorded

  static List<Scenario> scenarios() {
    List<RuleProblem> problems = new ArrayList<>();
    List<Scenario> all = ScenarioRunner.scenarios(ShippedRules.get(), problems);
    assertThat(problems).isEmpty();
    assertThat(all).isNotEmpty();
    return all;
  }

  static List<Path> jsonFiles(Path... folders) throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }

  List<Exchange> sweeps() throws Exception {
    List<Exchange> out = new ArrayList<>();
    String criteria =
        "{\"dataSensitivity\":\"INTERNAL\",\"timeToProduction\":\"MONTHS\",\"upfrontBudgetUsd\":750000}";
    out.add(
        post(
            "README sweep",
            "/recommend/sweep",
            null,
            JSON.readTree(
                "{\"criteria\":"
                    + criteria
                    + ",\"field\":\"monthlyTokens\",\"from\":1000000,\"to\":100000000000,\"points\":40}"),
            200));
    out.add(
        post(
            "sweep by values",
            "/recommend/sweep",
            null,
            JSON.readTree(
                "{\"criteria\":{\"dataSensitivity\":\"REGULATED\",\"monthlyTokens\":5000000000,"
                    + "\"timeToProduction\":\"DAYS\"},\"field\":\"upfrontBudgetUsd\","
                    + "\"values\":[0,1000,250000.5,1000000]}"),
            200));
    out.add(
        post(
            "sweep of a budget with engineers' cost",
            "/recommend/sweep",
            null,
            JSON.readTree(
                "{\"criteria\":{\"dataSensitivity\":\"CONFIDENTIAL\",\"monthlyTokens\":2000000000,"
                    + "\"timeToProduction\":\"MONTHS\",\"upfrontBudgetUsd\":750000,"
                    + "\"engineerMonthlyUsd\":15000,\"horizonMonths\":24,\"mlEngineers\":3},"
                    + "\"field\":\"latencyBudgetMs\",\"from\":1,\"to\":3000,\"points\":12}"),
            200));
    out.add(
        post(
            "sensitivity of the README's total-cost example",
            "/recommend/sensitivity",
            null,
            JSON.readTree(
                "{\"criteria\":"
                    + Files.readString(Path.of("src/test/resources/examples/tco-request.json"))
                    + ",\"change\":0.25}"),
            200));
    out.add(
        post(
            "sensitivity without a horizon",
            "/recommend/sensitivity",
            null,
            JSON.readTree(
                "{\"criteria\":{\"dataSensitivity\":\"INTERNAL\",\"monthlyTokens\":900000000,"
                    + "\"timeToProduction\":\"MONTHS\",\"upfrontBudgetUsd\":750000,"
                    + "\"mlEngineers\":1,\"infraEngineers\":2}}"),
            200));
    out.add(
        post(
            "sensitivity with bad fields",
            "/recommend/sensitivity",
            null,
            JSON.readTree("{\"criteria\":{\"dataSensitivity\":\"SECRET\"},\"change\":-1}"),
            400));
    out.add(
        post(
            "sweep with bad fields",
            "/recommend/sweep",
            null,
            JSON.readTree(
                "{\"criteria\":{\"dataSensitivity\":\"SECRET\"},\"field\":\"color\",\"points\":500}"),
            400));
    return out;
  }

  List<Exchange> catalogAndRules() throws Exception {
    List<Exchange> out = new ArrayList<>();
    for (String query :
        List.of(
            "",
            "provider=OpenAI",
            "license=OPEN",
            "license=OPEN_WEIGHT&minQuality=HIGH",
            "minContextWindowTokens=128000&size=3&page=1",
            "q=llama",
            "page=1000000&size=500")) {
      out.add(getAnswer("GET /models?" + query, "/models", query, 200));
    }
    for (String query :
        List.of("size=0", "page=-1", "minQuality=GOOD", "license=FREE&minContextWindowTokens=x")) {
      out.add(getAnswer("GET /models?" + query, "/models", query, 400));
    }
    out.add(getAnswer("GET /rules", "/rules", null, 200));
    out.add(getAnswer("GET /rules/history", "/rules/history", null, 200));
    return out;
  }

  List<Exchange> problems() throws Exception {
    List<Exchange> out = new ArrayList<>();
    out.add(
        post(
            "README invalid request",
            "/recommend",
            null,
            JSON.readTree(
                "{\"dataSensitivity\":\"SECRET\",\"monthlyTokens\":1.5,\"timeToProduction\":\"DAYS\","
                    + "\"upfrontBudgetUsd\":-1,\"mlEngineer\":2}"),
            400));
    out.add(
        exchange(
            "malformed JSON",
            "POST",
            "/recommend",
            null,
            400,
            null,
            "application/json",
            BodyPublishers.ofString("{\"dataSensitivity\":")));
    out.add(
        exchange(
            "an array",
            "POST",
            "/recommend",
            null,
            400,
            null,
            "application/json",
            BodyPublishers.ofString("[1,2]")));
    out.add(
        exchange(
            "an unknown explain",
            "POST",
            "/recommend",
            "explain=everything",
            400,
            JSON.readTree(README_EXAMPLES.resolve("recommend-request.json").toFile()),
            "application/json",
            BodyPublishers.ofFile(README_EXAMPLES.resolve("recommend-request.json"))));
    out.add(
        exchange(
            "a body over 64 KiB",
            "POST",
            "/recommend",
            null,
            413,
            null,
            "application/json",
            BodyPublishers.ofString("{\"referenceModel\":\"" + "x".repeat(70_000) + "\"}")));
    out.add(
        exchange(
            "a sweep over 64 KiB",
            "POST",
            "/recommend/sweep",
            null,
            413,
            null,
            "application/json",
            BodyPublishers.ofString("{\"field\":\"" + "x".repeat(70_000) + "\"}")));
    out.add(
        exchange(
            "text/plain",
            "POST",
            "/recommend",
            null,
            415,
            null,
            "text/plain",
            BodyPublishers.ofString("hello")));
    out.add(
        exchange(
            "text/plain sweep",
            "POST",
            "/recommend/sweep",
            null,
            415,
            null,
            "text/plain",
            BodyPublishers.ofString("hello")));
    JsonNode example = JSON.readTree(README_EXAMPLES.resolve("recommend-request.json").toFile());
    out.add(post("bad %-encoding in the query", "/recommend", "explain=%ff", example, 400));
    out.add(post("bad %-encoding in a sweep's query", "/recommend/sweep", "x=%ff", example, 400));
    for (String path : List.of("/models", "/rules", "/rules/history")) {
      out.add(getAnswer("bad %-encoding", path, "q=%ff", 400));
    }
    out.add(
        exchange(
            "an Accept without JSON",
            "GET",
            "/models",
            null,
            406,
            null,
            null,
            BodyPublishers.noBody(),
            "text/html"));
    out.add(
        exchange(
            "an Accept without JSON",
            "POST",
            "/recommend",
            null,
            406,
            example,
            "application/json",
            BodyPublishers.ofString(example.toString()),
            "text/html"));
    // no operation to document them: the body is the contract's Problem all the same
    out.add(getAnswer("bad %-encoding on health", "/actuator/health", "x=%ff", 400));
    out.add(
        exchange(
            "GET /recommend", "GET", "/recommend", null, 405, null, null, BodyPublishers.noBody()));
    out.add(
        exchange(
            "an unknown path",
            "GET",
            "/no-such-thing",
            null,
            404,
            null,
            null,
            BodyPublishers.noBody()));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // checking

  /** The answer's status as expected, and its body valid against each contract. */
  static List<String> check(Exchange e, List<OpenApiSchemas> contracts) {
    List<String> errors = new ArrayList<>();
    String at =
        e.what()
            + " ("
            + e.method()
            + " "
            + e.path()
            + (e.query() == null ? "" : "?" + e.query())
            + " -> "
            + e.status()
            + ")";
    if (e.status() != e.expectedStatus()) {
      errors.add(at + ": expected status " + e.expectedStatus() + ", answer " + e.answer());
    }
    if (e.answer() == null) {
      errors.add(at + ": the answer is not JSON (" + e.mediaType() + ")");
      return errors;
    }
    for (OpenApiSchemas contract : contracts) {
      boolean documented =
          !contract
              .document()
              .at("/paths/" + OpenApiSchemas.escape(e.path()) + "/" + e.method().toLowerCase())
              .isMissingNode();
      if (documented) {
        errors.addAll(
            contract.response(e.method(), e.path(), e.status(), e.mediaType(), e.answer(), at));
      } else {
        errors.addAll(contract.component("Problem", e.answer(), at));
      }
      if (e.request() != null && e.expectedStatus() == 200) {
        errors.addAll(contract.request(e.method(), e.path(), e.request(), at + " request"));
      }
    }
    return errors;
  }

  /**
   * Fails listing each distinct error once (array indices and the answer's name folded), with how
   * often it came and the first answer it came in, so thousands of errors read as a few lines.
   */
  static void assertNoErrors(List<String> errors, String what) {
    java.util.Map<String, List<String>> distinct = new java.util.LinkedHashMap<>();
    for (String error : errors) {
      // "<document>: <answer> (...): /instance/path: message" -> "<document>: /instance/path: msg"
      int instance = error.indexOf("): ");
      String key =
          instance < 0
              ? error
              : error.substring(0, error.indexOf(": "))
                  + ": "
                  + error.substring(instance + 3).replaceAll("/\\d+(?=/|:| )", "/*");
      distinct.computeIfAbsent(key, k -> new ArrayList<>()).add(error);
    }
    List<String> lines = new ArrayList<>();
    distinct.forEach(
        (key, all) -> lines.add(all.size() + " x " + key + "\n      first in: " + all.get(0)));
    assertThat(errors)
        .as(
            "%s: %d contract errors, %d distinct:%n  %s",
            what,
            errors.size(),
            distinct.size(),
            String.join("\n  ", lines.subList(0, Math.min(60, lines.size()))))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
        BodyHandlers.ofString());
  }

  Exchange getAnswer(String what, String path, String query, int expected) throws Exception {
    return exchange(what, "GET", path, query, expected, null, null, BodyPublishers.noBody());
  }

  Exchange post(String what, String path, String query, JsonNode request, int expected)
      throws Exception {
    return exchange(
        what,
        "POST",
        path,
        query,
        expected,
        request,
        "application/json",
        BodyPublishers.ofString(JSON.writeValueAsString(request)));
  }

  Exchange exchange(
      String what,
      String method,
      String path,
      String query,
      int expected,
      JsonNode request,
      String contentType,
      HttpRequest.BodyPublisher body)
      throws Exception {
    return exchange(what, method, path, query, expected, request, contentType, body, null);
  }

  Exchange exchange(
      String what,
      String method,
      String path,
      String query,
      int expected,
      JsonNode request,
      String contentType,
      HttpRequest.BodyPublisher body,
      String accept)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + path
                        + (query == null || query.isEmpty() ? "" : "?" + query)))
            .method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    if (accept != null) {
      builder.header("Accept", accept);
    }
    HttpResponse<String> response = http.send(builder.build(), BodyHandlers.ofString());
    String mediaType =
        response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").strip();
    JsonNode answer = null;
    if (mediaType.endsWith("json")) {
      answer = JSON.readTree(response.body());
    }
    return new Exchange(
        what, method, path, query, expected, request, response.statusCode(), mediaType, answer);
  }

  // ---------------------------------------------------------------------------------------------
  // random requests from the published request schema

  /**
   * Requests drawn from the published CriteriaRequest schema: every required property, each
   * optional one half of the time; enum values, booleans, integers and numbers anywhere within the
   * declared bounds (and multiples), on a log scale so that small and huge values both come up.
   * Model names come from the catalog: a name is data the schema cannot list.
   */
  static final class RandomRequests {
    final Random random;
    final JsonNode schema;
    final List<String> priced;
    final List<String> names;

    RandomRequests(Random random, JsonNode schema, List<String> priced, List<String> names) {
      this.random = random;
      this.schema = schema;
      this.priced = priced;
      this.names = names;
      assertThat(schema.path("properties").size()).isGreaterThan(10);
    }

    ObjectNode next() {
      ObjectNode request = JsonNodeFactory.instance.objectNode();
      List<String> required = new ArrayList<>();
      schema.path("required").forEach(r -> required.add(r.asString()));
      for (var p : schema.path("properties").properties()) {
        if (required.contains(p.getKey()) || random.nextBoolean()) {
          request.set(p.getKey(), value(p.getKey(), p.getValue()));
        }
      }
      return request;
    }

    JsonNode value(String name, JsonNode property) {
      var nodes = JsonNodeFactory.instance;
      if (property.has("enum")) {
        return property.path("enum").get(random.nextInt(property.path("enum").size()));
      }
      if (property.has("$ref")) {
        // a nested object (selfHost): sent empty, so the service sizes it from its tables; its
        // names (models, GPUs) are data the schema cannot list
        return nodes.objectNode();
      }
      String type = property.path("type").asString();
      return switch (type) {
        case "boolean" -> nodes.booleanNode(random.nextBoolean());
        case "integer" -> nodes.numberNode(number(property, BigDecimal.ONE).toBigIntegerExact());
        case "number" -> nodes.numberNode(number(property, step(property)));
        case "string" -> nodes.stringNode(priced.get(random.nextInt(priced.size())));
        case "object" -> {
          ObjectNode attempts = nodes.objectNode();
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            attempts.set(
                names.get(random.nextInt(names.size())),
                nodes.numberNode(
                    number(
                        property.path("additionalProperties"),
                        step(property.path("additionalProperties")))));
          }
          yield attempts;
        }
        default ->
            throw new AssertionError(name + ": a type the generator does not know: " + property);
      };
    }

    static BigDecimal step(JsonNode property) {
      return property.has("multipleOf")
          ? property.path("multipleOf").decimalValue()
          : new BigDecimal("0.01");
    }

    /** A multiple of step within [minimum, maximum], log-uniform over the range's magnitude. */
    BigDecimal number(JsonNode property, BigDecimal step) {
      BigDecimal min =
          property.has("minimum") ? property.path("minimum").decimalValue() : BigDecimal.ZERO;
      BigDecimal max =
          property.has("maximum")
              ? property.path("maximum").decimalValue()
              : property.has("exclusiveMaximum")
                  ? property.path("exclusiveMaximum").decimalValue().subtract(step)
                  : min.add(new BigDecimal("1000000000"));
      BigInteger steps = max.subtract(min).divideToIntegralValue(step).toBigIntegerExact();
      int bits = Math.max(1, steps.bitLength());
      BigInteger k = new BigInteger(1 + random.nextInt(bits), random).min(steps);
      if (random.nextInt(10) == 0) {
        k = random.nextBoolean() ? BigInteger.ZERO : steps;
      }
      return min.add(step.multiply(new BigDecimal(k))).stripTrailingZeros();
    }
  }

  /**
   * Reads YAML as the contract's JSON means it: a date in an example ({@code pricesCheckedOn:
   * 2026-12-01}) is the text a client receives, not a timestamp SnakeYAML would make of it.
   */
  static Yaml yamlWithoutTimestamps() {
    org.yaml.snakeyaml.LoaderOptions loading = new org.yaml.snakeyaml.LoaderOptions();
    org.yaml.snakeyaml.DumperOptions dumping = new org.yaml.snakeyaml.DumperOptions();
    return new Yaml(
        new org.yaml.snakeyaml.constructor.Constructor(loading),
        new org.yaml.snakeyaml.representer.Representer(dumping),
        dumping,
        loading,
        new org.yaml.snakeyaml.resolver.Resolver() {
          @Override
          protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
          }
        });
  }
}
