package org.llmstrategy.recommend;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.llmstrategy.facts.Option;

/**
 * What /actuator/prometheus shows about decisions: how many, by outcome (the recommended option, or
 * INFEASIBLE), and how long the rules took to decide. Reloads are counted by the reloader ({@code
 * decision.rules.reloads}).
 */
final class DecisionMetrics {
  static final String DECISIONS = "decision.decisions";
  static final String LATENCY = "decision.latency";
  static final String INFEASIBLE = "INFEASIBLE";
  private static final String OUTCOME = "outcome";

  private final Timer latency;
  private final Map<Option, Counter> byOption = new EnumMap<>(Option.class);
  private final Counter infeasible;

  DecisionMetrics(MeterRegistry meters) {
    this.latency =
        Timer.builder(LATENCY)
            .description("Time the rules take to decide one request (evaluation and mapping)")
            .publishPercentileHistogram()
            .register(meters);
    for (Option o : Option.values()) {
      byOption.put(o, decisions(meters, o.name()));
    }
    this.infeasible = decisions(meters, INFEASIBLE);
  }

  private static Counter decisions(MeterRegistry meters, String outcome) {
    return Counter.builder(DECISIONS)
        .description("Decisions answered, by recommended option or INFEASIBLE")
        .tag(OUTCOME, outcome)
        .register(meters);
  }

  /** Runs one decision, timing it and counting its outcome. */
  Recommendation decide(Supplier<Recommendation> decision) {
    long start = System.nanoTime();
    Recommendation answer = decision.get();
    latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    Option chosen = answer.deployment() == null ? null : answer.deployment().recommendation();
    (chosen == null ? infeasible : byOption.get(chosen)).increment();
    return answer;
  }
}
