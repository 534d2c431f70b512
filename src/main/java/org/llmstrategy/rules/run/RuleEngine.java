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
 */
public class RuleEngine {
  /**
   * A run stops here. The shipped rules fire at most 60 times a decision, the synthetic 100x rule
   * set of BENCHMARKS.md at most 1,920; a run that goes on past ten times that is a rule
   * re-activating itself, stopped in some tens of milliseconds instead of never returning.
   */
  public static final int MAX_FIRINGS = 20_000;

  /**
   * At most one run per processor at a time. A run is pure computation; with more at once they only
   * take turns and push each other's session out of the processor caches (32 request threads on 2
   * cores decided half as many requests a second as 2 threads did). Requests beyond that wait here,
   * in arrival order: first come, first decided, which keeps the slowest answers close to the
   * others (at 32 connections, p99 10-15 ms in arrival order, 37-46 ms without).
   */
  private static final Semaphore RUNNING =
      new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  private volatile RuleSet active;
  private final int initialScenarioCount;

  public RuleEngine(RuleSet initial) {
    this(initial, 0);
  }

  public RuleEngine(RuleSet initial, int scenarioCount) {
    this.active = Objects.requireNonNull(initial);
    this.initialScenarioCount = scenarioCount;
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

  public Evaluation evaluate(List<?> facts) {
    return evaluate(active, facts);
  }

  /**
   * Runs the facts through one given rule set, in a session of its own (from the rule set's pool:
   * reset and reused, never shared between two runs at once). The rules that read no fact a request
   * brings have fired once for the rule set ({@link PreparedRuleSet}): the run starts from their
   * facts, and the answer lists their firings first.
   */
  public static Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
    RUNNING.acquireUninterruptibly();
    try {
      return evaluateNow(ruleSet, facts);
    } finally {
      RUNNING.release();
    }
  }

  static RulesDidNotSettleException didNotSettle(List<FiredRule> fired) {
    Map<FiredRule, Long> counts = new HashMap<>();
    for (FiredRule f : fired) {
      counts.merge(f, 1L, Long::sum);
    }
    var most = Collections.max(counts.entrySet(), Map.Entry.comparingByValue());
    return new RulesDidNotSettleException(MAX_FIRINGS, most.getKey(), most.getValue());
  }

  private static Evaluation evaluateNow(RuleSet ruleSet, List<?> facts) {
    PreparedRuleSet prepared = PreparedRuleSet.of(ruleSet);
    if (prepared.hasConstantPart()
        && facts.stream().noneMatch(f -> prepared.isConstantInput(f.getClass()))) {
      Evaluation e = run(prepared, facts, true);
      if (e != null) {
        return e;
      }
    }
    return run(prepared, facts, false);
  }

  /**
   * One run; with {@code fast}, from the constant rules' outcome. Null when a rule touched a fact
   * the constant rules read, so that their outcome might not hold for these facts.
   */
  private static Evaluation run(PreparedRuleSet prepared, List<?> facts, boolean fast) {
    List<Evaluation.Inserted> inserted = new ArrayList<>();
    List<FiredRule> fired = new ArrayList<>();
    if (fast) {
      inserted.addAll(prepared.constantInserted());
      fired.addAll(prepared.constantFired());
    }
    var recorder = new PreparedRuleSet.Recorder(prepared, inserted, fired, fast ? prepared : null);
    KieSession session = prepared.newSession();
    try {
      session.addEventListener((AgendaEventListener) recorder);
      session.addEventListener((RuleRuntimeEventListener) recorder);
      if (fast) {
        prepared.sharedFacts().forEach(session::insert);
      }
      prepared.ruleSet().referenceData().facts().forEach(session::insert); // data, not rules
      facts.forEach(session::insert);
      int firings =
          fast
              ? Phases.fire(session, prepared.skipConstantRules(), MAX_FIRINGS)
              : Phases.fire(session, MAX_FIRINGS);
      if (firings >= MAX_FIRINGS) {
        throw didNotSettle(fired);
      }
    } finally {
      session.dispose();
    }
    if (recorder.touchedConstantInput()) {
      return null;
    }
    return new Evaluation(prepared.ruleSet().version(), inserted, fired);
  }
}
