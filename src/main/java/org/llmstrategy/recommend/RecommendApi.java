package org.llmstrategy.recommend;

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
import org.llmstrategy.recommend.request.CriteriaRequest;

/**
 * The documented contract of POST /recommend, kept apart from the controller so that the controller
 * shows only what it does. The body is read raw (see {@link CriteriaReader}), so its schema is
 * declared here rather than inferred.
 */
@Tag(name = "Recommend", description = "Build, buy or fine-tune: one decision per request")
public interface RecommendApi {
  String PROBLEM_JSON = "application/problem+json";

  /** Same as src/test/resources/examples/recommend-request.json; OpenApiContractTest checks. */
  String EXAMPLE =
      """
      {
        "dataSensitivity": "CONFIDENTIAL",
        "monthlyTokens": 2000000000,
        "timeToProduction": "MONTHS",
        "upfrontBudgetUsd": 750000,
        "mlEngineers": 3,
        "infraEngineers": 3,
        "latencyBudgetMs": 300,
        "customization": "DOMAIN_ADAPTATION",
        "taskType": "DOMAIN_EXPERT",
        "knowledgeUpdates": "PERIODIC",
        "labeledExamples": 5000,
        "referenceModel": "GPT-4o",
        "minQuality": "HIGH",
        "tokensPerTask": 3000,
        "expectedAttempts": {"GPT-4o": 1.2}
      }
      """;

  String INVALID_EXAMPLE =
      """
      {
        "type": "https://llm-strategy.example/problems/invalid-request",
        "title": "Invalid request",
        "status": 400,
        "detail": "Some fields are invalid; see errors.",
        "instance": "/recommend",
        "errors": [
          {"field": "dataSensitivity",
           "message": "must be one of PUBLIC, INTERNAL, CONFIDENTIAL, REGULATED"},
          {"field": "monthlyTokens", "message": "must be an integer, without a fraction or exponent"},
          {"field": "montlyToken", "message": "is not a field of this request; did you mean monthlyTokens?"}
        ]
      }
      """;

  String TOO_LARGE_EXAMPLE =
      """
      {
        "type": "https://llm-strategy.example/problems/request-too-large",
        "title": "Request too large",
        "status": 413,
        "detail": "The request body exceeds 64 KiB.",
        "instance": "/recommend"
      }
      """;

  String UNSUPPORTED_EXAMPLE =
      """
      {
        "type": "https://llm-strategy.example/problems/unsupported-media-type",
        "title": "Unsupported media type",
        "status": 415,
        "detail": "Send the request body as application/json.",
        "instance": "/recommend"
      }
      """;

  @Operation(
      operationId = "recommend",
      summary = "Recommend a deployment option for an LLM use case",
      description =
          "Runs the submitted situation through the active rule set. Every invalid field is named"
              + " at once; nothing is silently ignored or coerced.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CriteriaRequest.class),
              examples =
                  @ExampleObject(
                      name = "confidential-data-in-months",
                      summary = "Confidential data, 2 billion tokens a month, months to go live",
                      value = EXAMPLE)))
  @ApiResponse(
      responseCode = "200",
      description = "The decision, the rules that made it and where they are written",
      headers = {
        @io.swagger.v3.oas.annotations.headers.Header(
            name = "X-Decision-Id",
            description =
                "The id of this decision on record (GET /decisions/{id}); absent when records are"
                    + " off",
            schema = @Schema(type = "string", format = "uuid")),
        @io.swagger.v3.oas.annotations.headers.Header(
            name = "Location",
            description = "/decisions/{id}: where the answer is kept, exactly as served",
            schema = @Schema(type = "string"))
      },
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Recommendation.class)))
  @ApiResponse(
      responseCode = "400",
      description = "Malformed JSON, or invalid fields: errors[] names every one",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid-fields", value = INVALID_EXAMPLE)))
  @ApiResponse(
      responseCode = "413",
      description = "The body exceeds 64 KiB",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "request-too-large", value = TOO_LARGE_EXAMPLE)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not application/json",
      content =
          @Content(
              mediaType = PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(name = "unsupported-media-type", value = UNSUPPORTED_EXAMPLE)))
  @ApiResponse(
      responseCode = "503",
      description =
          "The decision did not end within its deadline (decision-not-made, naming the rule set;"
              + " other requests are answered meanwhile), or it could not be kept on record"
              + " (decision-not-recorded, naming the database): never an answer without its"
              + " record",
      content =
          @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
  org.springframework.http.ResponseEntity<byte[]> recommend(
      InputStream body,
      @io.swagger.v3.oas.annotations.Parameter(
              description =
                  "flips: add deployment.flips, the nearest value of each input at which the"
                      + " recommendation changes (some 50 more rule runs per answer)",
              schema = @Schema(allowableValues = {"flips"}))
          String explain)
      throws IOException;
}
