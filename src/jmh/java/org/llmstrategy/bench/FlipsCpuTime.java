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
 * plain answer, in this thread's CPU time (steadier than the wall clock on a shared machine), over
 * the request bodies of {@code bench/requests/}, alternating plain and explained rounds so both see
 * the same load. Issue 21's budget: an answer with flips within 10 plain answers. Arguments: {@code
 * rounds plainPerRound explainedPerRound}.
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
    BenchRequests.verify(rules, requests);
    Criteria[] criteria =
        requests.stream().map(BenchRequests.Request::criteria).toArray(Criteria[]::new);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int i = 0; i < 3; i++) { // warm-up: both paths compiled before anything is timed
      for (Criteria c : criteria) {
        sink += Recommender.recommend(rules, c, true, BenchRequests.TODAY).firedRules().size();
      }
    }
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < plainRuns; i++) {
        for (Criteria c : criteria) {
          sink += Recommender.recommend(rules, c, false, BenchRequests.TODAY).firedRules().size();
        }
      }
      double plain =
          (threads.getCurrentThreadCpuTime() - t0) / 1000.0 / plainRuns / criteria.length;
      t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < explainedRuns; i++) {
        for (Criteria c : criteria) {
          sink += Recommender.recommend(rules, c, true, BenchRequests.TODAY).firedRules().size();
        }
      }
      double explained =
          (threads.getCurrentThreadCpuTime() - t0) / 1000.0 / explainedRuns / criteria.length;
      ratios[r] = explained / plain;
      System.out.printf(
          "round %d: plain answer %.0f us, with flips and whatItWouldTake %.0f us: %.1f plain"
              + " answers%n",
          r, plain, explained, ratios[r]);
    }
    Arrays.sort(ratios);
    System.out.printf(
        "median %.1f plain answers (min %.1f, max %.1f) (%d)%n",
        ratios[rounds / 2], ratios[0], ratios[rounds - 1], sink % 7);
  }
}
