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

  static KnowledgeAdvice from(Evaluation e) {
    KnowledgeStrategy strategy =
        e.facts(KnowledgeVerdict.class)
            .map(KnowledgeVerdict::strategy)
            .findFirst()
            .orElse(KnowledgeStrategy.RAG);
    List<Approach> used =
        switch (strategy) {
          case RAG -> List.of(Approach.RAG);
          case FINE_TUNING -> List.of(Approach.FINE_TUNING);
          case RAG_AND_FINE_TUNING -> List.of(Approach.RAG, Approach.FINE_TUNING);
        };
    int missing =
        e.facts(MissingExamples.class)
            .filter(m -> m.approach() == Approach.FINE_TUNING)
            .mapToInt(MissingExamples::count)
            .max()
            .orElse(0);
    List<String> reasons = new ArrayList<>();
    e.facts(KnowledgeSignal.class)
        .filter(s -> s.kind() != KnowledgeSignal.Kind.TRADE_OFF)
        .map(KnowledgeSignal::text)
        .forEach(reasons::add);
    if (missing > 0) {
      reasons.add(
          "Fine-tuning is needed but not yet possible: collect "
              + missing
              + " more labeled examples");
    }
    e.facts(KnowledgeSignal.class)
        .filter(s -> s.kind() == KnowledgeSignal.Kind.TRADE_OFF && used.contains(s.approach()))
        .map(KnowledgeSignal::text)
        .forEach(reasons::add);
    return new KnowledgeAdvice(strategy, List.copyOf(reasons), missing);
  }
}
