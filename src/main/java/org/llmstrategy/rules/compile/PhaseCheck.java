package org.llmstrategy.rules.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.compile.WorkbookSheets.CellText;
import org.llmstrategy.rules.run.Phases;

/**
 * A rule that waits for a phase the engine does not run would never fire, and nothing would say so:
 * Drools takes any agenda-group name, and {@link Phases} gives focus only to its own. So a rule
 * naming another phase (a typo such as {@code "scorng"}) is refused, in a DRL file at its line, in
 * a decision table (an AGENDA-GROUP column) at its cell, with the phases it may name. Run by {@link
 * RuleSetBuilder#build}: at start-up, at every reload and by {@code validate}.
 */
final class PhaseCheck {
  private PhaseCheck() {}

  /** One refusal per rule that names a phase the engine does not run. */
  static List<RuleProblem> check(
      Map<String, RuleFile> drls, Map<String, WorkbookTranslation> workbooks) {
    List<RuleProblem> problems = new ArrayList<>();
    drls.forEach(
        (path, f) -> {
          for (DrlRules.Rule r :
              DrlRules.of(new String(f.content(), StandardCharsets.UTF_8)).rules()) {
            if (unknown(r.phase())) {
              problems.add(RuleProblem.inFile(path, "line " + r.firstLine() + ": " + message(r)));
            }
          }
        });
    for (WorkbookTranslation t : workbooks.values()) {
      for (DrlRules.Rule r : DrlRules.of(t.drl()).rules()) {
        if (unknown(r.phase())) {
          problems.add(new RuleProblem(t.file(), t.sheet(), cellOf(t, r), message(r)));
        }
      }
    }
    return problems;
  }

  private static boolean unknown(String phase) {
    return phase != null && !Phases.ORDER.contains(phase);
  }

  private static String message(DrlRules.Rule r) {
    List<String> quoted = Phases.ORDER.stream().map(p -> "\"" + p + "\"").toList();
    return "rule \""
        + r.name()
        + "\" waits for the phase \""
        + r.phase()
        + "\", which does not exist, so the rule would never fire: the phases are "
        + String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " and "
        + quoted.get(quoted.size() - 1)
        + " (a rule that names no phase fires first, with the tables' rows)";
  }

  /** The cell on the rule's row that holds the phase's name, else the row's first cell. */
  private static String cellOf(WorkbookTranslation t, DrlRules.Rule r) {
    Integer row = t.rowAt(r.firstLine());
    if (t.cells() != null) {
      List<CellText> candidates = new ArrayList<>();
      if (row != null) {
        candidates.addAll(t.cells().rows().getOrDefault(row, List.of()));
      }
      t.cells().rows().entrySet().stream() // then the sheet: a phase set once for the table
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> candidates.addAll(e.getValue()));
      for (CellText c : candidates) {
        if (c.text().strip().equals(r.phase())) {
          return c.ref();
        }
      }
    }
    return row == null ? null : "A" + row;
  }
}
