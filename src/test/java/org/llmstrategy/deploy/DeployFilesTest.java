package org.llmstrategy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmstrategy.rules.git.GitRulesProperties;
import org.llmstrategy.rules.live.RulesProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/ cannot run here (no container engine), so its files are read as data and held against the
 * application: the port it listens on, the probe paths it answers (asked of the running
 * application), the properties its environment variables bind to, and the labels and names the
 * manifests use to find each other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeployFilesTest {
  static final Path DEPLOY = Path.of("deploy");
  static final int DEFAULT_PORT = 8080; // Spring Boot's, as application.properties sets none

  static Map<String, Map<String, Object>> byKind;
  static Properties application;

  @LocalServerPort int port;

  @BeforeAll
  static void readManifests() throws Exception {
    byKind = new java.util.HashMap<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(f)) {
          for (Object doc : new Yaml().loadAll(in)) {
            Map<String, Object> m = map(doc);
            byKind.put((String) m.get("kind"), m);
          }
        }
      }
    }
    application = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      application.load(in);
    }
  }

  static int applicationPort() {
    return Integer.parseInt(application.getProperty("server.port", "" + DEFAULT_PORT));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  static Object at(Object root, String path) {
    Object o = root;
    for (String key : path.split("\\.")) {
      o = key.matches("\\d+") ? list(o).get(Integer.parseInt(key)) : map(o).get(key);
      if (o == null) {
        return null;
      }
    }
    return o;
  }

  static Map<String, Object> container() {
    return map(at(byKind.get("Deployment"), "spec.template.spec.containers.0"));
  }

  static Map<String, Object> podLabels() {
    return map(at(byKind.get("Deployment"), "spec.template.metadata.labels"));
  }

  /** A probe's or the Service's port: a number, or the name of a container port. */
  static int containerPort(Object port) {
    if (port instanceof Integer n) {
      return n;
    }
    return list(container().get("ports")).stream()
        .map(DeployFilesTest::map)
        .filter(p -> port.equals(p.get("name")))
        .map(p -> (Integer) p.get("containerPort"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port));
  }

  @Test
  void everyKindOfTheIssueIsThere() {
    assertThat(byKind)
        .containsKeys(
            "Deployment",
            "Service",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "ConfigMap",
            "Kustomization");
    List<Object> listed = list(byKind.get("Kustomization").get("resources"));
    try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .filteredOn(name -> !name.equals("kustomization.yaml"))
          .containsExactlyInAnyOrderElementsOf(listed.stream().map(String::valueOf).toList());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theContainerPortIsTheApplicationsAndTheServiceReachesIt() {
    assertThat(containerPort("http")).isEqualTo(applicationPort());
    Map<String, Object> service = byKind.get("Service");
    assertThat(containerPort(at(service, "spec.ports.0.targetPort"))).isEqualTo(applicationPort());
    assertThat(map(at(service, "spec.selector"))).isEqualTo(podLabels());
    assertThat(at(byKind.get("Deployment"), "spec.template.metadata.annotations"))
        .asString()
        .contains("prometheus.io/port=" + applicationPort(), "/actuator/prometheus");
  }

  @Test
  void theProbesAskPathsTheApplicationAnswersUp() throws Exception {
    assertThat(application.getProperty("management.endpoint.health.probes.enabled"))
        .isEqualTo("true");
    assertThat(application.getProperty("management.server.port")).isNull(); // same port
    Map<String, String> paths = new java.util.TreeMap<>();
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      Object get = at(container(), probe + ".httpGet");
      assertThat(get).as(probe).isNotNull();
      assertThat(containerPort(map(get).get("port"))).as(probe).isEqualTo(applicationPort());
      paths.put(probe, (String) map(get).get("path"));
    }
    assertThat(paths)
        .containsEntry("readinessProbe", "/actuator/health/readiness")
        .containsEntry("startupProbe", "/actuator/health/readiness")
        .containsEntry("livenessProbe", "/actuator/health/liveness");
    HttpClient http = HttpClient.newHttpClient();
    for (String path : Set.copyOf(paths.values())) {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
              BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  /**
   * DECISION_RULES_GIT_URI binds decision.rules-git-uri: upper case, dashes as underscores; the
   * records' decision.records.* and Spring's own datasource properties likewise.
   */
  static Set<String> knownVariables() {
    Stream<String> rules =
        Stream.concat(
                Stream.of(GitRulesProperties.class.getRecordComponents()),
                Stream.of(RulesProperties.class.getRecordComponents()))
            .map(c -> "DECISION_" + upperSnake(c.getName()));
    Stream<String> records =
        Stream.of(org.llmstrategy.records.RecordsProperties.class.getRecordComponents())
            .map(c -> "DECISION_RECORDS_" + upperSnake(c.getName()));
    Stream<String> datasource =
        Stream.of(
            "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    return Stream.of(rules, records, datasource).flatMap(s -> s).collect(Collectors.toSet());
  }

  static String upperSnake(String name) {
    return name.replaceAll("([A-Z])", "_$1").toUpperCase();
  }

  @Test
  void everyReplicaRecordsDecisionsInOnePostgresqlWithCredentialsFromASecret() {
    Map<String, Object> data = map(byKind.get("ConfigMap").get("data"));
    assertThat(String.valueOf(data.get("SPRING_DATASOURCE_URL")))
        .startsWith("jdbc:postgresql://")
        .doesNotContain("@")
        .doesNotContain("password");
    Map<String, String> secrets = new java.util.TreeMap<>();
    for (Object e : list(container().get("env"))) {
      Object ref = at(e, "valueFrom.secretKeyRef.name");
      if (ref != null) {
        secrets.put((String) map(e).get("name"), (String) ref);
      }
    }
    assertThat(secrets)
        .containsEntry("SPRING_DATASOURCE_USERNAME", "llm-strategy-decision-db")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "llm-strategy-decision-db");
  }

  @Test
  void theRulesRepositoryComesFromTheConfigMapAndEveryVariableBindsAProperty() {
    Map<String, Object> data = map(byKind.get("ConfigMap").get("data"));
    assertThat(data).containsKey("DECISION_RULES_GIT_URI");
    assertThat(at(container(), "envFrom.0.configMapRef.name"))
        .isEqualTo(at(byKind.get("ConfigMap"), "metadata.name"));
    List<String> variables = new ArrayList<>(data.keySet());
    list(container().get("env")).forEach(e -> variables.add((String) map(e).get("name")));
    assertThat(knownVariables()).contains("DECISION_RULES_GIT_URI", "DECISION_RULES_DIR");
    assertThat(variables).isNotEmpty().allSatisfy(v -> assertThat(knownVariables()).contains(v));
    assertThat(String.valueOf(data.get("DECISION_RULES_GIT_URI"))).doesNotContain("@");
  }

  @Test
  void threeReplicasSizedRequestsABudgetAndAnAutoscalerOnCpu() {
    Map<String, Object> deployment = byKind.get("Deployment");
    assertThat(at(deployment, "spec.replicas")).isEqualTo(3);
    assertThat(map(at(deployment, "spec.selector.matchLabels"))).isEqualTo(podLabels());
    assertThat(at(container(), "resources.requests.cpu")).isNotNull();
    assertThat(at(container(), "resources.requests.memory")).isNotNull();
    assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);

    Map<String, Object> pdb = byKind.get("PodDisruptionBudget");
    assertThat(map(at(pdb, "spec.selector.matchLabels"))).isEqualTo(podLabels());
    assertThat((Integer) at(pdb, "spec.minAvailable")).isBetween(1, 2);

    Map<String, Object> hpa = byKind.get("HorizontalPodAutoscaler");
    assertThat(at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
    assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(at(deployment, "metadata.name"));
    assertThat(at(hpa, "spec.minReplicas")).isEqualTo(3);
    assertThat(at(hpa, "spec.metrics.0.resource.name")).isEqualTo("cpu");
  }

  @Test
  void theImageRunsTheExtractedJarWithItsArchiveAsANonRootUser() throws Exception {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains(
            "-Djarmode=tools", "extract", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=");
    assertThat(Pattern.compile("(?m)^EXPOSE (\\d+)$").matcher(dockerfile).results().toList())
        .singleElement()
        .extracting(m -> Integer.parseInt(m.group(1)))
        .isEqualTo(applicationPort());
    var users = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile).results().toList();
    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).group(1);
    assertThat(user).doesNotStartWith("root").doesNotStartWith("0");
    assertThat(user.split(":")[0])
        .isEqualTo(
            String.valueOf(
                at(byKind.get("Deployment"), "spec.template.spec.securityContext.runAsUser")));
    // the jar the build makes is the one the image copies
    String pom = Files.readString(Path.of("pom.xml"));
    var version =
        Pattern.compile(
                "<artifactId>llm-strategy-decision</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat(dockerfile).contains("target/llm-strategy-decision-" + version.group(1) + ".jar");
  }
}
