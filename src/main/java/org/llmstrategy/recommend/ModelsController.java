package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /models: the catalog of the active rule set, filtered and paged. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Models", description = "The model catalog")
class ModelsController {
  private final Recommender recommender;

  ModelsController(Recommender recommender) {
    this.recommender = recommender;
  }

  @Operation(
      summary = "The model catalog",
      description =
          "The models of rules/models/ModelCatalog.drl.xlsx that meet the filters, a page at a"
              + " time (50 by default, at most 500), in the catalog's order. monthlyUsd and"
              + " costPerTaskUsd are null here: they belong to a recommendation's candidates. A"
              + " model whose quality or context window is unknown meets no minimum.")
  @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
  ModelPage models(
      @Parameter(description = "Provider, capitals aside", example = "OpenAI")
          @RequestParam(required = false)
          String provider,
      @Parameter(description = "OPEN, OPEN_WEIGHT or CLOSED") @RequestParam(required = false)
          String license,
      @Parameter(description = "MEDIUM, MEDIUM_HIGH, HIGH or VERY_HIGH")
          @RequestParam(required = false)
          String minQuality,
      @Parameter(description = "At least this context window (tokens)")
          @RequestParam(required = false)
          String minContextWindowTokens,
      @Parameter(description = "Part of the model's name, capitals aside")
          @RequestParam(required = false)
          String q,
      @Parameter(description = "The page, from 0") @RequestParam(required = false) String page,
      @Parameter(description = "Models per page, 1 to 500 (default 50)")
          @RequestParam(required = false)
          String size) {
    return ModelQuery.of(provider, license, minQuality, minContextWindowTokens, q, page, size)
        .apply(recommender.catalog());
  }
}
