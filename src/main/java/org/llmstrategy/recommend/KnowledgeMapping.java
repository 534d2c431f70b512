package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmstrategy.facts.Approach;
import org.llmstrategy.facts.ApproachOutOfReach;
import org.llmstrategy.facts.KnowledgeRemedy;
import org.llmstrategy.facts.KnowledgeSignal;
import org.llmstrategy.facts.KnowledgeSignal.Kind;
import org.llmstrategy.facts.KnowledgeStrategy;
import org.llmstrategy.facts.KnowledgeVerdict;
import org.llmstrategy.facts.MissingExamples;
import org.llmstrategy.facts.NeededApproach;
import org.llmstrategy.recommend.Deployment.Exclusion;
import org.llmstrategy.recommend.Knowledge.KnowledgeConflict;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluation.Inserted;

/** Reads the knowledge rules' result facts into the {@code knowledge} part of the answer. */
final class KnowledgeMapping {
  private KnowledgeMapping() {}

  /** One pass over the facts: this runs for every request. */
  static Knowledge from(Evaluation e) {
    KnowledgeVerdict verdict = null;
    int missing = 0;
    Inserted missingBy = null;
    Inserted outOfReachBy = null;
    List<Inserted> signals = new ArrayList<>();
    List<Approach> needed = new ArrayList<>();
    List<Approach> ruledOut = new ArrayList<>();
    for (Inserted i : e.inserted()) {
      Object fact = i.fact();
      if (fact instanceof KnowledgeVerdict v && verdict == null) {
        verdict = v;
      } else if (fact instanceof MissingExamples m && m.approach() == Approach.FINE_TUNING) {
        missing = Math.max(missing, m.count());
        missingBy = i;
      } else if (fact instanceof ApproachOutOfReach o && o.approach() == Approach.FINE_TUNING) {
        outOfReachBy = i;
      } else if (fact instanceof NeededApproach n) {
        needed.add(n.approach());
      } else if (fact instanceof KnowledgeSignal s) {
        signals.add(i);
        if (s.kind() == Kind.RULED_OUT) {
          ruledOut.add(s.approach());
        }
      }
    }
    boolean feasible = verdict == null || verdict.feasible();
    KnowledgeStrategy strategy =
        verdict == null ? KnowledgeStrategy.RAG : feasible ? verdict.strategy() : null;
    List<Approach> used =
        strategy == null
            ? List.of()
            : switch (strategy) {
              case RAG -> List.of(Approach.RAG);
              case FINE_TUNING -> List.of(Approach.FINE_TUNING);
              case RAG_AND_FINE_TUNING -> List.of(Approach.RAG, Approach.FINE_TUNING);
            };
    List<String> reasons = new ArrayList<>();
    for (Inserted i : signals) {
      KnowledgeSignal s = (KnowledgeSignal) i.fact();
      switch (s.kind()) {
        case NEEDED ->
            reasons.add(
                (ruledOut.contains(s.approach()) ? "(overruled) " : "(needed) ") + s.text());
        case RULED_OUT -> reasons.add("(ruled out: beats needed) " + s.text());
        case IMPOSSIBLE -> reasons.add("(cannot work) " + s.text());
        case TRADE_OFF -> {}
      }
    }
    String missingText =
        "Fine-tuning is needed but not yet possible: collect " + missing + " more labeled examples";
    if (missing > 0) {
      reasons.add("(needed) " + missingText);
    }
    if (outOfReachBy != null) {
      reasons.add("(needed) " + ((ApproachOutOfReach) outOfReachBy.fact()).because());
    }
    List<Knowledge.TradeOff> tradeOffs = new ArrayList<>();
    for (Inserted i : signals) {
      KnowledgeSignal s = (KnowledgeSignal) i.fact();
      if (s.kind() == Kind.TRADE_OFF && used.contains(s.approach())) {
        reasons.add("(trade-off) " + s.text());
        tradeOffs.add(new Knowledge.TradeOff(s.approach(), s.text()));
      }
    }
    List<KnowledgeConflict> conflicts = List.of();
    if (!feasible) {
      conflicts = conflicts(e, signals, needed, missingBy, missingText, outOfReachBy);
    }
    return new Knowledge(
        strategy, List.copyOf(reasons), missing, feasible, conflicts, List.copyOf(tradeOffs));
  }

  /** Each approach the task needs (or falls back to) and the rules that stop it. */
  private static List<KnowledgeConflict> conflicts(
      Evaluation e,
      List<Inserted> signals,
      List<Approach> needed,
      Inserted missingBy,
      String missingText,
      Inserted outOfReachBy) {
    Map<Approach, List<Exclusion>> byApproach = new LinkedHashMap<>();
    for (Inserted i : signals) {
      KnowledgeSignal s = (KnowledgeSignal) i.fact();
      if (s.kind() == Kind.IMPOSSIBLE) {
        byApproach
            .computeIfAbsent(s.approach(), a -> new ArrayList<>())
            .add(DeploymentMapping.exclusion(i, s.text(), remedy(e, i)));
      }
    }
    if (missingBy != null && needed.contains(Approach.FINE_TUNING)) {
      byApproach
          .computeIfAbsent(Approach.FINE_TUNING, a -> new ArrayList<>())
          .add(DeploymentMapping.exclusion(missingBy, missingText, null));
    }
    if (outOfReachBy != null) {
      byApproach
          .computeIfAbsent(Approach.FINE_TUNING, a -> new ArrayList<>())
          .add(
              DeploymentMapping.exclusion(
                  outOfReachBy, ((ApproachOutOfReach) outOfReachBy.fact()).because(), null));
    }
    List<KnowledgeConflict> conflicts = new ArrayList<>();
    byApproach.forEach((a, x) -> conflicts.add(new KnowledgeConflict(a, List.copyOf(x))));
    return List.copyOf(conflicts);
  }

  private static String remedy(Evaluation e, Inserted signal) {
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof KnowledgeRemedy r && i.rule().equals(signal.rule())) {
        return r.change();
      }
    }
    return null;
  }
}
