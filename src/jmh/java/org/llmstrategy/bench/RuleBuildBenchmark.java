package org.llmstrategy.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.scenarios.ScenarioRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a new rules version costs, one shot at a time: {@code build} compiles the folder's files
 * (already read) into a rule set; {@code reload} is the live-reload path end to end, as the folder
 * watcher runs it: read the folder, hash it, build, run every scenario against the candidate and
 * the active set (impact), swap. With warm-up iterations this is the warm-JVM figure; with {@code
 * -wi 0 -i 1 -f N} each fork's single shot is a cold build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class RuleBuildBenchmark {
  @Param("1")
  public int scale;

  private Path dir;
  private List<RuleFile> files;
  private RuleEngine engine;
  private RuleSet previous;
  private RulesReloader reloader;

  @Setup
  public void setUp() {
    dir = SyntheticRules.folder(scale);
    files = RuleFolder.read(dir);
    // The "previous" version: the same rules plus one more file, so every reload sees a change.
    List<RuleFile> older = new ArrayList<>(files);
    older.add(new RuleFile("NOTES.md", "previous version".getBytes(StandardCharsets.UTF_8)));
    previous = new RuleSetBuilder().build(dir.toString(), older);
    engine = new RuleEngine(previous);
    reloader =
        new RulesReloader(
            engine,
            new RuleSetBuilder(),
            ScenarioRunner.standalone(),
            dir,
            new SimpleMeterRegistry(),
            Clock.systemUTC());
  }

  @Setup(Level.Invocation)
  public void backToThePreviousVersion() {
    engine.activate(previous);
  }

  @Benchmark
  public RuleSet build() {
    return new RuleSetBuilder().build(dir.toString(), files);
  }

  @Benchmark
  public RulesStatus.Attempt reload() {
    RulesStatus.Attempt attempt = reloader.reload();
    if (attempt.outcome() != RulesStatus.Outcome.ACTIVATED) {
      throw new IllegalStateException("reload did not activate: " + attempt);
    }
    return attempt;
  }
}
