package org.llmstrategy.recommend.sweep;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.llmstrategy.problems.Problem;
import org.llmstrategy.recommend.RecommendApi;

/** The documented contract of POST /recommend/sweep (the body is read raw, by SweepReader). */
@Tag(name = "Recommend", description = "Build, buy or fine-tune: one decision per request")
interface SweepApi {
  String EXAMPLE =
      """
      {
        "criteria": {
          "dataSensitivity": "INTERNAL",
          "timeToProduction": "MONTHS",
          "upfrontBudgetUsd": 750000,
          "mlEngineers": 3,
          "infraEngineers": 3,
          "referenceModel": "GPT-4o"
        },
        "field": "monthlyTokens",
        "from": 1000000,
        "to": 100000000000,
        "points": 100
      }
      """;

  @Operation(
      operationId = "sweep",
      summary = "Decide a request along one field: the answer and every option's cost per value",
      description =
          "Decides the criteria at each value of one numeric field (monthlyTokens on a log scale"
              + " by default) with one rule set, and names every value at which the"
              + " recommendation or the cheaper option changes, narrowed down to the field's step."
              + " At most 200 points; every invalid field is named at once, as for /recommend.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = SweepRequest.class),
              examples =
                  @ExampleObject(
                      name = "volume",
                      summary = "Monthly volume from 1M to 100B tokens, 100 points",
                      value = EXAMPLE)))
  @ApiResponse(
      responseCode = "200",
      description = "One decision per value, and where the answer changes",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = SweepResult.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Malformed JSON or invalid fields, the criteria's named criteria.<field>: errors[]"
              + " names every one",
      content =
          @Content(
              mediaType = RecommendApi.PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The body exceeds 64 KiB",
      content =
          @Content(
              mediaType = RecommendApi.PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not application/json",
      content =
          @Content(
              mediaType = RecommendApi.PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class)))
  SweepResult sweep(InputStream body) throws IOException;
}
