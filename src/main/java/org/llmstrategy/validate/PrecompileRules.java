package org.llmstrategy.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.llmstrategy.rules.CandidateCheck;
import org.llmstrategy.rules.PrecompiledRules;
import org.llmstrategy.rules.RuleFolder;
import org.llmstrategy.rules.RuleSet;
import org.llmstrategy.rules.RuleSetBuilder;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.scenarios.ScenarioRunner;

/**
 * {@code PrecompileRules RULES_DIR OUTPUT_DIR}, run by the Maven build after compiling: compiles
 * the shipped rules and runs their scenarios with the classes being packaged, and writes the
 * compiled set with that result for start-up to load ({@link PrecompiledRules}). A folder that does
 * not compile, or whose scenarios fail, is not written: the jar then compiles and checks it at
 * start-up and refuses it there with file, sheet and cell, as it does any other folder.
 */
public final class PrecompileRules {
  private PrecompileRules() {}

  public static void main(String[] args) throws IOException {
    ValidateCommand.silenceLogging();
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    RuleSet rules;
    try {
      rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    } catch (RuleSetRejectedException e) {
      System.out.println("Not precompiled: " + e.getMessage());
      return;
    }
    CandidateCheck.Report report = ScenarioRunner.standalone().check(rules, null);
    if (!report.failures().isEmpty()) {
      System.out.printf(
          "Not precompiled: %d of %d scenarios fail, first %s%n",
          report.failures().size(), report.checked(), report.failures().get(0));
      return;
    }
    PrecompiledRules.write(rules, out, OptionalInt.of(report.checked()));
    System.out.printf(
        "Precompiled %s: %d rules, version %s, %d scenarios pass, into %s%n",
        dir, rules.ruleCount(), rules.version(), report.checked(), out);
  }
}
