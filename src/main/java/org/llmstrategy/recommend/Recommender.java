package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.facts.Candidate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.rules.Evaluation;
import org.llmstrategy.rules.RuleEngine;
import org.llmstrategy.rules.RuleSet;

/** Turns criteria into a recommendation: one run of the rules, one mapping of what they found. */
public class Recommender {
  private final RuleEngine engine;

  public Recommender(RuleEngine engine) {
    this.engine = engine;
  }

  public Recommendation recommend(Criteria criteria) {
    return recommend(engine.active(), criteria);
  }

  /** Decides with a given rule set: used for candidates and scenarios before activation. */
  public static Recommendation recommend(RuleSet ruleSet, Criteria criteria) {
    List<Object> facts = new ArrayList<>();
    facts.add(criteria);
    for (Option o : Option.values()) {
      facts.add(new Candidate(o));
    }
    Evaluation e = RuleEngine.evaluate(ruleSet, facts);
    return new Recommendation(
        e.rulesVersion(),
        DeploymentMapping.from(e),
        e.firedRules().stream().map(Recommendation.FiredRuleView::of).toList());
  }
}
