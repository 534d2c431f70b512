package org.llmstrategy.scenarios;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.rules.live.CandidateCheck.Replay;
import org.llmstrategy.rules.run.DeadlinePassedException;
import org.llmstrategy.rules.run.DecisionStoppedException;
import org.llmstrategy.rules.run.RuleSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the analysts' scenarios against a candidate rule set: every expectation must hold for the
 * candidate to go live. Against the active set, lists which scenarios' answers would change.
 */
public class ScenarioRunner implements CandidateCheck {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ScenarioRunner.class);

  /** Beyond this, an impact line says how many more fields changed. */
  private static final int MAX_CHANGES_PER_SCENARIO = 8;

  /** Beyond this, the impact says how many more scenarios change: GET /rules stays readable. */
  private static final int MAX_SCENARIOS_IN_IMPACT = 30;

  private final Function<ObjectNode, Criteria> requests;
  private final JsonMapper json;
  private final TrafficReplay replay;
  private final Clock clock;
  // the runs of this runner's checks: its own, ending when idle (see OfflineRuns)
  private final org.llmstrategy.rules.run.OfflineRuns offline =
      new org.llmstrategy.rules.run.OfflineRuns();

  /**
   * @param requests reads a scenario's request exactly as POST /recommend would, throwing {@link
   *     InvalidRequestException} naming the bad fields
   */
  public ScenarioRunner(Function<ObjectNode, Criteria> requests, JsonMapper json) {
    this(requests, json, List::of);
  }

  /**
   * @param recent the last requests the live service answered, replayed over a candidate
   */
  public ScenarioRunner(
      Function<ObjectNode, Criteria> requests,
      JsonMapper json,
      java.util.function.Supplier<List<Criteria>> recent) {
    this(requests, json, recent, Clock.systemDefaultZone());
  }

  /**
   * @param clock the service's clock: scenarios and replayed requests are decided on its day, the
   *     day a candidate would go live
   */
  public ScenarioRunner(
      Function<ObjectNode, Criteria> requests,
      JsonMapper json,
      java.util.function.Supplier<List<Criteria>> recent,
      Clock clock) {
    this.requests = requests;
    this.json = json;
    this.clock = clock;
    this.replay = new TrafficReplay(recent, () -> LocalDate.now(clock), offline);
  }

  /**
   * Ends the workers of this runner's checks (Spring calls it at shutdown; idle ones end anyway).
   */
  public void close() {
    offline.close();
  }

  /** Reads each scenario's request with the same strict reader as POST /recommend. */
  public static ScenarioRunner of(jakarta.validation.Validator validator, JsonMapper json) {
    return of(validator, json, List::of);
  }

  /** As {@link #of(jakarta.validation.Validator, JsonMapper)}, replaying recent traffic too. */
  public static ScenarioRunner of(
      jakarta.validation.Validator validator,
      JsonMapper json,
      java.util.function.Supplier<List<Criteria>> recent) {
    return of(validator, json, recent, Clock.systemDefaultZone());
  }

  /** As above, deciding on the day of the service's {@code clock}. */
  public static ScenarioRunner of(
      jakarta.validation.Validator validator,
      JsonMapper json,
      java.util.function.Supplier<List<Criteria>> recent,
      Clock clock) {
    org.llmstrategy.recommend.request.CriteriaParser parser =
        new org.llmstrategy.recommend.request.CriteriaParser(validator);
    return new ScenarioRunner(
        request -> parser.parse(json.writeValueAsBytes(request)), json, recent, clock);
  }

  /** For callers without Spring (the {@code validate} command, rule tests). */
  public static ScenarioRunner standalone() {
    try (var factory = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
      return of(factory.getValidator(), JsonMapper.builder().build());
    }
  }

  /** The scenarios a rule set carries, or the problems that make them unreadable. */
  public static List<Scenario> scenarios(RuleSet rules, List<RuleProblem> problems) {
    List<Scenario> all = new ArrayList<>();
    for (RuleFile f : rules.scenarioFiles()) {
      String name = f.lowerCaseName();
      if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
        all.addAll(ScenarioWorkbook.read(f, problems));
      }
    }
    return all;
  }

  @Override
  public Report check(RuleSet candidate, RuleSet active) {
    List<RuleProblem> failures = new ArrayList<>();
    List<Scenario> scenarios = scenarios(candidate, failures);
    List<String> impact = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      Outcome now = runGuarded(candidate, s);
      failures.addAll(now.failures(s));
      if (now.endless()) {
        // each further run could take as long: the candidate is refused on this one
        int rest = scenarios.size() - i - 1;
        if (rest > 0) {
          failures.add(
              new RuleProblem(
                  s.file(),
                  s.sheet(),
                  "A" + s.row(),
                  "the other "
                      + rest
                      + " scenario"
                      + (rest == 1 ? " was" : "s were")
                      + " not run, nor the recent requests: a rule of these rules did not end"));
        }
        return new Report(scenarios.size(), failures, List.of(), Replay.none());
      }
      if (active != null && now.answer() != null) {
        Outcome before = runGuarded(active, s);
        if (before.answer() != null) {
          impact.addAll(impactOf(s, before.answer(), now.answer()));
        }
      }
    }
    if (impact.size() > MAX_SCENARIOS_IN_IMPACT) {
      int more = impact.size() - MAX_SCENARIOS_IN_IMPACT;
      impact = new ArrayList<>(impact.subList(0, MAX_SCENARIOS_IN_IMPACT));
      impact.add("… and " + more + " more scenario" + (more == 1 ? "" : "s") + " change");
    }
    return new Report(
        scenarios.size(),
        failures,
        impact,
        active == null ? Replay.none() : replay.replay(candidate, active));
  }

  /**
   * One scenario, whatever happens inside: a failure we did not foresee (in the rules' Java, the
   * mapping, the reader) is this scenario's failure, in words, and the exception goes to the log
   * only. The other scenarios' results stand.
   */
  private Outcome runGuarded(RuleSet rules, Scenario s) {
    try {
      return run(rules, s);
    } catch (RuntimeException e) {
      log.warn("Scenario '{}' ({}, row {}) could not be run", s.name(), s.file(), s.row(), e);
      return new Outcome(
          null,
          "could not be run: the rules failed in a way the service does not explain yet (the"
              + " service log has the details)");
    }
  }

  /** The impact line of one scenario; an answer the diff cannot read is said, not thrown. */
  private static List<String> impactOf(Scenario s, JsonNode before, JsonNode after) {
    try {
      List<String> changes = AnswerDiff.changes(before, after);
      return changes.isEmpty() ? List.of() : List.of(s.name() + ": " + summarise(changes));
    } catch (RuntimeException e) {
      log.warn("Impact of scenario '{}' could not be worked out", s.name(), e);
      return List.of(s.name() + ": the answer changes (the details could not be worked out)");
    }
  }

  /** One scenario through one rule set: the answer as JSON, or why there is none. */
  public Outcome run(RuleSet rules, Scenario s) {
    try {
      Criteria criteria = requests.apply(s.request());
      LocalDate day = s.decidedOn() != null ? s.decidedOn() : LocalDate.now(clock);
      Recommendation r = Recommender.recommend(offline, rules, criteria, explains(s), day);
      // through bytes, not valueToTree: pre-encoded parts of an answer (fired rules) would stay
      // opaque raw values in the tree, which no diff or expectation can read
      ObjectNode tree = (ObjectNode) tree(json, json.writeValueAsBytes(r));
      tree.remove("rulesVersion"); // changes with every edit: not an impact
      return new Outcome(tree, null);
    } catch (DeadlinePassedException e) { // did not end: the message names the rule
      return new Outcome(null, e.getMessage(), true);
    } catch (DecisionStoppedException e) { // looped: the message names the rule
      return new Outcome(null, e.getMessage());
    } catch (InvalidRequestException e) {
      return new Outcome(
          null,
          "its request is invalid: "
              + e.problems().stream()
                  .map(p -> p.field() + " " + p.message())
                  .collect(Collectors.joining("; ")));
    }
  }

  /**
   * Whether the scenario expects a part of the answer only {@code ?explain=flips} computes (flips,
   * what it would take): only then is it decided with them, as they cost many runs of the rules.
   */
  private static boolean explains(Scenario s) {
    for (Scenario.Expectation e : s.expectations()) {
      if (e.path().startsWith("deployment.flips")
          || e.path().startsWith("deployment.whatItWouldTake")) {
        return true;
      }
    }
    return false;
  }

  /** An answer as a tree, its prices as written ({@code 3.00} stays {@code 3.00}, not 3.0). */
  static JsonNode tree(JsonMapper json, byte[] answer) {
    return json.reader()
        .with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .without(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .readTree(answer);
  }

  /**
   * A scenario's answer, or the reason it has none; {@code endless} when the run was stopped at the
   * offline deadline (a rule that computes without end).
   */
  public record Outcome(JsonNode answer, String error, boolean endless) {
    public Outcome(JsonNode answer, String error) {
      this(answer, error, false);
    }

    List<RuleProblem> failures(Scenario s) {
      if (answer == null) {
        return List.of(
            new RuleProblem(
                s.file(), s.sheet(), "A" + s.row(), "scenario '" + s.name() + "': " + error));
      }
      List<RuleProblem> failures = new ArrayList<>();
      for (Scenario.Expectation e : s.expectations()) {
        JsonNode actual = at(answer, e.path());
        if (!matches(e.expected(), actual)) {
          failures.add(
              new RuleProblem(
                  s.file(),
                  s.sheet(),
                  e.cell(),
                  "scenario '"
                      + s.name()
                      + "': expected "
                      + e.path()
                      + " = "
                      + e.expected()
                      + ", got "
                      + text(actual)));
        }
      }
      return failures;
    }

    /** Whether every expectation of the scenario holds. */
    public boolean passes(Scenario s) {
      return failures(s).isEmpty();
    }
  }

  /**
   * {@code deployment.options[2].score} or {@code deployment.options.2.score}; a name after a list
   * takes that field of every item ({@code advice.code}).
   */
  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
      if (node == null || part.isEmpty()) {
        continue;
      }
      if (part.matches("\\d+") && node.isArray()) {
        node = node.get(Integer.parseInt(part));
      } else if (node.isArray()) {
        // a field of every item: advice.code lists the codes
        tools.jackson.databind.node.ArrayNode items =
            tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : node) {
          if (item.get(part) != null) {
            items.add(item.get(part));
          }
        }
        node = items;
      } else {
        node = node.get(part);
      }
    }
    return node;
  }

  /** Numbers compare as numbers; {@code null} matches null or absent; arrays as "a, b, c". */
  static boolean matches(String expected, JsonNode actual) {
    if (expected.equals("null")) {
      return actual == null || actual.isNull();
    }
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (actual.isNumber()) {
      try {
        return new BigDecimal(expected.replace(",", "").replace("_", ""))
                .compareTo(actual.decimalValue())
            == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return expected.equals(text(actual));
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return StreamSupport.stream(node.spliterator(), false)
          .map(ScenarioRunner::text)
          .collect(Collectors.joining(", "));
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    return node.isValueNode() ? node.asString() : node.toString();
  }

  private static String summarise(List<String> changes) {
    String shown =
        changes.stream().limit(MAX_CHANGES_PER_SCENARIO).collect(Collectors.joining("; "));
    return changes.size() > MAX_CHANGES_PER_SCENARIO
        ? shown + "; and " + (changes.size() - MAX_CHANGES_PER_SCENARIO) + " more changes"
        : shown;
  }
}
