package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/** One page of the catalog models that meet the filters of {@code GET /models}. */
@Schema(name = "ModelPage")
record ModelPage(
    @Schema(requiredMode = RequiredMode.REQUIRED) List<ModelView> models,
    @Schema(description = "The page, from 0", requiredMode = RequiredMode.REQUIRED) int page,
    @Schema(description = "Models per page", requiredMode = RequiredMode.REQUIRED) int size,
    @Schema(
            description = "How many models meet the filters, on all pages",
            requiredMode = RequiredMode.REQUIRED)
        long totalElements) {}
