package org.llmstrategy.rules.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three replicas on one local bare repository, two following main and one pinned to a tag, while
 * clients post round-robin to all three: a good commit reaches both followers, a broken one reaches
 * none, the pinned one stays put, no request fails, and every answer names its rules version in its
 * header. Pinning the tag on a restarted replica rolls it back.
 */
class ReplicasFollowOneBranchTest {
  static final String CATALOG = "models/ModelCatalog.drl.xlsx";
  static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";
  static final String REQUEST =
      """
      {"dataSensitivity":"PUBLIC","monthlyTokens":1000000000,"timeToProduction":"DAYS",
       "upfrontBudgetUsd":0,"referenceModel":"Claude Sonnet 4"}
      """;

  /**
   * Generous on purpose: the machine is shared, and this test proves convergence, not its speed
   * (measured by bench/replicas.sh, BENCHMARKS.md). On a quiet machine it takes a few seconds.
   */
  static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path tmp;
  final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Replica(String name, int port) {}

  record Answer(int status, String header, JsonNode body) {}

  Replica start(String name, String uri, String ref) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "server.port=0",
                "decision.rules-git-uri=" + uri,
                "decision.rules-git-path=rules",
                "decision.rules-git-poll=1s",
                "spring.main.banner-mode=off"));
    if (ref != null) {
      properties.add("decision.rules-git-ref=" + ref);
    }
    var context =
        new SpringApplicationBuilder(Application.class)
            .properties(properties.toArray(String[]::new))
            .run();
    replicas.add(context);
    return new Replica(
        name, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  @AfterEach
  void stopReplicas() {
    replicas.forEach(ConfigurableApplicationContext::close);
  }

  Answer post(Replica r) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + r.port() + "/recommend"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
            .build();
    HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("X-Rules-Version").orElse(null),
        JsonMapper.shared().readTree(response.body()));
  }

  String get(Replica r, String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + r.port() + path))
            .timeout(Duration.ofSeconds(60))
            .build();
    return http.send(request, BodyHandlers.ofString()).body();
  }

  JsonNode rules(Replica r) throws Exception {
    return JsonMapper.shared().readTree(get(r, "/rules"));
  }

  String activeCommit(Replica r) throws Exception {
    return rules(r).path("active").path("commit").path("id").asString();
  }

  String version(Replica r) throws Exception {
    return post(r).header();
  }

  @Test
  void aGoodCommitReachesEveryFollowerABrokenOneNoneAndAPinStaysPut() throws Exception {
    RulesRemote remote = RulesRemote.withShippedRules(tmp, "rules");
    remote.tag("v1");
    String first = activeCommitOfRemote(remote);
    Replica a = start("a", remote.uri(), null);
    Replica b = start("b", remote.uri(), null);
    Replica pinned = start("pinned", remote.uri(), "v1");
    List<Replica> all = List.of(a, b, pinned);
    String v1 = version(a);
    for (Replica r : all) {
      assertThat(version(r)).as(r.name()).isEqualTo(v1);
      assertThat(activeCommit(r)).as(r.name()).isEqualTo(first);
    }

    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicInteger answers = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    for (int c = 0; c < 2; c++) {
      int offset = c;
      clients.submit(
          () -> {
            for (int i = offset; running.get(); i++) {
              Replica r = all.get(i % all.size());
              try {
                Answer answer = post(r);
                if (answer.status() != 200) {
                  failures.add(r.name() + ": " + answer.status() + " " + answer.body());
                } else if (answer.header() == null
                    || !answer.header().equals(answer.body().path("rulesVersion").asString())) {
                  failures.add(r.name() + ": header " + answer.header() + " against the body");
                }
                answers.incrementAndGet();
                Thread.sleep(10); // clients, not a load test: leave the builds some CPU
              } catch (Exception e) {
                failures.add(r.name() + ": " + e);
              }
            }
            return null;
          });
    }
    try {
      // 1. a good commit: both followers take it; the pinned replica keeps the tag
      remote.rules().setCell(CATALOG, "H12", "3.50");
      Instant pushed = Instant.now();
      String good = remote.commit("Claude Sonnet 4 at $3.50");
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> good.equals(activeCommit(a)) && good.equals(activeCommit(b)));
      String v2 = version(a);
      System.out.printf(
          "Both followers serve commit %s (%s) %d ms after the push%n",
          good.substring(0, 12), v2, Duration.between(pushed, Instant.now()).toMillis());
      assertThat(v2).isNotEqualTo(v1);
      assertThat(version(b)).isEqualTo(v2);
      awaitFetchAfter(pinned, pushed);
      assertThat(activeCommit(pinned)).isEqualTo(first);
      assertThat(version(pinned)).isEqualTo(v1);

      // 2. a broken commit: refused by both followers, named with its commit; v2 keeps serving
      remote.rules().setCell(MATRIX, "C10", "SECRET");
      String broken = remote.commit("A typo in the matrix");
      for (Replica r : List.of(a, b)) {
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    broken.equals(
                        rules(r).path("lastAttempt").path("commit").path("id").asString()));
        JsonNode attempt = rules(r).path("lastAttempt");
        assertThat(attempt.path("outcome").asString()).as(r.name()).isEqualTo("REFUSED");
        assertThat(attempt.path("problems").toString())
            .contains("deployment/DeploymentMatrix.drl.xlsx!Matrix!C10");
        assertThat(activeCommit(r)).as(r.name()).isEqualTo(good);
        assertThat(version(r)).as(r.name()).isEqualTo(v2);
      }
    } finally {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }
    assertThat(failures).isEmpty();
    assertThat(answers.get()).isPositive();

    // what was live when, newest first; the dashboard's gauge names version and commit
    JsonNode history = JsonMapper.shared().readTree(get(a, "/rules/history")).path("activations");
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.get(0).path("outcome").asString()).isEqualTo("REFUSED");
    assertThat(history.get(1).path("outcome").asString()).isEqualTo("ACTIVATED");
    assertThat(history.get(1).path("commit").path("message").asString())
        .isEqualTo("Claude Sonnet 4 at $3.50");
    assertThat(history.get(2).path("commit").path("id").asString()).isEqualTo(first);
    String v2 = version(a);
    assertThat(get(a, "/actuator/prometheus"))
        .containsPattern(
            "decision_rules_active\\{commit=\"" + activeCommit(a) + "\",version=\"" + v2 + "\"} 1");

    // 3. rollback: a replica restarted with the tag pinned serves the tag's rules again
    replicas.get(1).close();
    Replica rolledBack = start("rolled back", remote.uri(), "v1");
    assertThat(version(rolledBack)).isEqualTo(v1);
    assertThat(activeCommit(rolledBack)).isEqualTo(first);
    remote.close();
  }

  /** Waits until the replica has fetched at least once after {@code after}. */
  void awaitFetchAfter(Replica r, Instant after) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Instant.parse(rules(r).path("repository").path("checkedAt").asString())
                    .isAfter(after));
  }

  static String activeCommitOfRemote(RulesRemote remote) throws Exception {
    try (var repo =
        new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
            .setGitDir(remote.bare().toFile())
            .build()) {
      return repo.resolve("refs/heads/main").getName();
    }
  }
}
