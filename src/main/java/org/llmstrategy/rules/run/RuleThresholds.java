package org.llmstrategy.rules.run;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.RuleConditionElement;
import org.drools.modelcompiler.constraints.LambdaConstraint;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The numbers a rule set compares each property with ({@code latencyBudgetMs < 100} gives 100 for
 * latencyBudgetMs), read off the compiled constraints: the thresholds the tables' cells hold,
 * without restating any of them. Read once per rule set and kept by its prepared form.
 */
public final class RuleThresholds {
  private static final Pattern COMPARISON =
      Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*(?:<=|>=|<|>|==|!=)\\s*(-?\\d+(?:\\.\\d+)?)\\b");

  private RuleThresholds() {}

  /** Every number the rule set compares {@code property} with, ascending; empty if none. */
  public static SortedSet<BigDecimal> of(RuleSet ruleSet, String property) {
    return PreparedRuleSet.of(ruleSet)
        .thresholds()
        .getOrDefault(property, Collections.emptySortedSet());
  }

  /** Read once per rule set, by its prepared form. */
  static Map<String, SortedSet<BigDecimal>> read(RuleSet ruleSet) {
    Map<String, SortedSet<BigDecimal>> found = new TreeMap<>();
    for (KiePackage p : ruleSet.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        if (r instanceof RuleImpl impl) {
          collect(impl.getLhs(), found);
        }
      }
    }
    found.replaceAll((k, v) -> Collections.unmodifiableSortedSet(v));
    return Map.copyOf(found);
  }

  private static void collect(RuleConditionElement e, Map<String, SortedSet<BigDecimal>> found) {
    if (e instanceof GroupElement g) {
      for (RuleConditionElement child : g.getChildren()) {
        collect(child, found);
      }
    } else if (e instanceof org.drools.base.rule.Pattern p) {
      for (var c : p.getConstraints()) {
        String text = text(c);
        Matcher m = COMPARISON.matcher(text);
        while (m.find()) {
          found.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(new BigDecimal(m.group(2)));
        }
      }
      if (p.getSource() != null) {
        collect(p.getSource(), found);
      }
    } else {
      for (RuleConditionElement child : nested(e)) {
        collect(child, found);
      }
    }
  }

  private static List<? extends RuleConditionElement> nested(RuleConditionElement e) {
    return e.getNestedElements() == null ? List.of() : e.getNestedElements();
  }

  private static String text(Object constraint) {
    if (constraint instanceof LambdaConstraint l && l.getPredicateInformation() != null) {
      String s = l.getPredicateInformation().getStringConstraint();
      if (s != null) {
        return s;
      }
    }
    return String.valueOf(constraint);
  }
}
