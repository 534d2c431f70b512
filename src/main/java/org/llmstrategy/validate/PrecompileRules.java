package org.llmstrategy.validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.llmstrategy.rules.compile.PrecompiledRules;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.rules.run.RuleSet;

/**
 * {@code PrecompileRules RULES_DIR OUTPUT_DIR}, run by the Maven build after compiling: checks the
 * shipped rules as {@code validate} does (compile, scenarios) with the classes being packaged, and
 * writes the compiled set with that result for start-up to load ({@link PrecompiledRules}). A
 * folder that does not compile, or whose scenarios fail, is not written: the jar then compiles and
 * checks it at start-up and refuses it there with file, sheet and cell, as it does any other
 * folder.
 */
public final class PrecompileRules {
  private PrecompileRules() {}

  public static void main(String[] args) throws IOException {
    ValidateCommand.silenceLogging();
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    ValidateCommand.Verdict verdict = ValidateCommand.Verdict.of(dir);
    if (!verdict.problems().isEmpty()) {
      System.out.printf(
          "Not precompiled: %d problem%s, first %s%n",
          verdict.problems().size(),
          verdict.problems().size() == 1 ? "" : "s",
          verdict.problems().get(0));
      return;
    }
    RuleSet rules = verdict.rules();
    CandidateCheck.Report report = verdict.report();
    PrecompiledRules.write(rules, out, OptionalInt.of(report.checked()));
    System.out.printf(
        "Precompiled %s: %d rules, version %s, %d scenarios pass, into %s%n",
        dir, rules.ruleCount(), rules.version(), report.checked(), out);
  }
}
