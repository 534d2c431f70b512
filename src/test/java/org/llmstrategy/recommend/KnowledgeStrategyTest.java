package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.decide;
import static org.llmstrategy.recommend.DeploymentMatrixTest.everythingOpen;
import static org.llmstrategy.recommend.DeploymentMatrixTest.fired;
import static org.llmstrategy.recommend.DeploymentMatrixTest.with;

import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.KnowledgeStrategy;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.TaskType;

/** "Start with RAG. Fine-tune only when RAG cannot achieve the required output quality." */
class KnowledgeStrategyTest {

  @Test
  void factualQuestionsOverDocumentsStartWithRag() {
    Recommendation r = decide(everythingOpen());
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG);
    assertThat(r.knowledge().reasons())
        .anyMatch(s -> s.contains("Factual Q&A"))
        .anyMatch(s -> s.contains("Hallucination risk is lower"))
        .noneMatch(s -> s.contains("memorized patterns"));
    assertThat(fired(r)).contains("FactualQaNeedsRetrieval", "StartWithRagOtherwise");
  }

  @Test
  void styleAndFormatWithEnoughExamplesFineTune() {
    Recommendation r =
        decide(with(c -> c.with("taskType", TaskType.STYLE_FORMAT).with("labeledExamples", 500)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.FINE_TUNING);
    assertThat(r.knowledge().reasons()).anyMatch(s -> s.contains("memorized patterns"));
    assertThat(fired(r)).contains("StyleAndFormatNeedFineTuning");
  }

  @Test
  void fineTuningNeededWithTooFewExamplesSaysHowManyToCollect() {
    Recommendation r =
        decide(with(c -> c.with("taskType", TaskType.STYLE_FORMAT).with("labeledExamples", 40)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG);
    assertThat(r.knowledge().examplesToCollect()).isEqualTo(60);
    assertThat(r.knowledge().reasons()).anyMatch(s -> s.contains("collect 60 more labeled"));
  }

  @Test
  void hundredExamplesAreEnough() {
    Recommendation r =
        decide(with(c -> c.with("taskType", TaskType.STYLE_FORMAT).with("labeledExamples", 100)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.FINE_TUNING);
    assertThat(r.knowledge().examplesToCollect()).isZero();
  }

  @Test
  void domainExpertsWithDataGetBoth() {
    Recommendation r =
        decide(with(c -> c.with("taskType", TaskType.DOMAIN_EXPERT).with("labeledExamples", 1000)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG_AND_FINE_TUNING);
  }

  @Test
  void ragMeetingTheQualityBarNeverFineTunes() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("taskType", TaskType.STYLE_FORMAT)
                        .with("labeledExamples", 5000)
                        .with("ragMeetsQualityBar", true)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG);
    assertThat(r.knowledge().examplesToCollect()).isZero();
    assertThat(fired(r)).contains("RagAtQualityBarNeedsNoFineTuning");
  }

  @Test
  void ragBelowTheQualityBarAddsFineTuningToRetrieval() {
    Recommendation r =
        decide(with(c -> c.with("ragMeetsQualityBar", false).with("labeledExamples", 200)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG_AND_FINE_TUNING);
    assertThat(fired(r)).contains("RagBelowQualityBarNeedsFineTuning");
  }

  @Test
  void realTimeKnowledgeNeedsRetrievalEvenForStyle() {
    Recommendation r =
        decide(
            with(
                c ->
                    c.with("taskType", TaskType.STYLE_FORMAT)
                        .with("knowledgeUpdates", KnowledgeUpdates.REAL_TIME)
                        .with("labeledExamples", 300)));
    assertThat(r.knowledge().recommendation()).isEqualTo(KnowledgeStrategy.RAG_AND_FINE_TUNING);
    assertThat(fired(r)).contains("RealTimeKnowledgeNeedsRetrieval");
  }

  @Test
  void aTightLatencyBudgetWarnsAboutRetrievalLatency() {
    Recommendation r = decide(with(c -> c.with("latencyBudgetMs", 300)));
    assertThat(r.knowledge().reasons()).anyMatch(s -> s.contains("Retrieval adds 100-500 ms"));
    Recommendation relaxed = decide(with(c -> c.with("latencyBudgetMs", 5000)));
    assertThat(relaxed.knowledge().reasons()).noneMatch(s -> s.contains("Retrieval adds"));
  }
}
