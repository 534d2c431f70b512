package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.facts.Approach;
import org.llmstrategy.facts.KnowledgeSignal;
import org.llmstrategy.facts.KnowledgeStrategy;
import org.llmstrategy.facts.KnowledgeVerdict;
import org.llmstrategy.facts.MissingExamples;
import org.llmstrategy.rules.Evaluation;

/** Reads the knowledge rules' result facts into the {@code knowledge} part of the answer. */
final class KnowledgeMapping {
  private KnowledgeMapping() {}

  /** One pass over the facts: this runs for every request. */
  static KnowledgeAdvice from(Evaluation e) {
    KnowledgeVerdict verdict = null;
    int missing = 0;
    List<KnowledgeSignal> signals = new ArrayList<>();
    for (Evaluation.Inserted i : e.inserted()) {
      Object fact = i.fact();
      if (fact instanceof KnowledgeVerdict v && verdict == null) {
        verdict = v;
      } else if (fact instanceof MissingExamples m && m.approach() == Approach.FINE_TUNING) {
        missing = Math.max(missing, m.count());
      } else if (fact instanceof KnowledgeSignal s) {
        signals.add(s);
      }
    }
    KnowledgeStrategy strategy = verdict == null ? KnowledgeStrategy.RAG : verdict.strategy();
    List<Approach> used =
        switch (strategy) {
          case RAG -> List.of(Approach.RAG);
          case FINE_TUNING -> List.of(Approach.FINE_TUNING);
          case RAG_AND_FINE_TUNING -> List.of(Approach.RAG, Approach.FINE_TUNING);
        };
    List<String> reasons = new ArrayList<>();
    for (KnowledgeSignal s : signals) {
      if (s.kind() != KnowledgeSignal.Kind.TRADE_OFF) {
        reasons.add(s.text());
      }
    }
    if (missing > 0) {
      reasons.add(
          "Fine-tuning is needed but not yet possible: collect "
              + missing
              + " more labeled examples");
    }
    for (KnowledgeSignal s : signals) {
      if (s.kind() == KnowledgeSignal.Kind.TRADE_OFF && used.contains(s.approach())) {
        reasons.add(s.text());
      }
    }
    return new KnowledgeAdvice(strategy, List.copyOf(reasons), missing);
  }
}
