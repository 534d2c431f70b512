package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.llmstrategy.facts.KnowledgeStrategy;

/** RAG, fine-tuning or both: the article's decision rule applied to the submitted task. */
@Schema(name = "Knowledge")
public record KnowledgeAdvice(
    KnowledgeStrategy recommendation,
    @Schema(description = "Why, and the trade-offs to weigh, in the article's words")
        List<String> reasons,
    @Schema(
            description =
                "When fine-tuning is needed but there are too few labeled examples: how many more"
                    + " to collect; 0 otherwise")
        int examplesToCollect) {}
