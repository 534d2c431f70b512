package org.llmstrategy.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;

/**
 * The decision of {@link DecisionBenchmark} timed by CPU time (of every thread: the decision runs
 * on the rule engine's workers) rather than the wall clock: on a machine shared with other builds,
 * wall-clock figures swing with their load while CPU time per decision barely moves, which makes it
 * the steadier yardstick for a before/after comparison. Not a substitute for JMH's latency figures.
 * Arguments: {@code scale batches size}.
 */
public final class DecisionCpuTime {
  private DecisionCpuTime() {}

  public static void main(String[] args) {
    int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    Path dir = SyntheticRules.folder(scale);
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    var requests = BenchRequests.all();
    BenchRequests.verify(rules, requests);
    Criteria[] criteria =
        requests.stream().map(BenchRequests.Request::criteria).toArray(Criteria[]::new);
    long sink = 0;
    for (int i = 0; i < 4 * size; i++) { // warm-up
      sink +=
          Recommender.recommend(
                  BenchRequests.RUNS,
                  rules,
                  criteria[i % criteria.length],
                  false,
                  BenchRequests.TODAY)
              .firedRules()
              .size();
    }
    double[] micros = new double[batches];
    // the process's CPU as well: the threads' sum leaves out the JVM's own (GC, JIT), so a change
    // that trades resetting for allocating would look cheaper there than it is
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long process0 = os.getProcessCpuTime();
    for (int b = 0; b < batches; b++) {
      long t0 = BenchRequests.cpuNanosOfAllThreads();
      for (int i = 0; i < size; i++) {
        sink +=
            Recommender.recommend(
                    BenchRequests.RUNS,
                    rules,
                    criteria[i % criteria.length],
                    false,
                    BenchRequests.TODAY)
                .firedRules()
                .size();
      }
      micros[b] = (BenchRequests.cpuNanosOfAllThreads() - t0) / 1000.0 / size;
    }
    double processMicros = (os.getProcessCpuTime() - process0) / 1000.0 / ((long) batches * size);
    Arrays.sort(micros);
    System.out.printf(
        "scale %d: CPU time per decision over %d batches of %d: min %.1f us, median %.1f us,"
            + " max %.1f us; the whole process (GC and JIT too) %.1f us per decision (%d)%n",
        scale,
        batches,
        size,
        micros[0],
        micros[batches / 2],
        micros[batches - 1],
        processMicros,
        sink % 7);
  }
}
