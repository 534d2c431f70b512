package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.llmstrategy.facts.Approach;
import org.llmstrategy.facts.KnowledgeStrategy;
import org.llmstrategy.recommend.Deployment.Exclusion;

/** RAG, fine-tuning or both: the article's decision rule applied to the submitted task. */
@Schema(name = "Knowledge")
public record Knowledge(
    @Schema(
            description =
                "The strategy; null only when the task needs an approach the constraints rule out",
            nullable = true)
        KnowledgeStrategy recommendation,
    @Schema(
            description =
                "Why, and the trade-offs to weigh, in the article's words; each says what it does:"
                    + " (needed), (ruled out: beats needed), (overruled), (cannot work),"
                    + " (trade-off)")
        List<String> reasons,
    @Schema(
            description =
                "When fine-tuning is needed but there are too few labeled examples: how many more"
                    + " to collect; 0 otherwise")
        int examplesToCollect,
    @Schema(description = "False when the task needs an approach the constraints rule out")
        boolean feasible,
    @Schema(
            description =
                "When not feasible: per approach, the submitted constraints that exclude it and"
                    + " what would have to change (the shape of deployment.conflicts)")
        List<KnowledgeConflict> conflicts,
    @Schema(
            description =
                "The trade-offs among the reasons, each with the approach it belongs to, so a"
                    + " reader can set them side by side as the article's table does")
        List<TradeOff> tradeOffs) {

  /** One trade-off of an approach the strategy uses, in the article's words. */
  @Schema(name = "KnowledgeTradeOff")
  public record TradeOff(Approach approach, String text) {}

  /** An approach the task needs and what excludes it. */
  @Schema(name = "KnowledgeConflict")
  public record KnowledgeConflict(Approach option, List<Exclusion> excludedBy) {}
}
