package org.llmstrategy.rules.compile;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The package and the rules of a DRL text as Drools' own DRL parser reads them: each rule's name
 * and the lines it spans, and its functions, so that an answer, a compiler message and the sandbox
 * name the rule or function where it is written. What the parser cannot read is left to the
 * compiler, which reports it with its line.
 */
record DrlRules(String packageName, List<Rule> rules, List<Function> functions) {
  /** The package Drools puts rules in when a file declares none. */
  static final String DEFAULT_PACKAGE = "defaultpkg";

  /**
   * A rule: its name, its first and last line (1-based, the {@code rule} and {@code end}) and the
   * phase it waits for (its {@code agenda-group}; null when it names none).
   */
  record Rule(String name, int firstLine, int lastLine, String phase) {
    Rule(String name, int firstLine, int lastLine) {
      this(name, firstLine, lastLine, null);
    }
  }

  /** A DRL function: its name and first line (1-based). */
  record Function(String name, int line) {}

  DrlRules {
    rules = List.copyOf(rules);
    functions = List.copyOf(functions);
  }

  DrlRules(String packageName, List<Rule> rules) {
    this(packageName, rules, List.of());
  }

  static DrlRules of(String drl) {
    PackageDescr parsed;
    try {
      parsed = new DrlParser().parse(false, drl);
    } catch (DroolsParserException | RuntimeException e) {
      return new DrlRules(DEFAULT_PACKAGE, List.of()); // the compiler says what is wrong
    }
    if (parsed == null) {
      return new DrlRules(DEFAULT_PACKAGE, List.of());
    }
    List<Rule> rules = new ArrayList<>();
    for (RuleDescr r : parsed.getRules()) {
      if (r.getName() != null && !r.isQuery()) {
        AttributeDescr group = r.getAttributes().get("agenda-group");
        rules.add(
            new Rule(
                r.getName(),
                r.getLine(),
                Math.max(r.getLine(), r.getEndLine()),
                group == null ? null : group.getValue()));
      }
    }
    List<Function> functions = new ArrayList<>();
    for (FunctionDescr f : parsed.getFunctions()) {
      if (f.getName() != null) {
        functions.add(new Function(f.getName(), f.getLine()));
      }
    }
    String name = parsed.getName();
    return new DrlRules(name == null || name.isBlank() ? DEFAULT_PACKAGE : name, rules, functions);
  }
}
