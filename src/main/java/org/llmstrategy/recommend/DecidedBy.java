package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.llmstrategy.facts.ApproachOutOfReach;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.CostPremium;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.KnowledgeSignal;
import org.llmstrategy.facts.KnowledgeVerdict;
import org.llmstrategy.facts.MissingExamples;
import org.llmstrategy.facts.Preference;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluation.Inserted;

/**
 * The rules that decided an answer, in firing order, each once: blockers, preferences, the
 * knowledge signals that needed, ruled out or stopped an approach, the verdicts and the cost rules.
 * Catalog publication, eligibility bookkeeping, trade-offs and candidate plumbing stay in the full
 * trace ({@code firedRules}).
 */
final class DecidedBy {
  private DecidedBy() {}

  static List<Recommendation.FiredRuleView> from(Evaluation e) {
    Set<String> seen = new LinkedHashSet<>();
    List<Recommendation.FiredRuleView> decided = new ArrayList<>();
    for (Inserted i : e.inserted()) {
      if (decides(i.fact()) && seen.add(i.rule())) {
        decided.add(
            new Recommendation.FiredRuleView(
                i.rule(),
                new Recommendation.Source(
                    i.source().file(), i.source().sheet(), i.source().row())));
      }
    }
    return List.copyOf(decided);
  }

  private static boolean decides(Object fact) {
    return fact instanceof Blocker
        || fact instanceof Preference
        || fact instanceof DeploymentVerdict
        || fact instanceof KnowledgeVerdict
        || fact instanceof MissingExamples
        || fact instanceof ApproachOutOfReach
        || fact instanceof CostEstimate
        || fact instanceof CostPremium
        || (fact instanceof KnowledgeSignal s && s.kind() != KnowledgeSignal.Kind.TRADE_OFF);
  }
}
