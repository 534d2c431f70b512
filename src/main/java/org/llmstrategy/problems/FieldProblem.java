package org.llmstrategy.problems;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** One invalid field of a request; {@code field} is empty when the body as a whole is at fault. */
@Schema(name = "FieldProblem")
public record FieldProblem(
    @Schema(
            description =
                "The request field, e.g. monthlyTokens or expectedAttempts[GPT-4o]; empty for the"
                    + " body as a whole",
            requiredMode = RequiredMode.REQUIRED,
            example = "monthlyTokens")
        String field,
    @Schema(
            description = "What is wrong with it",
            requiredMode = RequiredMode.REQUIRED,
            example = "must be at most 1000000000000000")
        String message) {

  public static FieldProblem ofBody(String message) {
    return new FieldProblem("", message);
  }
}
