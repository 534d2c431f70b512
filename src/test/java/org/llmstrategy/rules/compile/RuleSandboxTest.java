package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.scenarios.ScenarioRunner;

/**
 * The sandbox judges what runs: the classes compiled from the rules. A chain of calls that names no
 * forbidden class in its text (so the source lint lets it through) is refused by what it calls,
 * before anything of the candidate runs: a local listener the chain aims at receives no request,
 * neither while the candidate is built nor while it would be checked (scenarios, replay).
 */
class RuleSandboxTest {
  static final String MATRIX = RuleLintTest.MATRIX;

  @TempDir Path tmp;

  private HttpServer listener;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void listen() throws IOException {
    listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("ok".getBytes());
          exchange.close();
        });
    listener.start();
  }

  @AfterEach
  void stop() {
    listener.stop(0);
  }

  /**
   * The issue's bypass, aimed at the listener: from an enum constant to its class, its protection
   * domain, the jar's location, a URI resolved against the listener, a URL, a stream.
   */
  private String chain() {
    return "Option.API.getDeclaringClass().getProtectionDomain().getCodeSource().getLocation()"
        + ".toURI().resolve(\"http://127.0.0.1:"
        + listener.getAddress().getPort()
        + "/leak\").toURL().openStream().readAllBytes()";
  }

  private static String rule(String name, String when, String then) {
    return """
        package decision;
        import org.llmstrategy.facts.*;

        rule "%s"
        when
            %s
        then
            %s
        end
        """
        .formatted(name, when, then);
  }

  @Test
  void theIssuesChainPassesTheSourceLint() {
    // the guard cannot be the text: the chain names no class the lint knows to refuse
    assertThat(DrlLint.scan(rule("Leak", "Criteria()", "byte[] b = " + chain() + ";"))).isEmpty();
  }

  @Test
  void theShippedRulesPassTheSandbox() {
    RuleSet shipped = ShippedRules.get();
    Map<String, byte[]> classes =
        GeneratedClasses.of(
            shipped.compiledClasses(), RuleSetBuilder.releaseId(shipped.compiledVersion()));
    Map<String, RuleFile> drls = new LinkedHashMap<>();
    RuleFolder.read(ShippedRules.DIR).stream()
        .filter(f -> f.path().endsWith(".drl"))
        .forEach(f -> drls.put(f.path(), f));

    assertThat(classes).hasSizeGreaterThan(100);
    assertThat(RuleSandbox.check(classes, drls, Map.of())).isEmpty();
  }

  @Test
  void theChainAndItsVariantsAreRefusedNamingFileRuleAndWhatTheyCall() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .write(
                "decision/LeakInAConsequence.drl",
                rule(
                    "LeakInAConsequence",
                    "Criteria()",
                    "insert(new Reason(Option.API, new String(" + chain() + ")));"))
            .write(
                "decision/LeakInAConstraint.drl",
                rule("LeakInAConstraint", "Criteria(" + chain() + ".length > 0)", ""))
            .write(
                "decision/LeakInAnIndex.drl", // a value the rule base could index when it is made
                rule(
                    "LeakInAnIndex",
                    "Criteria(monthlyTokens == (long) " + chain() + ".length)",
                    ""))
            .write(
                "decision/LeakInAFunction.drl",
                """
                package decision;
                import org.llmstrategy.facts.*;

                function String leak(Option o) {
                    return new String(%s);
                }
                """
                    .formatted(chain().replace("Option.API", "o")))
            .write(
                "decision/SpinInAConsequence.drl",
                rule(
                    "SpinInAConsequence",
                    "Criteria(monthlyTokens == 123456789L)",
                    "while (Math.random() >= 0) { }"))
            .write(
                "decision/Recursion.drl",
                """
                package decision;

                function long fib(long n) {
                    return n < 2 ? n : fib(n - 1) + fib(n - 2);
                }
                """);

    List<String> problems = RuleSetBuilderTest.problems(fixture);

    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "decision/LeakInAConsequence.drl: line 4: rule \"LeakInAConsequence\": its"
                            + " consequence calls Option.getDeclaringClass")
                    .contains("Class.getProtectionDomain", "(reflection)")
                    .contains("URI.toURL", "URL.openStream", "(network I/O)")
                    .contains("Refused: rules may only use the fact model"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "decision/LeakInAConstraint.drl: line 4: rule \"LeakInAConstraint\": a"
                            + " condition calls Option.getDeclaringClass"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("decision/LeakInAnIndex.drl: line 4: rule \"LeakInAnIndex\"")
                    .contains("URL.openStream"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "decision/LeakInAFunction.drl: line 4: function \"leak\" calls"
                            + " Option.getDeclaringClass"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "decision/SpinInAConsequence.drl: line 4: rule \"SpinInAConsequence\":"
                            + " its consequence loops"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("decision/Recursion.drl: line 3: function \"fib\" calls itself"));
    assertThat(problems).noneMatch(p -> p.contains("Exception") || p.contains("/tmp"));
    assertThat(requests).hasValue(0);
  }

  @Test
  void atReloadTheChainIsRefusedBeforeAnyScenarioOrReplayRuns() throws IOException {
    Path dir = tmp.resolve("rules");
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(dir);
    RuleEngine engine = new RuleEngine(fixture.build());
    String before = engine.active().version();
    var reloader =
        new RulesReloader(
            engine,
            new RuleSetBuilder(),
            ScenarioRunner.standalone(),
            dir,
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    // fires on every request and scenario: any run of it would reach the listener
    fixture.write(
        "decision/Leak.drl",
        rule("Leak", "Criteria()", "insert(new Reason(Option.API, new String(" + chain() + ")));"));

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.REFUSED);
    assertThat(attempt.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("decision/Leak.drl"))
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("line 4: rule \"Leak\": its consequence calls")
                    .contains("URL.openStream"));
    assertThat(attempt.failingScenarios()).isEmpty();
    assertThat(engine.active().version()).isEqualTo(before);
    assertThat(requests).hasValue(0);
  }

  @Test
  void decisionTableTextCellsStillGoLive() throws IOException {
    // a text cell is data: Drools puts it in a string literal, whatever it looks like
    String text = "Option.API.getDeclaringClass().getClassLoader(); while (true) { }";
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules")).setCell(MATRIX, "R23", text);

    RuleSet rules = fixture.build();

    assertThat(rules.version()).isNotEqualTo(ShippedRules.get().version());
  }
}
