package org.llmstrategy.rules.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Runs facts through the active rule set. The active set is one volatile reference: a request reads
 * it once, so it sees exactly one version from start to end.
 *
 * <p>The engine is the one bean that bounds how many runs decide at once ({@code
 * decision.concurrent-runs}, one per processor by default). A run is pure computation; with more at
 * once they only take turns and push each other's session out of the processor caches (32 request
 * threads on 2 cores decided half as many requests a second as 2 threads did). Runs beyond that
 * wait, in arrival order: first come, first decided, which keeps the slowest answers close to the
 * others (at 32 connections, p99 10-15 ms in arrival order, 37-46 ms without). Offline work (the
 * scenario check, {@code validate}, benchmarks) runs with {@link #evaluateUnbounded}, outside the
 * bound, as it has no traffic to share the processors with fairly.
 */
public class RuleEngine implements Evaluator {
  /**
   * A run stops here. The shipped rules fire at most 60 times a decision, the synthetic 100x rule
   * set of BENCHMARKS.md at most 1,920; a run that goes on past ten times that is a rule
   * re-activating itself, stopped in some tens of milliseconds instead of never returning.
   */
  public static final int MAX_FIRINGS = 20_000;

  private final Semaphore running;
  private volatile RuleSet active;
  private final int initialScenarioCount;

  public RuleEngine(RuleSet initial) {
    this(initial, 0, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param concurrentRuns how many runs may decide at once; the others wait in arrival order
   */
  public RuleEngine(RuleSet initial, int scenarioCount, int concurrentRuns) {
    if (concurrentRuns < 1) {
      throw new IllegalArgumentException("at least one run at a time: " + concurrentRuns);
    }
    this.active = Objects.requireNonNull(initial);
    this.initialScenarioCount = scenarioCount;
    this.running = new Semaphore(concurrentRuns, true);
  }

  /** How many scenarios the rule set active at start-up passed. */
  public int activeScenarioCount() {
    return initialScenarioCount;
  }

  public RuleSet active() {
    return active;
  }

  /** Makes {@code next} the rule set every later request uses. */
  public void activate(RuleSet next) {
    this.active = Objects.requireNonNull(next);
  }

  /** Runs the facts through the active rule set, within the engine's bound. */
  public Evaluation evaluate(List<?> facts) {
    return evaluate(active, facts);
  }

  /**
   * Runs the facts through one given rule set, within the engine's bound, in a session of its own
   * (from the rule set's pool: reset and reused, never shared between two runs at once).
   */
  @Override
  public Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
    running.acquireUninterruptibly();
    try {
      return run(ruleSet, facts);
    } finally {
      running.release();
    }
  }

  /** As {@link #evaluate(RuleSet, List)}, outside any engine's bound: for offline work. */
  public static Evaluation evaluateUnbounded(RuleSet ruleSet, List<?> facts) {
    return run(ruleSet, facts);
  }

  static RulesDidNotSettleException didNotSettle(List<FiredRule> fired) {
    Map<FiredRule, Long> counts = new HashMap<>();
    for (FiredRule f : fired) {
      counts.merge(f, 1L, Long::sum);
    }
    var most = Collections.max(counts.entrySet(), Map.Entry.comparingByValue());
    return new RulesDidNotSettleException(MAX_FIRINGS, most.getKey(), most.getValue());
  }

  private static Evaluation run(RuleSet ruleSet, List<?> facts) {
    PreparedRuleSet prepared = PreparedRuleSet.of(ruleSet);
    List<Evaluation.Inserted> inserted = new ArrayList<>();
    List<FiredRule> fired = new ArrayList<>();
    var recorder = new PreparedRuleSet.Recorder(prepared, inserted, fired);
    KieSession session = prepared.newSession();
    try {
      session.addEventListener((AgendaEventListener) recorder);
      session.addEventListener((RuleRuntimeEventListener) recorder);
      ruleSet.referenceData().facts().forEach(session::insert); // data, not rules
      facts.forEach(session::insert);
      if (Phases.fire(session, MAX_FIRINGS) >= MAX_FIRINGS) {
        throw didNotSettle(fired);
      }
    } finally {
      session.dispose();
    }
    return new Evaluation(ruleSet.version(), inserted, fired);
  }
}
