package org.llmstrategy.problems;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.net.URI;
import java.util.List;

/**
 * The shape of every error body, for the published contract only: {@link ProblemAdvice} answers
 * with Spring's ProblemDetail, whose extra properties (errors) have no place in its own schema.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: every error answer of the service")
public record Problem(
    @Schema(
            description = "Identifies the kind of problem; stable",
            requiredMode = RequiredMode.REQUIRED,
            example = "https://llm-strategy.example/problems/invalid-request")
        URI type,
    @Schema(
            description = "A short summary of the kind of problem",
            requiredMode = RequiredMode.REQUIRED,
            example = "Invalid request")
        String title,
    @Schema(description = "The HTTP status", requiredMode = RequiredMode.REQUIRED, example = "400")
        int status,
    @Schema(
            description = "What went wrong, for a person",
            requiredMode = RequiredMode.REQUIRED,
            example = "Some fields are invalid; see errors.")
        String detail,
    @Schema(
            description = "The request path: a URI reference, relative to the service",
            format = "uri-reference",
            example = "/recommend")
        URI instance,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "For 400 only: every invalid field, in the order of the request's fields;"
                            + " unknown fields last"))
        List<FieldProblem> errors) {}
