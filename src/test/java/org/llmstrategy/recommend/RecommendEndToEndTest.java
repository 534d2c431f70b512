package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole flow on a real port: example request in, a decision with its rule trace out. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RecommendEndToEndTest {
  static final Path EXAMPLE = Path.of("src/test/resources/examples/recommend-request.json");

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> post(HttpRequest.BodyPublisher body, String contentType) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recommend"))
            .header("Content-Type", contentType)
            .POST(body)
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  @Test
  void theExampleRequestIsDecidedAndTraced() throws Exception {
    var response = post(BodyPublishers.ofFile(EXAMPLE), "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode answer = JsonMapper.shared().readTree(response.body());
    assertThat(answer.path("rulesVersion").asString()).isNotBlank();
    assertThat(answer.path("deployment").path("recommendation").asString())
        .isIn("API", "FINE_TUNE", "SELF_HOST");
    assertThat(answer.path("firedRules").isArray()).isTrue();
    assertThat(answer.path("firedRules").size()).isPositive();
    for (JsonNode fired : answer.path("firedRules")) {
      assertThat(fired.path("rule").asString()).isNotBlank();
      assertThat(fired.path("source").path("file").asString()).isNotBlank();
    }
  }

  @Test
  void aChunkedBodyOver64KiBIs413() throws Exception {
    byte[] big = ("{\"referenceModel\": \"" + "x".repeat(70_000) + "\"}").getBytes();
    // ofInputStream has no known length, so the client sends it chunked: no Content-Length
    var response =
        post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "application/json");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("/problems/request-too-large");
  }

  @Test
  void errorsTheContainerRoutesAreProblemsToo() throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error")).GET().build();
    var response = http.send(request, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aReferenceModelWithoutAnApiPriceIsA400NamingTheField() throws Exception {
    String body =
        """
        {"dataSensitivity":"PUBLIC","monthlyTokens":1000,"timeToProduction":"DAYS",
         "upfrontBudgetUsd":0,"referenceModel":"Llama 3.1 70B","expectedAttempts":{"GPT-6":2}}
        """;
    var response = post(BodyPublishers.ofString(body), "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JsonMapper.shared().readTree(response.body());
    assertThat(problem.path("errors").findValuesAsString("field"))
        .containsExactly("referenceModel", "expectedAttempts");
    assertThat(problem.path("errors").get(0).path("message").asString())
        .startsWith("must be a catalog model with an API price, one of GPT-4o, ");
  }

  @Test
  void theCatalogIsListed() throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/models")).GET().build();
    JsonNode page =
        JsonMapper.shared().readTree(http.send(request, BodyHandlers.ofString()).body());
    // the article's eight, then GPT-5 and the open models from 8B to 1T, in the catalog's order
    assertThat(page.path("totalElements").asLong()).isEqualTo(20);
    assertThat(page.path("size").asInt()).isEqualTo(50);
    assertThat(page.path("models").findValuesAsString("name"))
        .startsWith(
            "GPT-4o",
            "Claude Opus 4",
            "Claude Sonnet 4",
            "Llama 3.1 405B",
            "Llama 3.1 70B",
            "Mistral Large",
            "Gemini 2.0 Pro",
            "DeepSeek-V3",
            "GPT-5")
        .contains("Llama-3.1-8B", "Qwen3-30B-A3B", "Llama-3.3-70B", "Kimi-K2");
    assertThat(page.path("models").get(0).path("fineTunable").asBoolean(true)).isFalse();
    assertThat(page.path("models").get(4).path("fineTunable").asBoolean(false)).isTrue();
  }

  @Test
  void theCatalogIsFilteredAndPaged() throws Exception {
    JsonNode page =
        JsonMapper.shared()
            .readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://localhost:"
                                        + port
                                        + "/models?license=CLOSED&minQuality=VERY_HIGH&q=o&size=2&page=1"))
                            .build(),
                        BodyHandlers.ofString())
                    .body());
    // closed, very high, "o" in the name: GPT-4o, Claude Opus 4, Gemini 2.0 Pro; page 1 of 2
    assertThat(page.path("totalElements").asLong()).isEqualTo(3);
    assertThat(page.path("models").findValuesAsString("name")).containsExactly("Gemini 2.0 Pro");
  }

  @Test
  void badModelQueryParametersAreProblemsNamingEachOne() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/models?license=closed&size=100000&minContextWindowTokens=128K"))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(
            JsonMapper.shared()
                .readTree(response.body())
                .path("errors")
                .findValuesAsString("field"))
        .containsExactlyInAnyOrder("license", "minContextWindowTokens", "size");
  }
}
