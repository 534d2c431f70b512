package org.llmstrategy.rules.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Every live run ends ({@code decision.deadline}, 200 ms of processor time by default, or 25
 * times that by the clock: {@link ProcessorTime}): it is halted between two firings once past its
 * deadline, stopped after {@link #MAX_FIRINGS}, and a rule consequence that does not return is
 * given up a quarter of the deadline later ({@link DecisionWorkers}); either way its request gets a
 * {@link DecisionStoppedException} and its rule set keeps the stopped decision ({@link
 * RuleSet#stoppedDecisions()}). The runs take their turns on the engine's own threads, so a stuck
 * one never holds a turn: {@link #close()} ends them.
 */
public class RuleEngine implements Evaluator, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

  /**
   * A run stops here. The shipped rules fire at most 60 times a decision, the synthetic 100x rule
   * set of BENCHMARKS.md at most 1,920; a run that goes on past ten times that is a rule
   * re-activating itself, stopped in some tens of milliseconds instead of never returning.
   */
  public static final int MAX_FIRINGS = 20_000;

  /**
   * A rule set's first live decisions run code the JVM has not compiled yet, and take far more
   * processor time than warm ones: on the 2-core machine under a load of 24, the first live
   * decision after start-up computed for 218 ms (a warm one: under 1 ms) and was stopped at 200 ms
   * although no rule was at fault. The first {@value #WARMING_DECISIONS} decisions of each rule set
   * get {@value #WARMING_FACTOR} times the deadline: a rule that does not end is still stopped, a
   * little later.
   */
  static final int WARMING_DECISIONS = 100;

  static final int WARMING_FACTOR = 10;

  /** A live decision's deadline unless {@code decision.deadline} says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(200);

  private final DecisionWorkers workers;
  private final long deadlineNanos;
  private volatile RuleSet active;
  private final int initialScenarioCount;

  public RuleEngine(RuleSet initial) {
    this(initial, 0, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param concurrentRuns how many runs may decide at once; the others wait in arrival order
   */
  public RuleEngine(RuleSet initial, int scenarioCount, int concurrentRuns) {
    this(initial, scenarioCount, concurrentRuns, DEFAULT_DEADLINE);
  }

  /**
   * @param concurrentRuns how many runs may decide at once; the others wait in arrival order
   * @param deadline how long one live run may take
   */
  public RuleEngine(RuleSet initial, int scenarioCount, int concurrentRuns, Duration deadline) {
    if (concurrentRuns < 1) {
      throw new IllegalArgumentException("at least one run at a time: " + concurrentRuns);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("a deadline must be positive: " + deadline);
    }
    this.active = Objects.requireNonNull(initial);
    this.initialScenarioCount = scenarioCount;
    this.deadlineNanos = deadline.toNanos();
    // a consequence that does not return is given up a quarter of the deadline after it: the
    // halt between firings, at the deadline itself, answers every run that cooperates
    this.workers = new DecisionWorkers(concurrentRuns, deadlineNanos + deadlineNanos / 4);
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
   * Runs the facts through one given rule set, within the engine's bound and its deadline, in a
   * session of its own (from the rule set's pool: reset and reused, never shared between two runs
   * at once).
   *
   * @throws DecisionStoppedException when the run did not end by itself in time; the rule set keeps
   *     it
   */
  @Override
  public Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
    return evaluateUntil(ruleSet, facts, null);
  }

  /**
   * As {@link #evaluate(RuleSet, List)}, its phases fired only until the one in which a fact of
   * type {@code decidedBy} was inserted (null: all of them).
   */
  @Override
  public Evaluation evaluateUntil(RuleSet ruleSet, List<?> facts, Class<?> decidedBy) {
    long deadline =
        ruleSet.countLiveDecision() < WARMING_DECISIONS
            ? deadlineNanos * WARMING_FACTOR
            : deadlineNanos;
    try {
      return within(workers, deadline, ruleSet, facts, decidedBy);
    } catch (DecisionStoppedException e) {
      throw stopped(ruleSet, e);
    }
  }

  /** One run on one of {@code workers}, halted or given up at {@code deadlineNanos}. */
  static Evaluation within(
      DecisionWorkers workers,
      long deadlineNanos,
      RuleSet ruleSet,
      List<?> facts,
      Class<?> decidedBy) {
    Run run = new Run(ruleSet, facts, decidedBy);
    try {
      // a consequence that does not return is given up a quarter of the deadline after it: the
      // halt between firings, at the deadline itself, answers every run that cooperates
      return workers.run(
          processorAtStart -> run.evaluate(deadlineNanos, processorAtStart),
          deadlineNanos + deadlineNanos / 4);
    } catch (DecisionWorkers.GivenUp e) {
      throw new DeadlinePassedException(
          ruleSet.version(),
          Duration.ofNanos(deadlineNanos).toMillis(),
          run.firing(),
          true,
          e.usedNanos(),
          e.clockNanos());
    }
  }

  /** Kept on the rule set (GET /rules, health) and logged in one line: the rule set is faulty. */
  private static DecisionStoppedException stopped(RuleSet ruleSet, DecisionStoppedException e) {
    ruleSet.stoppedDecisions().add(e);
    log.warn("Rules {}: a decision was stopped: {}", ruleSet.version(), e.getMessage());
    return e;
  }

  /**
   * As {@link #evaluate(RuleSet, List)}, outside any engine's bound, on an {@link OfflineRuns} of
   * its own for this one run (a thread started and ended with it): for a single offline run.
   * Whoever makes many (a scenario check, a benchmark) holds an {@link OfflineRuns} instead.
   *
   * @throws DecisionStoppedException when the run did not end by itself in time
   */
  public static Evaluation evaluateUnbounded(RuleSet ruleSet, List<?> facts) {
    try (OfflineRuns once = new OfflineRuns()) {
      return once.evaluate(ruleSet, facts);
    }
  }

  /** Ends the engine's threads (at shutdown): a stuck run never holds up the JVM's end. */
  @Override
  public void close() {
    workers.close();
  }

  static RulesDidNotSettleException didNotSettle(String rulesVersion, List<FiredRule> fired) {
    Map<FiredRule, Long> counts = new HashMap<>();
    for (FiredRule f : fired) {
      counts.merge(f, 1L, Long::sum);
    }
    var most = Collections.max(counts.entrySet(), Map.Entry.comparingByValue());
    return new RulesDidNotSettleException(
        rulesVersion, MAX_FIRINGS, most.getKey(), most.getValue());
  }

  /** One run of the rules; what it records is readable from the thread that gives it up. */
  private static final class Run {
    private final RuleSet ruleSet;
    private final List<?> facts;
    private final PreparedRuleSet prepared;
    private final List<Evaluation.Inserted> inserted = new ArrayList<>();
    private final List<FiredRule> fired = new ArrayList<>();
    private final PreparedRuleSet.Recorder recorder;

    Run(RuleSet ruleSet, List<?> facts, Class<?> decidedBy) {
      this.ruleSet = ruleSet;
      this.facts = facts;
      this.prepared = PreparedRuleSet.of(ruleSet);
      this.recorder = new PreparedRuleSet.Recorder(prepared, inserted, fired, decidedBy);
    }

    FiredRule firing() {
      return recorder.firing();
    }

    /**
     * @param deadlineNanos how much processor time the rules may take; 0 for no deadline (offline)
     * @param processorAtStart this thread's {@link ProcessorTime} as the run started
     */
    Evaluation evaluate(long deadlineNanos, long processorAtStart) {
      KieSession session = prepared.newSession();
      boolean broken = false;
      try {
        if (deadlineNanos > 0) {
          recorder.deadline(session, deadlineNanos, processorAtStart);
        }
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        ruleSet.referenceData().facts().forEach(session::insert); // data, not rules
        facts.forEach(session::insert);
        int firings = Phases.fire(session, MAX_FIRINGS, recorder::overdue, recorder::decided);
        if (recorder.overdue()) {
          throw new DeadlinePassedException(
              ruleSet.version(),
              Duration.ofNanos(deadlineNanos).toMillis(),
              recorder.firing(),
              false,
              recorder.usedAtHalt(),
              recorder.clockAtHalt());
        }
        if (firings >= MAX_FIRINGS) {
          throw didNotSettle(ruleSet.version(), fired);
        }
      } catch (Error e) {
        // broken off inside a consequence (the thread stopped): its state is anyone's guess
        broken = true;
        throw e;
      } finally {
        if (!broken) {
          session.dispose(); // back to the pool, reset (a halted run too: it stopped cleanly)
        } // else dropped, never pooled again
      }
      return new Evaluation(ruleSet.version(), inserted, fired);
    }
  }
}
