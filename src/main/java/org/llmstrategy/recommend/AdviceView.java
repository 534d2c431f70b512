package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;

/** One strategic recommendation. */
@Schema(name = "Advice")
public record AdviceView(
    @Schema(example = "API_FIRST") String code,
    @Schema(description = "The article's words, with this request's figures where they apply")
        String text) {}
