package org.llmstrategy.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.Application;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions on record, end to end, on one database engine: each subclass runs this whole suite on
 * its own (the embedded H2 file; PostgreSQL where one is configured, as CI does). The service runs
 * in process, started and stopped as a deployment would be, except in the kill -9 test, which kills
 * a child JVM.
 */
abstract class DecisionRecordsContract {
  /** A fresh database of the engine under test, in (or for) the given folder. */
  abstract RecordsDatabase database(Path dir) throws Exception;

  /** One whose {@link RecordsDatabase#fill} works, for a service in this JVM. */
  RecordsDatabase fillableDatabase(Path dir) throws Exception {
    return database(dir);
  }

  @TempDir Path tmp;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final List<AutoCloseable> open = new ArrayList<>();

  static final List<String> REQUESTS =
      List.of(
          """
          {"dataSensitivity":"CONFIDENTIAL","monthlyTokens":2000000000,"timeToProduction":"MONTHS",
           "upfrontBudgetUsd":750000,"mlEngineers":3,"infraEngineers":3,"latencyBudgetMs":300,
           "customization":"DOMAIN_ADAPTATION","taskType":"DOMAIN_EXPERT","labeledExamples":5000,
           "minQuality":"HIGH","tokensPerTask":3000,"expectedAttempts":{"GPT-4o":1.2}}""",
          """
          {"dataSensitivity":"PUBLIC","monthlyTokens":5000000,"timeToProduction":"DAYS",
           "upfrontBudgetUsd":0}""",
          """
          {"dataSensitivity":"REGULATED","monthlyTokens":20000000000,"timeToProduction":"DAYS",
           "upfrontBudgetUsd":0, "outputTokenShare": 0.30}""");

  /** The service's clock, moved by the retention test. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static MovableClock clock;

  @Configuration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    Clock clock() {
      return clock;
    }
  }

  record Service(ConfigurableApplicationContext context, int port) implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }

  Service start(RecordsDatabase db, Path rules, String... more) {
    clock = new MovableClock();
    List<String> properties = new ArrayList<>();
    db.properties().forEach((k, v) -> properties.add(k + "=" + v));
    properties.addAll(
        List.of(
            "server.port=0",
            "spring.main.banner-mode=off",
            "spring.main.allow-bean-definition-overriding=true",
            "spring.datasource.hikari.connection-timeout=1000",
            "decision.records.write-timeout=5s",
            // a loaded machine must not stop a decision here: the deadline is not under test
            "decision.deadline=10s",
            "decision.rules-dir=" + rules));
    properties.addAll(Arrays.asList(more));
    // as command-line arguments: they outrank the test resources' in-memory database
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Application.class, TestClock.class)
            .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    Service s =
        new Service(
            context, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    open.add(s);
    return s;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  RecordsDatabase db() throws Exception {
    RecordsDatabase db = database(tmp);
    open.add(db);
    return db;
  }

  Path rules() throws Exception {
    return RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules")).dir();
  }

  HttpResponse<byte[]> post(int port, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recommend"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .build(),
        BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<byte[]> r) {
    return JsonMapper.shared().readTree(r.body());
  }

  static String idOf(HttpResponse<byte[]> answer) {
    return answer.headers().firstValue("X-Decision-Id").orElseThrow();
  }

  /** The stored decision serves the answer's very bytes: the envelope ends with them. */
  static void assertServedExactly(HttpResponse<byte[]> stored, byte[] served) {
    byte[] tail =
        concat(",\"answer\":".getBytes(StandardCharsets.US_ASCII), served, new byte[] {'}'});
    byte[] body = stored.body();
    assertThat(body.length).isGreaterThan(tail.length);
    assertThat(Arrays.copyOfRange(body, body.length - tail.length, body.length))
        .as("the stored answer, byte for byte")
        .isEqualTo(tail);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  @Test
  void everyAnswerIsKeptAsServedListedAndSweptAfterItsRetention() throws Exception {
    Service s = start(db(), rules(), "decision.records.retention=90d");
    Map<String, HttpResponse<byte[]>> answers = new LinkedHashMap<>();
    for (String request : REQUESTS) {
      HttpResponse<byte[]> a = post(s.port(), request);
      assertThat(a.statusCode()).isEqualTo(200);
      String id = idOf(a);
      assertThat(a.headers().firstValue("Location")).contains("/decisions/" + id);
      answers.put(id, a);
    }
    assertThat(answers).hasSize(REQUESTS.size());

    int i = 0;
    for (var e : answers.entrySet()) {
      HttpResponse<byte[]> stored = get(s.port(), "/decisions/" + e.getKey());
      assertThat(stored.statusCode()).isEqualTo(200);
      assertServedExactly(stored, e.getValue().body());
      JsonNode d = json(stored);
      assertThat(d.path("id").asString()).isEqualTo(e.getKey());
      assertThat(d.path("decidedAt").asString()).isEqualTo("2026-12-01T09:00:00Z");
      assertThat(d.path("rulesVersion").asString())
          .isEqualTo(e.getValue().headers().firstValue("X-Rules-Version").orElseThrow());
      assertThat(d.path("commit").isNull()).as("rules from a folder have no commit").isTrue();
      // the request's fields as sent, nothing else (no address, no header)
      assertThat(d.path("request")).isEqualTo(JsonMapper.shared().readTree(REQUESTS.get(i++)));
    }

    JsonNode all = json(get(s.port(), "/decisions?size=2"));
    assertThat(all.path("totalElements").asLong()).isEqualTo(3);
    assertThat(all.path("decisions")).hasSize(2);
    assertThat(json(get(s.port(), "/decisions?size=2&page=1")).path("decisions")).hasSize(1);
    String recommended =
        json(answers.values().iterator().next())
            .path("deployment")
            .path("recommendation")
            .asString();
    JsonNode some = json(get(s.port(), "/decisions?recommendation=" + recommended));
    assertThat(some.path("decisions"))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.path("recommendation").asString()).isEqualTo(recommended));
    assertThat(json(get(s.port(), "/decisions?to=2026-11-30")).path("totalElements").asLong())
        .isZero();
    assertThat(json(get(s.port(), "/decisions?from=2026-12-01")).path("totalElements").asLong())
        .isEqualTo(3);
    HttpResponse<byte[]> bad = get(s.port(), "/decisions?recommendation=MAYBE&size=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("errors").findValuesAsString("field"))
        .containsExactly("recommendation", "size");
    assertThat(get(s.port(), "/decisions/" + java.util.UUID.randomUUID()).statusCode())
        .isEqualTo(404);

    // 91 days on, one more decision; the sweep deletes the three of the first day only
    clock.now = clock.now.plus(Duration.ofDays(91));
    String recent = idOf(post(s.port(), REQUESTS.get(1)));
    assertThat(s.context().getBean(RecordsSweeper.class).sweep()).isEqualTo(3);
    for (String old : answers.keySet()) {
      assertThat(get(s.port(), "/decisions/" + old).statusCode()).isEqualTo(404);
    }
    assertThat(get(s.port(), "/decisions/" + recent).statusCode()).isEqualTo(200);
  }

  @Test
  void recordsOutliveARestartAndARulesChangeAndNowSaysWhatChanged() throws Exception {
    RecordsDatabase db = db();
    Path rules = rules();
    Map<String, byte[]> served = new LinkedHashMap<>();
    try (Service first = start(db, rules)) {
      for (String request : REQUESTS) {
        HttpResponse<byte[]> a = post(first.port(), request);
        served.put(idOf(a), a.body());
      }
    }
    Service s = start(db, rules);
    for (var e : served.entrySet()) {
      assertServedExactly(get(s.port(), "/decisions/" + e.getKey()), e.getValue());
    }
    String firstId = served.keySet().iterator().next();
    JsonNode unchanged = json(get(s.port(), "/decisions/" + firstId + "/now"));
    assertThat(unchanged.path("changes")).as("the same rules answer the same").isEmpty();

    // an analyst edits a sentence the first answer carries; the rules go live
    String sentence = editedSentence(rules, json(get(s.port(), "/decisions/" + firstId)));
    RulesStatus.Attempt attempt = s.context().getBean(RulesReloader.class).reload();
    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.ACTIVATED);
    assertThat(attempt.recentTraffic().replayed())
        .as("the candidate is replayed over the decisions on record, from before the restart")
        .isEqualTo(REQUESTS.size());

    for (var e : served.entrySet()) {
      assertServedExactly(get(s.port(), "/decisions/" + e.getKey()), e.getValue());
    }
    JsonNode now = json(get(s.port(), "/decisions/" + firstId + "/now"));
    assertThat(now.path("then")).isEqualTo(JsonMapper.shared().readTree(served.get(firstId)));
    assertThat(now.path("now").path("rulesVersion").asString())
        .isEqualTo(attempt.candidateVersion());
    List<String> changes = now.path("changes").valueStream().map(JsonNode::asString).toList();
    assertThat(changes)
        .contains(
            "rulesVersion: \""
                + now.path("then").path("rulesVersion").asString()
                + "\" → \""
                + attempt.candidateVersion()
                + "\"")
        .anySatisfy(c -> assertThat(c).startsWith("cost.assumptions: + \"Edited: "))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith(
                        "cost.assumptions: - \""
                            + sentence.substring(0, Math.min(40, sentence.length()))));
  }

  /**
   * Prefixes "Edited: " to a sentence of the answer's cost assumptions that a DRL file writes
   * verbatim, and returns the sentence.
   */
  static String editedSentence(Path rules, JsonNode decision) throws Exception {
    List<Path> drl;
    try (Stream<Path> files = Files.walk(rules)) {
      drl = files.filter(p -> p.toString().endsWith(".drl")).toList();
    }
    for (JsonNode a : decision.path("answer").path("cost").path("assumptions")) {
      String literal = "\"" + a.asString().replace("\"", "\\\"") + "\"";
      for (Path p : drl) {
        String text = Files.readString(p);
        if (text.contains(literal)) {
          Files.writeString(p, text.replace(literal, "\"Edited: " + literal.substring(1)));
          return a.asString();
        }
      }
    }
    throw new AssertionError("no cost assumption of the answer is written verbatim in a DRL file");
  }

  @Test
  void aDatabaseThatIsDownIsA503NamingItAndHealthSaysSo() throws Exception {
    RecordsDatabase db = db();
    Service s = start(db, rules());
    assertThat(post(s.port(), REQUESTS.get(1)).statusCode()).isEqualTo(200);

    db.takeDown();
    HttpResponse<byte[]> refused = post(s.port(), REQUESTS.get(1));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(refused.headers().firstValue("X-Decision-Id")).isEmpty();
    JsonNode problem = json(refused);
    assertThat(problem.path("type").asString()).endsWith("/problems/decision-not-recorded");
    assertThat(problem.path("detail").asString())
        .contains(db.named())
        .contains("cannot be reached")
        .doesNotContain("Exception");
    HttpResponse<byte[]> health = get(s.port(), "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(json(health).path("status").asString()).isEqualTo("DOWN");

    db.bringBack();
    // the pool drops the connections the database ended as it meets them: a few requests at most
    HttpResponse<byte[]> again = post(s.port(), REQUESTS.get(1));
    for (int tries = 0; again.statusCode() == 503 && tries < 10; tries++) {
      Thread.sleep(500);
      again = post(s.port(), REQUESTS.get(1));
    }
    assertThat(again.statusCode()).isEqualTo(200);
    assertServedExactly(get(s.port(), "/decisions/" + idOf(again)), again.body());
    assertThat(json(get(s.port(), "/actuator/health")).path("status").asString()).isEqualTo("UP");
  }

  @Test
  void aDatabaseThatIsFullIsA503SayingSoAndHealthSaysSo() throws Exception {
    RecordsDatabase db = fillableDatabase(tmp);
    open.add(db);
    Service s = start(db, rules());
    assertThat(post(s.port(), REQUESTS.get(1)).statusCode()).isEqualTo(200);

    db.fill();
    HttpResponse<byte[]> refused = post(s.port(), REQUESTS.get(1));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(refused.headers().firstValue("X-Decision-Id")).isEmpty();
    JsonNode problem = json(refused);
    assertThat(problem.path("type").asString()).endsWith("/problems/decision-not-recorded");
    assertThat(problem.path("detail").asString())
        .contains(db.named())
        .contains("the database is full")
        .doesNotContain("Exception")
        .doesNotContain("16385");
    HttpResponse<byte[]> health = get(s.port(), "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(json(health).path("status").asString()).isEqualTo("DOWN");
    // the details (shown where management.endpoint.health.show-details allows) say why
    assertThat(s.context().getBean(RecordsHealth.class).health().getDetails())
        .containsEntry("error", "decisions cannot be recorded: the database is full");

    db.makeRoom();
    HttpResponse<byte[]> again = post(s.port(), REQUESTS.get(1));
    for (int tries = 0; again.statusCode() == 503 && tries < 10; tries++) {
      Thread.sleep(500);
      again = post(s.port(), REQUESTS.get(1));
    }
    assertThat(again.statusCode()).isEqualTo(200);
    assertServedExactly(get(s.port(), "/decisions/" + idOf(again)), again.body());
    assertThat(json(get(s.port(), "/actuator/health")).path("status").asString()).isEqualTo("UP");
  }

  @Test
  void recordsOffKeepNothingAndTheEndpointsAnswer404() throws Exception {
    RecordsDatabase db = db();
    Service s = start(db, rules(), "decision.records.enabled=false");
    HttpResponse<byte[]> a = post(s.port(), REQUESTS.get(0));
    assertThat(a.statusCode()).isEqualTo(200);
    assertThat(a.headers().firstValue("X-Decision-Id")).isEmpty();
    assertThat(a.headers().firstValue("Location")).isEmpty();
    assertThat(get(s.port(), "/decisions").statusCode()).isEqualTo(404);
    assertThat(get(s.port(), "/decisions/" + java.util.UUID.randomUUID()).statusCode())
        .isEqualTo(404);
    assertThat(json(get(s.port(), "/actuator/health")).path("status").asString()).isEqualTo("UP");
    s.close();
    assertThat(db.holdsAnything()).as("no table, no row: the database was never opened").isFalse();
  }

  /**
   * A real crash: the built service in a child JVM, killed with SIGKILL while clients post; every
   * id a client received is on record after the restart.
   */
  @Test
  void aKillMinus9UnderLoadLosesNoDecisionAClientReceived() throws Exception {
    RecordsDatabase db = db();
    Path rules = rules();
    List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    int[] crashedRequests = {0};
    try (ChildService child = ChildService.start(db, rules, tmp.resolve("child-1.log"))) {
      var clients = java.util.concurrent.Executors.newFixedThreadPool(8);
      var running = new java.util.concurrent.atomic.AtomicBoolean(true);
      var failed = new java.util.concurrent.atomic.AtomicInteger();
      for (int c = 0; c < 8; c++) {
        int client = c;
        clients.submit(
            () -> {
              for (int n = 0; running.get() && n < 2_000; n++) {
                try {
                  HttpResponse<byte[]> a =
                      post(child.port(), REQUESTS.get((client + n) % REQUESTS.size()));
                  if (a.statusCode() == 200) {
                    received.add(idOf(a));
                  }
                } catch (Exception e) {
                  failed.incrementAndGet(); // the crash: no answer, no id
                }
              }
              return null;
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (received.size() < 200 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      child.kill();
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      crashedRequests[0] = failed.get();
    }
    assertThat(received).as("ids received before the kill").hasSizeGreaterThanOrEqualTo(200);

    // read back from the database itself, opened afresh after the crash (as a restarted service
    // opens it: H2 recovers its file, PostgreSQL serves what it committed); starting the service
    // again would only add a JVM start, and recordsOutliveARestart... covers serving them
    java.util.Set<String> stored = db.storedIds();
    List<String> missing = received.stream().filter(id -> !stored.contains(id)).toList();
    System.out.printf(
        "kill -9 under load (%s): %d ids received, %d requests cut by the kill, %d missing"
            + " after the crash%n",
        getClass().getSimpleName(), received.size(), crashedRequests[0], missing.size());
    assertThat(missing).as("decisions whose id a client received").isEmpty();
  }

  /** The service as built (target/classes and its runtime jars), in a JVM of its own. */
  record ChildService(Process process, int port) implements AutoCloseable {
    static ChildService start(RecordsDatabase db, Path rules, Path log) throws Exception {
      int port;
      try (var socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      String classpath =
          Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
              .filter(e -> !e.contains("test-classes"))
              .reduce((a, b) -> a + java.io.File.pathSeparator + b)
              .orElseThrow();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // C1 only: the child starts sooner and its speed is not under test
      command.addAll(
          List.of(
              "-Xmx512m",
              "-XX:TieredStopAtLevel=1",
              "-cp",
              classpath,
              "org.llmstrategy.Application"));
      command.add("--server.port=" + port);
      command.add("--decision.rules-dir=" + rules);
      command.add("--spring.main.banner-mode=off");
      command.addAll(db.arguments());
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      ChildService child = new ChildService(p, port);
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new AssertionError("the child service stopped: " + Files.readString(log));
        }
        try {
          var r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                      .build(),
                  BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            return child;
          }
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
      child.close();
      throw new AssertionError("the child service did not start: " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer. */
    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL on Linux
      process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          kill();
        }
      }
    }
  }
}
