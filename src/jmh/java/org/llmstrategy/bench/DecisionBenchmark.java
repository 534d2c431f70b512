package org.llmstrategy.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision through the whole rule set, as POST /recommend makes it after reading the body:
 * {@code Recommender.recommend(RuleSet, Criteria, false, day)}, rotating over the request bodies of
 * {@code bench/requests/} (every option winning, nothing feasible, all five tiers, with and without
 * tokensPerTask). {@code scale} picks the shipped rules (1) or a synthetic folder with that many
 * times the table rows (see {@link SyntheticRules}). {@code decideWithFlips} adds deployment.flips
 * (about 50 more runs of the rules per decision).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class DecisionBenchmark {
  @Param("1")
  public int scale;

  private RuleSet rules;
  private Criteria[] criteria;

  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup
  public void setUp() {
    Path dir = SyntheticRules.folder(scale);
    rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    List<BenchRequests.Request> requests = BenchRequests.all();
    BenchRequests.verify(rules, requests);
    criteria = requests.stream().map(BenchRequests.Request::criteria).toArray(Criteria[]::new);
  }

  @Benchmark
  public Recommendation decide(Cursor cursor) {
    Criteria next = criteria[cursor.next];
    cursor.next = cursor.next + 1 == criteria.length ? 0 : cursor.next + 1;
    return Recommender.recommend(BenchRequests.RUNS, rules, next, false, BenchRequests.TODAY);
  }

  /** The same decision with {@code ?explain=flips}: what deployment.flips adds to it. */
  @Benchmark
  public Recommendation decideWithFlips(Cursor cursor) {
    Criteria next = criteria[cursor.next];
    cursor.next = cursor.next + 1 == criteria.length ? 0 : cursor.next + 1;
    return Recommender.recommend(BenchRequests.RUNS, rules, next, true, BenchRequests.TODAY);
  }
}
