package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Approach;
import org.llmstrategy.facts.Candidate;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.KnowledgeOption;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.compile.RuleSetBuilder;

/**
 * The engine's shortcuts against the plain way of running rules (a new session, every rule fired
 * per request): pooled sessions and the constant part fired once per rule set must leave every
 * fact, and the rules that fired, as they were.
 */
public class RuleEngineTest {

  /** The engine as it was: a fresh session, every rule fired, nothing prepared. */
  static Evaluation plainRun(RuleSet ruleSet, List<?> facts) {
    List<Evaluation.Inserted> inserted = new ArrayList<>();
    List<FiredRule> fired = new ArrayList<>();
    KieSession session = ruleSet.kieBase().newKieSession();
    ruleSet.referenceData().facts().forEach(session::insert); // data: every run gets it
    try {
      session.addEventListener(
          new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
              var rule = event.getRule();
              if (rule != null) {
                inserted.add(
                    new Evaluation.Inserted(
                        rule.getName(),
                        ruleSet.sourceOf(rule.getPackageName(), rule.getName()),
                        event.getObject()));
              }
            }
          });
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
              var rule = event.getMatch().getRule();
              fired.add(
                  new FiredRule(
                      rule.getName(), ruleSet.sourceOf(rule.getPackageName(), rule.getName())));
            }
          });
      facts.forEach(session::insert);
      Phases.fire(session, RuleEngine.MAX_FIRINGS);
    } finally {
      session.dispose();
    }
    return new Evaluation(ruleSet.version(), inserted, fired);
  }

  /** The facts a decision starts from, as the recommender inserts them. */
  public static List<Object> facts(Criteria c) {
    List<Object> facts = new ArrayList<>();
    facts.add(c);
    Arrays.stream(Option.values()).map(Candidate::new).forEach(facts::add);
    Arrays.stream(Approach.values()).map(KnowledgeOption::new).forEach(facts::add);
    return facts;
  }

  /** Varied criteria, the same on every run: every enum value, volumes across all tiers. */
  public static List<Criteria> variedCriteria(int n) {
    Random random = new Random(20261126);
    long[] volumes = {0, 1, 10_000_000, 10_000_001, 800_000_000, 1_000_000_001, 200_000_000_000L};
    Integer[] latencies = {null, 5, 50, 99, 100, 300, 500, 999, 2000};
    List<Criteria> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Criteria c =
          Criteria.defaults()
              .with("dataSensitivity", pick(random, DataSensitivity.values()))
              .with(
                  "monthlyTokens",
                  random.nextBoolean()
                      ? volumes[random.nextInt(volumes.length)]
                      : (long) (random.nextDouble() * 1e12))
              .with("timeToProduction", pick(random, TimeToProduction.values()))
              .with("upfrontBudgetUsd", BigDecimal.valueOf(random.nextInt(4) * 300_000L))
              .with("mlEngineers", random.nextInt(4))
              .with("infraEngineers", random.nextInt(4))
              .with("latencyBudgetMs", latencies[random.nextInt(latencies.length)])
              .with("customization", pick(random, Customization.values()))
              .with("taskType", pick(random, TaskType.values()))
              .with("knowledgeUpdates", pick(random, KnowledgeUpdates.values()))
              .with("labeledExamples", random.nextInt(3) * 80)
              .with("ragMeetsQualityBar", random.nextInt(3) == 0 ? null : random.nextBoolean())
              .with("referenceModel", random.nextBoolean() ? "GPT-4o" : "Claude Sonnet 4")
              .with("minQuality", random.nextBoolean() ? null : pick(random, Quality.values()))
              .with("minContextWindowTokens", random.nextBoolean() ? null : 150_000L)
              .with("requireOpenWeights", random.nextInt(4) == 0)
              .with("tokensPerTask", random.nextBoolean() ? null : 1_000L);
      all.add(c);
    }
    return all;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  @Test
  void theShippedUnconditionalAdviceFiresOncePerRuleSet() {
    PreparedRuleSet prepared = PreparedRuleSet.of(ShippedRules.get());
    assertThat(prepared.hasConstantPart()).isTrue();
    assertThat(prepared.constantFired().stream().map(FiredRule::rule).distinct())
        .contains("MeasureCostPerTask", "UseAGateway")
        // the catalog, setups, option terms and constants are data (ReferenceData), not rules
        .doesNotContain("Gpt4o", "OneGpu", "ApiCostsNoUpfrontAndNoTeam")
        .doesNotContain("ApiFirstByDefault", "LightUsage");
    // 2 unconditional advice
    assertThat(prepared.constantFired()).hasSize(2);
    assertThat(prepared.sharedFacts()).allMatch(f -> f.getClass().isRecord());
  }

  @Test
  void everyFactAndEveryFiredRuleIsAsWhenEveryRuleFiresPerRequest() {
    RuleSet rules = ShippedRules.get();
    PreparedRuleSet prepared = PreparedRuleSet.of(rules);
    List<FiredRule> constantFired = prepared.constantFired();
    for (Criteria c : variedCriteria(1500)) {
      Evaluation fast = RuleEngine.evaluate(rules, facts(c));
      Evaluation plain = plainRun(rules, facts(c));

      // the same facts, inserted by the same rules, in the same order for each type of fact
      assertThat(byType(fast)).isEqualTo(byType(plain));

      // the same rules fired: the constant ones first, then the others in their order
      assertThat(fast.firedRules().subList(0, constantFired.size())).isEqualTo(constantFired);
      List<FiredRule> rest = new ArrayList<>(plain.firedRules());
      constantFired.forEach(rest::remove);
      assertThat(fast.firedRules().subList(constantFired.size(), fast.firedRules().size()))
          .isEqualTo(rest);
    }
  }

  @Test
  void aPooledSessionStartsClean() {
    RuleSet rules = ShippedRules.get();
    List<Criteria> criteria = variedCriteria(50);
    List<Map<String, List<String>>> first = new ArrayList<>();
    for (Criteria c : criteria) {
      first.add(byType(RuleEngine.evaluate(rules, facts(c))));
    }
    for (int i = criteria.size() - 1; i >= 0; i--) {
      assertThat(byType(RuleEngine.evaluate(rules, facts(criteria.get(i)))))
          .isEqualTo(first.get(i));
    }
  }

  @Test
  void concurrentRunsGiveTheAnswersOfSequentialOnes() throws Exception {
    RuleSet rules = ShippedRules.get();
    List<Criteria> criteria = variedCriteria(200);
    List<Map<String, List<String>>> expected = new ArrayList<>();
    List<List<FiredRule>> expectedFired = new ArrayList<>();
    for (Criteria c : criteria) {
      Evaluation e = RuleEngine.evaluate(rules, facts(c));
      expected.add(byType(e));
      expectedFired.add(e.firedRules());
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t * 25;
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < criteria.size(); i++) {
                      int k = (i + offset) % criteria.size();
                      Evaluation e = RuleEngine.evaluate(rules, facts(criteria.get(k)));
                      assertThat(byType(e)).isEqualTo(expected.get(k));
                      assertThat(e.firedRules()).isEqualTo(expectedFired.get(k));
                    }
                  }
                  return null;
                }));
      }
      for (var run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRequestThatFeedsTheConstantRulesIsRunInFull() {
    RuleSet rules =
        drl(
            """
            package t;
            import org.llmstrategy.facts.*;
            rule "Row" when then insert(new CandidateListing(1)); end
            rule "Publish" salience 1000 when $r : CandidateListing() then insert(new CatalogModel("A" + $r.size(), null, 0L, null, null, null, null, null)); end
            rule "RowFromRequest" when Criteria(monthlyTokens > 5) then insert(new CandidateListing(2)); end
            rule "Count" salience -10 when $n : Number() from accumulate(CatalogModel(), count(1))
            then insert(new Reason(Option.API, $n + " models")); end
            """);
    assertThat(PreparedRuleSet.of(rules).hasConstantPart()).isTrue();
    for (long tokens : new long[] {1, 10}) {
      Criteria c = Criteria.defaults().with("monthlyTokens", tokens);
      Evaluation fast = RuleEngine.evaluate(rules, List.of(c));
      Evaluation plain = plainRun(rules, List.of(c));
      assertThat(byType(fast)).isEqualTo(byType(plain));
      assertThat(fast.firedRules()).containsExactlyInAnyOrderElementsOf(plain.firedRules());
      assertThat(fast.facts(CatalogModel.class)).hasSize(tokens > 5 ? 2 : 1);
    }
  }

  @Test
  void noShortcutWhenARuleCouldSeeTheConstantFactsArriveOrChangeThem() {
    String rows =
        """
        package t;
        import org.llmstrategy.facts.*;
        rule "Row" when then insert(new CandidateListing(1)); end
        rule "Publish" salience 1000 when $r : CandidateListing() then insert(new CatalogModel("A" + $r.size(), null, 0L, null, null, null, null, null)); end
        rule "Gateway" when then Advice a = new Advice("GATEWAY"); insert(a); a.setText("x"); end
        """;
    // a request rule that reads the catalog as early as the rows that make it
    assertThat(
            PreparedRuleSet.of(
                    drl(
                        rows
                            + "rule \"Early\" salience 1000 when Criteria() CatalogModel() then"
                            + " end"))
                .hasConstantPart())
        .isFalse();
    // a request rule that reads a fact that is not a record: it could change it for later requests
    assertThat(
            PreparedRuleSet.of(
                    drl(rows + "rule \"Reads\" salience -5 when Criteria() Advice() then end"))
                .hasConstantPart())
        .isFalse();
    assertThat(
            PreparedRuleSet.of(
                    drl(
                        rows
                            + "rule \"Later\" salience -5 when Criteria() CatalogModel() then end"))
                .hasConstantPart())
        .isTrue();
  }

  private static RuleSet drl(String text) {
    return new RuleSetBuilder()
        .build("test", List.of(new RuleFile("t/Test.drl", text.getBytes(StandardCharsets.UTF_8))));
  }

  /** Each type of fact: which rule inserted which value, in insertion order. */
  public static Map<String, List<String>> byType(Evaluation e) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Evaluation.Inserted i : e.inserted()) {
      byType
          .computeIfAbsent(i.fact().getClass().getSimpleName(), k -> new ArrayList<>())
          .add(i.rule() + " " + i.source() + " " + describe(i.fact()));
    }
    return new java.util.TreeMap<>(byType);
  }

  private static String describe(Object fact) {
    if (fact.getClass().isRecord() || fact.getClass().getPackageName().startsWith("java")) {
      return fact.toString();
    }
    return Arrays.stream(fact.getClass().getDeclaredFields())
        .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
        .map(f -> f.getName() + "=" + read(f, fact))
        .collect(Collectors.joining(", ", fact.getClass().getSimpleName() + "[", "]"));
  }

  private static Object read(Field f, Object o) {
    try {
      f.setAccessible(true);
      return f.get(o);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
