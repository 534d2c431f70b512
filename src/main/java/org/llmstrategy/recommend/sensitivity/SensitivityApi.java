package org.llmstrategy.recommend.sensitivity;

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

/** The documented contract of POST /recommend/sensitivity (the body is read raw). */
@Tag(name = "Recommend", description = "Build, buy or fine-tune: one decision per request")
interface SensitivityApi {
  String EXAMPLE =
      """
      {
        "criteria": {
          "dataSensitivity": "CONFIDENTIAL",
          "monthlyTokens": 2000000000,
          "timeToProduction": "MONTHS",
          "upfrontBudgetUsd": 750000,
          "mlEngineers": 3,
          "infraEngineers": 3,
          "engineerMonthlyUsd": 15000,
          "horizonMonths": 24
        },
        "change": 0.2
      }
      """;

  @Operation(
      operationId = "sensitivity",
      summary =
          "Move each numeric input down and up by a share: each option's total and the verdict",
      description =
          "Decides the criteria as sent and with each numeric input that has a value other than 0"
              + " moved down and up by change (default 0.2, ±20 %), with one rule set: one decision"
              + " plus two per input. Each input lists every option's total over the horizon at"
              + " both ends and the recommendation there, the largest swing first. Every invalid"
              + " field is named at once, as for /recommend.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = SensitivityRequest.class),
              examples =
                  @ExampleObject(
                      name = "tco",
                      summary = "The README's total-cost example, every input ±20 %",
                      value = EXAMPLE)))
  @ApiResponse(
      responseCode = "200",
      description = "Each input moved down and up, largest swing first",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = SensitivityResult.class)))
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
  SensitivityResult sensitivity(InputStream body) throws IOException;
}
