package org.llmstrategy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs facts through the active rule set. The active set is one volatile reference: a request reads
 * it once, so it sees exactly one version from start to end.
 */
public class RuleEngine {
  private volatile RuleSet active;
  private final int initialScenarioCount;

  public RuleEngine(RuleSet initial) {
    this(initial, 0);
  }

  public RuleEngine(RuleSet initial, int scenarioCount) {
    this.active = Objects.requireNonNull(initial);
    this.initialScenarioCount = scenarioCount;
  }

  /** How many scenarios the rule set active at start-up passed. */
  int activeScenarioCount() {
    return initialScenarioCount;
  }

  public RuleSet active() {
    return active;
  }

  /** Makes {@code next} the rule set every later request uses. */
  public void activate(RuleSet next) {
    this.active = Objects.requireNonNull(next);
  }

  public Evaluation evaluate(List<?> facts) {
    return evaluate(active, facts);
  }

  /** Runs the facts through one given rule set; a fresh session per call, disposed at the end. */
  public static Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
    List<Evaluation.Inserted> inserted = new ArrayList<>();
    List<FiredRule> fired = new ArrayList<>();
    KieSession session = ruleSet.kieBase().newKieSession();
    try {
      session.addEventListener(
          new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
              var rule = event.getRule();
              if (rule != null) {
                inserted.add(
                    new Evaluation.Inserted(
                        rule.getName(),
                        ruleSet.sourceOf(rule.getPackageName(), rule.getName()),
                        event.getObject()));
              }
            }
          });
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
              var rule = event.getMatch().getRule();
              fired.add(
                  new FiredRule(
                      rule.getName(), ruleSet.sourceOf(rule.getPackageName(), rule.getName())));
            }
          });
      facts.forEach(session::insert);
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return new Evaluation(ruleSet.version(), inserted, fired);
  }
}
