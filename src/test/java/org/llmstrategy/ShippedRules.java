package org.llmstrategy;

import java.nio.file.Path;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;

/** The repository's rules/ folder, compiled once per test JVM (a build takes about a second). */
public final class ShippedRules {
  public static final Path DIR = Path.of("rules");
  private static RuleSet ruleSet;

  private ShippedRules() {}

  public static synchronized RuleSet get() {
    if (ruleSet == null) {
      ruleSet = new RuleSetBuilder().build(DIR.toString(), RuleFolder.read(DIR));
    }
    return ruleSet;
  }
}
