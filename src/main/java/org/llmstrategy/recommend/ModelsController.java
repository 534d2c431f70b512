package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.llmstrategy.problems.Problem;
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
  @ApiResponse(
      responseCode = "200",
      description = "The page of models that meet the filters",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ModelPage.class)))
  @ApiResponse(
      responseCode = "400",
      description = "Invalid parameters: errors[] names every one",
      content =
          @Content(
              mediaType = RecommendApi.PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class)))
  @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
  ModelPage models(
      @Parameter(description = "Provider, capitals aside", example = "OpenAI")
          @RequestParam(required = false)
          String provider,
      @Parameter(
              description = "Only models of this license",
              schema = @Schema(allowableValues = {"OPEN", "OPEN_WEIGHT", "CLOSED"}))
          @RequestParam(required = false)
          String license,
      @Parameter(
              description = "Only models of at least this quality",
              schema = @Schema(allowableValues = {"MEDIUM", "MEDIUM_HIGH", "HIGH", "VERY_HIGH"}))
          @RequestParam(required = false)
          String minQuality,
      @Parameter(
              description = "At least this context window (tokens)",
              schema = @Schema(type = "integer", format = "int64", minimum = "0"))
          @RequestParam(required = false)
          String minContextWindowTokens,
      @Parameter(
              description = "Part of the model's name, capitals aside",
              schema = @Schema(maxLength = 200))
          @RequestParam(required = false)
          String q,
      @Parameter(
              description = "The page, from 0",
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "0",
                      maximum = "1000000",
                      defaultValue = "0"))
          @RequestParam(required = false)
          String page,
      @Parameter(
              description = "Models per page, 1 to 500 (default 50)",
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "50"))
          @RequestParam(required = false)
          String size) {
    return ModelQuery.of(provider, license, minQuality, minContextWindowTokens, q, page, size)
        .apply(recommender.catalog());
  }
}
