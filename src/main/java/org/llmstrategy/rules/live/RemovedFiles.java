package org.llmstrategy.rules.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleSource;

/**
 * The files the active rule set was built from that a candidate no longer has, each said by name
 * with the rules it held: a deleted workbook or DRL is part of a reload's impact, never dropped
 * silently (its rules simply stop existing, which no scenario may show).
 */
final class RemovedFiles {
  /** Beyond this, a removed file's line says how many more rules it held. */
  static final int MAX_RULES_NAMED = 10;

  private RemovedFiles() {}

  /**
   * One impact line per removed file, in the order of their paths; none when nothing went. With the
   * candidate built ({@code candidate} not null), a rule that is still there, read from another
   * file (the workbook was renamed or moved), is said to be so rather than gone.
   */
  static List<String> lines(RuleSet active, List<RuleFile> files, RuleSet candidate) {
    Set<String> now = files.stream().map(RuleFile::path).collect(Collectors.toSet());
    Set<String> gone = new TreeSet<>(active.files());
    gone.removeAll(now);
    if (gone.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, String>> rulesOf = new TreeMap<>(); // file -> rule name -> key
    for (KiePackage p : active.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        String file = active.sourceOf(p.getName(), r.getName()).file();
        rulesOf
            .computeIfAbsent(file, f -> new TreeMap<>())
            .put(r.getName(), RuleSet.key(p.getName(), r.getName()));
      }
    }
    List<String> lines = new ArrayList<>();
    for (String file : gone) {
      lines.add(line(file, rulesOf.getOrDefault(file, Map.of()), candidate));
    }
    return lines;
  }

  private static String line(String file, Map<String, String> rules, RuleSet candidate) {
    if (file.startsWith(RuleSet.SCENARIOS)) {
      return file + " removed: its scenarios are no longer checked";
    }
    if (rules.isEmpty()) {
      return file + " removed: it held no rules";
    }
    List<String> lost = new ArrayList<>();
    Set<String> movedTo = new TreeSet<>();
    rules.forEach(
        (name, key) -> {
          RuleSource still = candidate == null ? null : candidate.sources().get(key);
          if (still == null) {
            lost.add(name);
          } else {
            movedTo.add(still.file());
          }
        });
    StringBuilder line = new StringBuilder(file).append(" removed: ");
    if (!lost.isEmpty()) {
      line.append(lost.size() == rules.size() ? "its " : lost.size() + " of its ")
          .append(
              lost.size() == 1
                  ? "rule no longer applies ("
                  : lost.size() + " rules no longer apply (")
          .append(String.join(", ", lost.subList(0, Math.min(lost.size(), MAX_RULES_NAMED))))
          .append(
              lost.size() > MAX_RULES_NAMED
                  ? " … and " + (lost.size() - MAX_RULES_NAMED) + " more"
                  : "")
          .append(")");
    }
    if (!movedTo.isEmpty()) {
      int moved = rules.size() - lost.size();
      line.append(lost.isEmpty() ? "its " : "; the other ")
          .append(moved == 1 ? "rule is" : moved + " rules are")
          .append(" now read from ")
          .append(String.join(", ", movedTo));
    }
    return line.toString();
  }
}
