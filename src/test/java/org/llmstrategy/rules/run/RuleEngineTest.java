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
 * The engine's shortcut against the plain way of running rules (a new session per request): pooled
 * sessions must leave every fact, and the rules that fired, as they were.
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
  void everyFactAndEveryFiredRuleIsAsInAFreshSession() {
    RuleSet rules = ShippedRules.get();
    for (Criteria c : variedCriteria(1500)) {
      Evaluation pooled = RuleEngine.evaluateUnbounded(rules, facts(c));
      Evaluation plain = plainRun(rules, facts(c));

      // the same facts, inserted by the same rules, in the same order for each type of fact
      assertThat(byType(pooled)).isEqualTo(byType(plain));
      // the same rules fired, in the same order
      assertThat(pooled.firedRules()).isEqualTo(plain.firedRules());
    }
  }

  @Test
  void aRunBeyondTheEnginesBoundWaitsForTheRunningOne() throws Exception {
    // built past the rules' import allowlist: the probe is a test class
    var ks = org.kie.api.KieServices.get();
    var kfs = ks.newKieFileSystem();
    kfs.write(
        "src/main/resources/t/Probe.drl",
        """
        package t;
        import org.llmstrategy.rules.run.RunProbe;
        rule "Enter" when $p : RunProbe() then $p.enter(); end
        """);
    ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
    var releaseId = ks.getRepository().getDefaultReleaseId();
    var container = ks.newKieContainer(releaseId);
    ks.getRepository().removeKieModule(releaseId);
    RuleSet shipped = ShippedRules.get();
    RuleSet rules =
        new RuleSet(
            "probe",
            "probe",
            "test",
            java.time.Instant.now(),
            container.getKieBase(),
            shipped.referenceData(),
            Map.of(),
            List.of(),
            List.of(),
            RuleThresholds.NONE,
            container.getClassLoader());
    RuleEngine engine = new RuleEngine(rules, 0, 1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    RunProbe second = new RunProbe(() -> {});
    Thread[] waiting = new Thread[1];
    RunProbe first =
        new RunProbe(
            () -> {
              // inside the only run the engine allows: a second run must wait for this one
              waiting[0] = new Thread(() -> engine.evaluate(List.of(second)));
              waiting[0].start();
              // waiting for its turn (for the engine's thread, with a time limit)
              while (waiting[0].getState() != Thread.State.WAITING
                  && waiting[0].getState() != Thread.State.TIMED_WAITING
                  && waiting[0].getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
              }
              assertThat(second.entered()).isZero();
              release.countDown();
            });
    engine.evaluate(List.of(first));
    waiting[0].join();
    assertThat(release.getCount()).isZero();
    assertThat(first.entered()).isEqualTo(1);
    assertThat(second.entered()).isEqualTo(1);
  }

  @Test
  void aPooledSessionStartsClean() {
    RuleSet rules = ShippedRules.get();
    List<Criteria> criteria = variedCriteria(50);
    List<Map<String, List<String>>> first = new ArrayList<>();
    for (Criteria c : criteria) {
      first.add(byType(RuleEngine.evaluateUnbounded(rules, facts(c))));
    }
    for (int i = criteria.size() - 1; i >= 0; i--) {
      assertThat(byType(RuleEngine.evaluateUnbounded(rules, facts(criteria.get(i)))))
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
      Evaluation e = RuleEngine.evaluateUnbounded(rules, facts(c));
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
                      Evaluation e = RuleEngine.evaluateUnbounded(rules, facts(criteria.get(k)));
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
