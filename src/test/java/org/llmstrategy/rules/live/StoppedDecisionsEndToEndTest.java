package org.llmstrategy.rules.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attack, over HTTP: a rule whose consequence does not return for one volume went live,
 * and two requests with that volume hung every /recommend for good, health said UP, and reloading
 * without it never finished. Now those two get a 503 naming the rule set, everyone else is
 * answered, GET /rules and health say the rule set is faulty, and removing the file replaces it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StoppedDecisionsEndToEndTest {
  static final String SPIN_FILE = "decision/Spin.drl";

  static final String SPIN_REQUEST =
      """
      {"dataSensitivity":"PUBLIC","monthlyTokens":123456789,"timeToProduction":"DAYS",
       "upfrontBudgetUsd":0}
      """;

  static final String ORDINARY_REQUEST =
      """
      {"dataSensitivity":"PUBLIC","monthlyTokens":1000000000,"timeToProduction":"DAYS",
       "upfrontBudgetUsd":0}
      """;

  /** Generous: this machine is shared; the bound proves an answer came, not that it was fast. */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(60);

  @TempDir static Path tmp;
  static RuleFolderFixture rules;

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void copyRules() throws Exception {
    if (rules == null) {
      rules =
          RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
              .write(SPIN_FILE, org.llmstrategy.rules.run.DecisionDeadlineTestRules.SPIN);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    copyRules();
    registry.add("decision.rules-dir", () -> rules.dir().toString());
    registry.add("decision.reload-settle", () -> "200ms");
    registry.add("decision.concurrent-runs", () -> "1"); // one stuck run held every turn before
  }

  @Test
  void aDecisionThatDoesNotEndIsStoppedAndTheRuleSetReplaced() throws Exception {
    String version = get("/rules").body().path("active").path("rulesVersion").asString();
    assertThat(post(ORDINARY_REQUEST).join().statusCode()).isEqualTo(200);

    List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      stuck.add(post(SPIN_REQUEST));
    }
    List<CompletableFuture<HttpResponse<String>>> ordinary = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ordinary.add(post(ORDINARY_REQUEST));
    }
    for (var answer : ordinary) {
      assertThat(answer.join().statusCode()).isEqualTo(200);
    }
    for (var answer : stuck) {
      HttpResponse<String> r = answer.join();
      JsonNode problem = JsonMapper.shared().readTree(r.body());
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(r.headers().firstValue("X-Rules-Version")).hasValue(version);
      assertThat(problem.path("type").asString()).endsWith("/decision-not-made");
      assertThat(problem.path("status").asInt()).isEqualTo(503);
      assertThat(problem.path("rulesVersion").asString()).isEqualTo(version);
      assertThat(problem.path("detail").asString()).contains(version).contains("GET /rules");
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("org.llmstrategy");
    }

    JsonNode stopped = get("/rules").body().path("stoppedDecisions");
    assertThat(stopped.path("count").asLong()).isGreaterThanOrEqualTo(2);
    JsonNode last = stopped.path("last").get(0);
    assertThat(last.path("rule").asString()).isEqualTo("SpinsOnOneVolume");
    assertThat(last.path("location").asString()).isEqualTo(SPIN_FILE);
    assertThat(last.path("reason").asString()).contains("did not return");
    Answer health = get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().path("status").asString()).isEqualTo("FAULTY");

    Files.delete(rules.dir().resolve(SPIN_FILE));
    await()
        .atMost(ANSWER_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                !get("/rules")
                    .body()
                    .path("active")
                    .path("rulesVersion")
                    .asString()
                    .equals(version));

    assertThat(get("/rules").body().path("stoppedDecisions").path("count").asLong()).isZero();
    assertThat(get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
    assertThat(post(SPIN_REQUEST).join().statusCode()).isEqualTo(200);
  }

  record Answer(int status, JsonNode body) {}

  Answer get(String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(ANSWER_WAIT)
            .build();
    var response = http.send(request, BodyHandlers.ofString());
    return new Answer(response.statusCode(), JsonMapper.shared().readTree(response.body()));
  }

  CompletableFuture<HttpResponse<String>> post(String json) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recommend"))
            .header("Content-Type", "application/json")
            .timeout(ANSWER_WAIT)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.sendAsync(request, BodyHandlers.ofString());
  }
}
