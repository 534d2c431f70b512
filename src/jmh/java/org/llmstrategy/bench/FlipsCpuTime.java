package org.llmstrategy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;

/**
 * What {@code ?explain=flips} (deployment.flips and deployment.whatItWouldTake) costs against a
 * plain answer, in CPU time (steadier than the wall clock on a shared machine), over the request
 * bodies of {@code bench/requests/}, alternating plain and explained rounds so both see the same
 * load. The CPU counted is this thread's and the decision workers' ({@code decision-*}, those of
 * {@link BenchRequests#RUNS}, alive through the measurement): every run of the rules is handed to a
 * worker, so this thread's own time alone would leave the rules out. The JIT's and the collector's
 * threads are not counted (BenchRequests.cpuNanosOfAllThreads counts them too). Issue 21's budget:
 * an answer with flips within 10 plain answers. Arguments: {@code rounds plainPerRound
 * explainedPerRound}.
 */
public final class FlipsCpuTime {
  private FlipsCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int plainRuns = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int explainedRuns = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path dir = Path.of("rules");
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    var requests = BenchRequests.all();
    // what each body decides is printed, not required: a body whose name no longer says what the
    // rules decide still costs what it costs (BenchRequests.verify holds the names elsewhere)
    for (var r : requests) {
      System.out.printf(
          "%s: %s%n",
          r.name(),
          Recommender.recommend(BenchRequests.RUNS, rules, r.criteria(), false, BenchRequests.TODAY)
              .deployment()
              .recommendation());
    }
    Criteria[] criteria =
        requests.stream().map(BenchRequests.Request::criteria).toArray(Criteria[]::new);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int i = 0; i < 3; i++) { // warm-up: both paths compiled before anything is timed
      for (Criteria c : criteria) {
        sink +=
            Recommender.recommend(BenchRequests.RUNS, rules, c, true, BenchRequests.TODAY)
                .firedRules()
                .size();
      }
    }
    long[] all = counted(threads);
    long[] self = {Thread.currentThread().getId()};
    double[] ratios = new double[rounds];
    double[] selfRatios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = cpu(threads, all);
      long s0 = cpu(threads, self);
      for (int i = 0; i < plainRuns; i++) {
        for (Criteria c : criteria) {
          sink +=
              Recommender.recommend(BenchRequests.RUNS, rules, c, false, BenchRequests.TODAY)
                  .firedRules()
                  .size();
        }
      }
      double plain = (cpu(threads, all) - t0) / 1000.0 / plainRuns / criteria.length;
      double plainSelf = (cpu(threads, self) - s0) / 1000.0 / plainRuns / criteria.length;
      t0 = cpu(threads, all);
      s0 = cpu(threads, self);
      for (int i = 0; i < explainedRuns; i++) {
        for (Criteria c : criteria) {
          sink +=
              Recommender.recommend(BenchRequests.RUNS, rules, c, true, BenchRequests.TODAY)
                  .firedRules()
                  .size();
        }
      }
      double explained = (cpu(threads, all) - t0) / 1000.0 / explainedRuns / criteria.length;
      double explainedSelf = (cpu(threads, self) - s0) / 1000.0 / explainedRuns / criteria.length;
      ratios[r] = explained / plain;
      selfRatios[r] = explainedSelf / plainSelf;
      System.out.printf(
          "round %d: plain answer %.0f us, with flips and whatItWouldTake %.0f us: %.1f plain"
              + " answers (this thread alone: %.0f us against %.0f us, %.1f)%n",
          r, plain, explained, ratios[r], explainedSelf, plainSelf, selfRatios[r]);
    }
    Arrays.sort(ratios);
    Arrays.sort(selfRatios);
    System.out.printf(
        "median %.1f plain answers (min %.1f, max %.1f); this thread alone %.1f (%d)%n",
        ratios[rounds / 2], ratios[0], ratios[rounds - 1], selfRatios[rounds / 2], sink % 7);
  }

  /** This thread and the decision workers, by id (the workers are started by the warm-up). */
  private static long[] counted(ThreadMXBean threads) {
    java.util.List<Long> ids = new java.util.ArrayList<>();
    ids.add(Thread.currentThread().getId());
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("decision-")) {
        ids.add(info.getThreadId());
      }
    }
    System.out.printf(
        "CPU counted on %d threads (this one and the decision workers)%n", ids.size());
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  private static long cpu(ThreadMXBean threads, long[] ids) {
    long sum = 0;
    for (long id : ids) {
      long t = threads.getThreadCpuTime(id);
      sum += Math.max(t, 0);
    }
    return sum;
  }
}
