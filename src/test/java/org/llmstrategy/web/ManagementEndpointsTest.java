package org.llmstrategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The management surface on a real port: health, info and Prometheus, and nothing else. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagementEndpointsTest {
  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        BodyHandlers.ofString());
  }

  @Test
  void theIndexListsHealthInfoAndPrometheusOnly() throws Exception {
    var response = get("/actuator");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"health\"", "\"info\"", "\"prometheus\"")
        .doesNotContain("\"env\"", "\"beans\"", "\"heapdump\"", "\"metrics\"");
  }

  @Test
  void healthAndInfoAnswer() throws Exception {
    var health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest(name = "/actuator/{0} is closed")
  @ValueSource(
      strings = {
        "env",
        "env/JAVA_HOME",
        "heapdump",
        "beans",
        "configprops",
        "metrics",
        "metrics/jvm.memory.used",
        "loggers",
        "threaddump",
        "mappings",
        "conditions",
        "scheduledtasks",
        "caches",
        "sbom",
        "startup",
        "shutdown",
        "logfile",
        "httpexchanges",
        "auditevents",
        "sessions"
      })
  void everyOtherEndpointIs404(String endpoint) throws Exception {
    var response = get("/actuator/" + endpoint);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("/problems/not-found")
        .doesNotContain("propertySources", "activeProfiles", "contexts", "names");
    var post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/" + endpoint))
                .POST(BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());
    assertThat(post.statusCode()).isBetween(404, 405);
  }

  @Test
  void prometheusServesDecisionsByOutcomeLatencyAndReloads() throws Exception {
    var decided =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/recommend"))
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofFile(
                        Path.of("bench/requests/selfhost-enterprise-regulated.json")))
                .build(),
            BodyHandlers.ofString());
    assertThat(decided.statusCode()).isEqualTo(200);

    var response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body())
        .containsPattern("decision_decisions_total\\{[^}]*outcome=\"SELF_HOST\"[^}]*} [1-9]")
        .contains("decision_decisions_total{", "outcome=\"INFEASIBLE\"")
        .containsPattern("decision_latency_seconds_count(\\{[^}]*})? [1-9]")
        .contains("decision_latency_seconds_bucket")
        .contains("decision_rules_reloads_total{", "outcome=\"REFUSED\"")
        .contains("jvm_memory_used_bytes");
  }
}
