package org.llmstrategy.validate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.scenarios.ScenarioRunner;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar <jar> validate [DIR]}: the analysts' check at their desk. The same pipeline as
 * start-up and reload (stray names, compile, scenarios), no web server, no framework logging; each
 * problem as {@code FILE!SHEET!CELL: message}, then one summary line. Exit 0 when the rules would
 * go live, 1 when they would be refused.
 */
public final class ValidateCommand {
  public static final String NAME = "validate";
  static final String AGAINST = "--against";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ValidateCommand.class);

  private ValidateCommand() {}

  /**
   * What the pipeline says of a folder: the compiled rules (null when they do not compile), what
   * their scenarios found, and every problem of either. The build's precompile step trusts the
   * same.
   */
  record Verdict(RuleSet rules, CandidateCheck.Report report, List<RuleProblem> problems) {
    static Verdict of(Path dir) {
      return of(dir, null);
    }

    /** The verdict, with the impact on the scenarios against {@code live} when given. */
    static Verdict of(Path dir, RuleSet live) {
      List<RuleProblem> problems = new ArrayList<>();
      RuleSet rules = null;
      CandidateCheck.Report report = CandidateCheck.Report.none();
      String working = "reading the rules folder";
      try {
        var files = RuleFolder.read(dir);
        working = "compiling the rule files";
        rules = new RuleSetBuilder().build(dir.toString(), files);
        working = "running the scenarios";
        report = ScenarioRunner.standalone().check(rules, live);
        problems.addAll(report.failures());
      } catch (RuleSetRejectedException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) { // as the live service says it; the details to stderr
        LOG.warn("Unexpected failure while {}", working, e);
        problems.add(RuleProblem.unexpected(working));
      }
      return new Verdict(rules, report, List.copyOf(problems));
    }
  }

  /**
   * {@code validate [DIR] [--against LIVE]}: with a second folder (the live rules, say), also
   * prints what the candidate changes in the scenarios' answers against it, as GET /rules does.
   */
  public static int run(List<String> args, PrintStream out) {
    silenceLogging();
    List<String> positional = new ArrayList<>(args);
    Path against = null;
    int flag = positional.indexOf(AGAINST);
    if (flag >= 0) {
      if (flag + 1 >= positional.size()) {
        out.println("validate: " + AGAINST + " needs a folder, e.g. " + AGAINST + " /srv/rules");
        return 2;
      }
      against = Path.of(positional.get(flag + 1));
      positional.subList(flag, flag + 2).clear();
    }
    Path dir = Path.of(positional.isEmpty() ? "rules" : positional.get(0));
    RuleSet live = against == null ? null : liveRules(against, out);
    Verdict verdict = Verdict.of(dir, live);
    RuleSet rules = verdict.rules();
    CandidateCheck.Report report = verdict.report();
    List<RuleProblem> problems = verdict.problems();
    problems.forEach(p -> out.println(p));
    if (live != null && rules != null) {
      out.printf(
          "Impact against %s (rules version %s): %s%n",
          against,
          live.version(),
          report.impact().isEmpty()
              ? "no scenario's answer changes"
              : report.impact().size()
                  + " scenario answer"
                  + (report.impact().size() == 1 ? "" : "s")
                  + " change");
      report.impact().forEach(line -> out.println("  " + line));
    }
    if (problems.isEmpty()) {
      out.printf(
          "OK %s: %d rules from %d files, %d scenarios pass (rules version %s)%n",
          dir, rules.ruleCount(), rules.ruleFileCount(), report.checked(), rules.version());
      return 0;
    }
    out.printf(
        "REFUSED %s: %d problem%s%s%n",
        dir,
        problems.size(),
        problems.size() == 1 ? "" : "s",
        rules == null
            ? ""
            : ", " + report.failures().size() + " of " + report.checked() + " scenarios fail");
    return 1;
  }

  /** The rules to compare against; null (and said) when that folder does not build. */
  private static RuleSet liveRules(Path against, PrintStream out) {
    Verdict live = Verdict.of(against);
    if (live.rules() == null) {
      out.printf(
          "Impact not shown: %s does not build (%d problem%s; validate it on its own)%n",
          against, live.problems().size(), live.problems().size() == 1 ? "" : "s");
    }
    return live.rules();
  }

  /** Drools and POI log through SLF4J; at the desk only our own lines should show. */
  static void silenceLogging() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.OFF);
    }
  }
}
