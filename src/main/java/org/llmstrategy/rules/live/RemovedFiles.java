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

/**
 * The files the active rule set was built from that a candidate no longer has, each said by name
 * with the rules it held: a deleted workbook or DRL is part of a reload's impact, never dropped
 * silently (its rules simply stop existing, which no scenario may show).
 */
final class RemovedFiles {
  /** Beyond this, a removed file's line says how many more rules it held. */
  static final int MAX_RULES_NAMED = 10;

  private RemovedFiles() {}

  /** One impact line per removed file, in the order of their paths; none when nothing went. */
  static List<String> lines(RuleSet active, List<RuleFile> candidate) {
    Set<String> now = candidate.stream().map(RuleFile::path).collect(Collectors.toSet());
    Set<String> gone = new TreeSet<>(active.files());
    gone.removeAll(now);
    if (gone.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> rulesOf = new TreeMap<>();
    for (KiePackage p : active.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        String file = active.sourceOf(p.getName(), r.getName()).file();
        rulesOf.computeIfAbsent(file, f -> new TreeSet<>()).add(r.getName());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String file : gone) {
      lines.add(line(file, rulesOf.getOrDefault(file, Set.of())));
    }
    return lines;
  }

  private static String line(String file, Set<String> rules) {
    if (file.startsWith(RuleSet.SCENARIOS)) {
      return file + " removed: its scenarios are no longer checked";
    }
    if (rules.isEmpty()) {
      return file + " removed: it held no rules";
    }
    List<String> names = new ArrayList<>(rules);
    String named = String.join(", ", names.subList(0, Math.min(names.size(), MAX_RULES_NAMED)));
    int more = names.size() - MAX_RULES_NAMED;
    return file
        + " removed: its "
        + (rules.size() == 1
            ? "rule no longer applies ("
            : rules.size() + " rules no longer apply (")
        + named
        + (more > 0 ? " … and " + more + " more" : "")
        + ")";
  }
}
