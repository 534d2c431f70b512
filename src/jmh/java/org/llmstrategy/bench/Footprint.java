package org.llmstrategy.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;

/**
 * The heap a compiled rule set keeps alive, and the first build in a fresh JVM, per scale: {@code
 * Footprint 1 10 100}. Retained heap is the used heap after full collections with {@code n} rule
 * sets held, minus before, divided by {@code n}: rough (it includes whatever the build leaves in
 * Drools' static caches) but of the right order.
 */
public final class Footprint {
  private static final int HELD = 3;

  private Footprint() {}

  public static void main(String[] args) {
    for (String a : args) {
      int scale = Integer.parseInt(a);
      Path dir = SyntheticRules.folder(scale);
      List<RuleFile> files = RuleFolder.read(dir);
      long t0 = System.nanoTime();
      RuleSet first = new RuleSetBuilder().build(dir.toString(), files);
      long firstMs = (System.nanoTime() - t0) / 1_000_000;
      first = null;
      long before = usedAfterGc();
      List<RuleSet> held = new ArrayList<>();
      long t1 = System.nanoTime();
      for (int i = 0; i < HELD; i++) {
        held.add(new RuleSetBuilder().build(dir.toString(), files));
      }
      long againMs = (System.nanoTime() - t1) / 1_000_000 / HELD;
      long after = usedAfterGc();
      System.out.printf(
          "scale %d: %d rules, first build %d ms, later builds %d ms each,"
              + " retained heap %.1f MiB per rule set (%s)%n",
          scale,
          held.get(0).ruleCount(),
          firstMs,
          againMs,
          (after - before) / (double) HELD / (1 << 20),
          dir);
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
