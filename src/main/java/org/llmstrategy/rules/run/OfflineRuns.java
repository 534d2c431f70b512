package org.llmstrategy.rules.run;

import java.time.Duration;
import java.util.List;

/**
 * Runs for offline work: a candidate's scenarios and the replay of recent traffic before it goes
 * live, {@code validate}, benchmarks. Outside the live engine's bound, but each run ends too,
 * within {@link #DEADLINE} of processor time: a candidate whose rule computes without end (a number
 * raised to the power of half a billion is one call, no loop the sandbox could refuse) is refused
 * by its first scenario instead of holding every later reload for good.
 *
 * <p>Owned by whoever runs the checks (the scenario runner, a benchmark), not shared through a
 * static pool: its workers (one per processor at most) start as runs arrive and end after {@link
 * #IDLE} without one, so an owner that never closes it (a rule test, a command) leaves no thread
 * behind.
 */
public final class OfflineRuns implements Evaluator, AutoCloseable {
  /**
   * How much processor time one offline run may use: generous, because a rule set's first runs load
   * its classes (some hundreds of milliseconds) and the machine checking may be busy; an ordinary
   * warm decision uses well under a millisecond.
   */
  static final Duration DEADLINE = Duration.ofSeconds(10);

  /** How long a worker waits for the next run before it ends. */
  static final Duration IDLE = Duration.ofSeconds(5);

  private final DecisionWorkers workers =
      new DecisionWorkers(
          Runtime.getRuntime().availableProcessors(),
          DEADLINE.toNanos() + DEADLINE.toNanos() / 4,
          IDLE.toNanos());

  /**
   * Runs the facts through {@code ruleSet} on one of these workers, in a session of its own.
   *
   * @throws DecisionStoppedException when the run did not end by itself within {@link #DEADLINE}
   */
  @Override
  public Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
    return evaluateUntil(ruleSet, facts, null);
  }

  /** As {@link #evaluate}, its phases fired only as far as {@link Evaluator#evaluateUntil} says. */
  @Override
  public Evaluation evaluateUntil(RuleSet ruleSet, List<?> facts, Class<?> decidedBy) {
    return RuleEngine.within(workers, DEADLINE.toNanos(), ruleSet, facts, decidedBy);
  }

  @Override
  public void close() {
    workers.close();
  }
}
