package org.llmstrategy.rules.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.run.RuleSet;

/**
 * Rules are code, and what runs is the code the executable model compiled from them: this checks
 * those class files against {@link BytecodeAllowList} before any of them is loaded, so before any
 * rule is built into a rule base, fired in a scenario or replayed over recent traffic. A rule,
 * constraint or DRL function that calls anything outside the list, loops (a backward jump) or calls
 * itself is refused, naming the file, the rule (or function) and what it called, in words.
 *
 * <p>The source lint ({@link RuleLint}) still runs first, for its line numbers; this is the guard:
 * a call the text does not name (a chain of methods that only returns a class loader or a URL) is
 * seen here by what it calls.
 */
final class RuleSandbox {
  private static final Pattern RULES_CLASS = Pattern.compile(".*/Rules[0-9A-F]+$");

  /** Where a finding is reported: a file (and sheet and cell), and what it is about. */
  private record Place(String file, String sheet, String cell, String subject) {}

  /** What a place does that is refused: the calls by reason, and whether it loops or recurses. */
  private static final class Found {
    final Map<String, Set<String>> byWhy = new LinkedHashMap<>();
    boolean loops;
    boolean recurses;
  }

  private final Map<String, RuleFile> drls;
  private final Map<String, WorkbookTranslation> workbooks;

  private RuleSandbox(Map<String, RuleFile> drls, Map<String, WorkbookTranslation> workbooks) {
    this.drls = drls;
    this.workbooks = workbooks;
  }

  /**
   * Every refusal for these class files (internal name → bytes), located to the DRL files and
   * workbooks they were compiled from; empty when all of them stay inside the allow-list.
   */
  static List<RuleProblem> check(
      Map<String, byte[]> classes,
      Map<String, RuleFile> drls,
      Map<String, WorkbookTranslation> workbooks) {
    return new RuleSandbox(drls, workbooks).check(classes);
  }

  private List<RuleProblem> check(Map<String, byte[]> classes) {
    List<BytecodeScan.Method> methods = BytecodeScan.scan(classes);
    Map<String, Set<String>> rulesUsing = new HashMap<>(); // class or method id → rule keys
    for (BytecodeScan.Method m : methods) {
      if (m.rule() != null) {
        rulesUsing.computeIfAbsent(m.id(), k -> new LinkedHashSet<>()).add(m.rule());
        for (String used : m.uses()) {
          rulesUsing.computeIfAbsent(used, k -> new LinkedHashSet<>()).add(m.rule());
        }
      }
    }
    Set<String> recursive = recursive(methods);
    Map<Place, Found> found = new LinkedHashMap<>();
    for (BytecodeScan.Method m : methods) {
      boolean recurses = recursive.contains(m.id());
      if (m.refusals().isEmpty() && !m.loops() && !recurses) {
        continue;
      }
      for (Place place : places(m, rulesUsing)) {
        Found f = found.computeIfAbsent(place, p -> new Found());
        m.refusals()
            .forEach(
                r -> f.byWhy.computeIfAbsent(r.why(), w -> new LinkedHashSet<>()).add(r.what()));
        f.loops |= m.loops();
        f.recurses |= recurses;
      }
    }
    List<RuleProblem> problems = new ArrayList<>();
    found.forEach(
        (place, f) ->
            problems.add(
                new RuleProblem(
                    place.file(), place.sheet(), place.cell(), place.subject() + message(f))));
    return problems;
  }

  /** Methods on a cycle of calls between generated methods: a function that calls itself. */
  private static Set<String> recursive(List<BytecodeScan.Method> methods) {
    Map<String, Set<String>> calls = new HashMap<>();
    methods.forEach(m -> calls.put(m.id(), m.calls()));
    Set<String> onCycle = new HashSet<>();
    for (String start : calls.keySet()) {
      java.util.Deque<String> todo = new java.util.ArrayDeque<>(calls.get(start));
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (next.equals(start)) {
          onCycle.add(start);
          break;
        }
        if (seen.add(next)) {
          todo.addAll(calls.getOrDefault(next, Set.of()));
        }
      }
    }
    return onCycle;
  }

  /** Where a method's refusal is reported: its rules, its DRL function, or its package's files. */
  private List<Place> places(BytecodeScan.Method m, Map<String, Set<String>> rulesUsing) {
    Set<String> rules = new LinkedHashSet<>();
    rules.addAll(rulesUsing.getOrDefault(m.id(), Set.of()));
    rules.addAll(rulesUsing.getOrDefault(m.owner(), Set.of()));
    String simple = m.owner().substring(m.owner().lastIndexOf('/') + 1);
    String part =
        simple.startsWith("LambdaConsequence")
            ? ": its consequence"
            : simple.startsWith("LambdaPredicate") || simple.startsWith("LambdaExtractor")
                ? ": a condition"
                : "";
    List<Place> places = new ArrayList<>();
    for (String rule : rules) {
      places.add(ruleAt(rule, part));
    }
    if (places.isEmpty() && RULES_CLASS.matcher(m.owner()).matches()) {
      Place function = functionAt(packageOf(m.owner()), m.name());
      if (function != null) {
        places.add(function);
      }
    }
    if (places.isEmpty()) {
      String pkg = packageOf(m.owner());
      places.add(
          new Place(
              String.join(", ", filesOf(pkg)), null, null, "the rules of package " + pkg + " "));
    }
    return places;
  }

  private Place ruleAt(String ruleKey, String part) {
    for (WorkbookTranslation t : workbooks.values()) {
      for (WorkbookTranslation.RuleRow r : t.rules()) {
        if (RuleSet.key(t.packageName(), r.name()).equals(ruleKey)) {
          String cell = t.cells() == null ? "A" + r.row() : firstCell(t, r.row());
          return new Place(t.file(), t.sheet(), cell, "rule \"" + r.name() + "\"" + part + " ");
        }
      }
    }
    for (RuleFile f : drls.values()) {
      DrlRules parsed = drl(f);
      for (DrlRules.Rule r : parsed.rules()) {
        if (RuleSet.key(parsed.packageName(), r.name()).equals(ruleKey)) {
          return new Place(
              f.path(),
              null,
              null,
              "line " + r.firstLine() + ": rule \"" + r.name() + "\"" + part + " ");
        }
      }
    }
    String name = ruleKey.substring(ruleKey.lastIndexOf('.') + 1);
    return new Place(
        String.join(", ", filesOf(ruleKey.substring(0, Math.max(0, ruleKey.lastIndexOf('.'))))),
        null,
        null,
        "rule \"" + name + "\"" + part + " ");
  }

  private Place functionAt(String pkg, String name) {
    for (RuleFile f : drls.values()) {
      DrlRules parsed = drl(f);
      if (parsed.packageName().equals(pkg)) {
        for (DrlRules.Function fn : parsed.functions()) {
          if (fn.name().equals(name)) {
            return new Place(
                f.path(), null, null, "line " + fn.line() + ": function \"" + name + "\" ");
          }
        }
      }
    }
    for (WorkbookTranslation t : workbooks.values()) {
      DrlRules parsed = DrlRules.of(t.drl());
      if (t.packageName().equals(pkg)
          && parsed.functions().stream().anyMatch(fn -> fn.name().equals(name))) {
        String cell = t.cells() == null ? null : t.cells().templateCalling(name, t.ruleTableRow());
        return new Place(t.file(), t.sheet(), cell, "function \"" + name + "\" ");
      }
    }
    return null;
  }

  /** The first cell of a rule's row: the row the analyst reads the rule on. */
  private static String firstCell(WorkbookTranslation t, int row) {
    var cells = t.cells().rows().getOrDefault(row, List.of());
    return cells.isEmpty() ? "A" + row : cells.get(0).ref();
  }

  private List<String> filesOf(String pkg) {
    List<String> files = new ArrayList<>();
    workbooks.values().stream()
        .filter(t -> t.packageName().equals(pkg))
        .forEach(t -> files.add(t.file()));
    drls.values().stream()
        .filter(f -> drl(f).packageName().equals(pkg))
        .forEach(f -> files.add(f.path()));
    return files.isEmpty() ? List.of("(rules)") : files;
  }

  private final Map<String, DrlRules> parsed = new HashMap<>();

  private DrlRules drl(RuleFile f) {
    return parsed.computeIfAbsent(
        f.path(), p -> DrlRules.of(new String(f.content(), StandardCharsets.UTF_8)));
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    String pkg = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    // the executable model puts a rule's lambdas in a subpackage of its own (decision.P3D)
    return pkg.matches(".*\\.P[0-9A-F]{2}") ? pkg.substring(0, pkg.lastIndexOf('.')) : pkg;
  }

  private static final int NAMED = 10;

  private static String message(Found f) {
    List<String> parts = new ArrayList<>();
    int named = 0;
    int more = 0;
    for (var e : f.byWhy.entrySet()) {
      List<String> whats = new ArrayList<>();
      for (String what : e.getValue()) {
        if (named++ < NAMED) {
          whats.add(what);
        } else {
          more++;
        }
      }
      if (!whats.isEmpty()) {
        parts.add(String.join(", ", whats) + " (" + e.getKey() + ")");
      }
    }
    List<String> sentences = new ArrayList<>();
    if (!parts.isEmpty()) {
      sentences.add(
          "calls "
              + String.join("; ", parts)
              + (more > 0 ? " and " + more + " more call" + (more > 1 ? "s" : "") : ""));
    }
    if (f.loops) {
      sentences.add("loops (for, while or do)");
    }
    if (f.recurses) {
      sentences.add("calls itself");
    }
    return String.join(" and ", sentences) + ". Refused: " + BytecodeAllowList.ALLOWED;
  }
}
