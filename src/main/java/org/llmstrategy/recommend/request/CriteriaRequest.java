package org.llmstrategy.recommend.request;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;

/**
 * The body of POST /recommend, as contract.md names it. A null component means the field was not
 * sent (or sent as JSON null); {@link CriteriaMapping} applies the defaults. Every message is
 * written out so answers do not change with the server's or the client's locale.
 */
@Schema(
    name = "CriteriaRequest",
    description =
        "The situation to decide for. Unknown fields, wrong types, fractions for integers,"
            + " out-of-range values and unknown enum values are rejected with 400, all at once."
            + " A field sent as null counts as not sent.",
    additionalProperties = AdditionalPropertiesValue.FALSE)
public record CriteriaRequest(
    @Schema(
            description =
                "What the data may do; REGULATED data may not leave the organisation's"
                    + " infrastructure",
            requiredMode = RequiredMode.REQUIRED,
            example = "CONFIDENTIAL")
        @NotNull(message = "is required")
        DataSensitivity dataSensitivity,
    @Schema(
            description = "Expected token volume per month",
            requiredMode = RequiredMode.REQUIRED,
            example = "2000000000")
        @NotNull(message = "is required")
        @Min(value = 0, message = "must be at least {value}")
        @Max(value = CriteriaRequest.MAX_TOKENS, message = "must be at most {value}")
        Long monthlyTokens,
    @Schema(
            description = "How soon it must be live",
            requiredMode = RequiredMode.REQUIRED,
            example = "MONTHS")
        @NotNull(message = "is required")
        TimeToProduction timeToProduction,
    @Schema(
            description =
                "US dollars available before the first request; exact, at most two decimals",
            requiredMode = RequiredMode.REQUIRED,
            example = "750000")
        @NotNull(message = "is required")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @Digits(
            integer = 15,
            fraction = 2,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal upfrontBudgetUsd,
    @Schema(
            description = "ML engineers available",
            defaultValue = "0",
            example = "3",
            maximum = MAX_INT)
        @Min(value = 0, message = "must be at least {value}")
        Integer mlEngineers,
    @Schema(
            description = "Infrastructure / platform engineers available",
            defaultValue = "0",
            example = "3",
            maximum = MAX_INT)
        @Min(value = 0, message = "must be at least {value}")
        Integer infraEngineers,
    @Schema(
            description = "End-to-end latency the product needs, in milliseconds; none if absent",
            example = "300",
            maximum = MAX_INT)
        @Min(value = 1, message = "must be at least {value}")
        Integer latencyBudgetMs,
    @Schema(description = "How far the model must be adapted", defaultValue = "PROMPT_ONLY")
        Customization customization,
    @Schema(description = "What the model mostly does", defaultValue = "FACTUAL_QA")
        TaskType taskType,
    @Schema(description = "How often the underlying knowledge changes", defaultValue = "PERIODIC")
        KnowledgeUpdates knowledgeUpdates,
    @Schema(
            description =
                "Labeled examples available for fine-tuning; absent: unknown (blocks nothing,"
                    + " and fine-tuning says how many it needs), which is not 0 (0 blocks"
                    + " fine-tuning): no default",
            example = "0",
            maximum = MAX_INT)
        @Min(value = 0, message = "must be at least {value}")
        Integer labeledExamples,
    @Schema(
            description =
                "Whether retrieval alone already reaches the required quality, style and"
                    + " format; unknown if absent")
        Boolean ragMeetsQualityBar,
    @Schema(
            description = "The API model that costs are computed for",
            defaultValue = "GPT-4o",
            example = "GPT-4o",
            maxLength = 100)
        @Size(max = 100, message = "must be at most {max} characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String referenceModel,
    @Schema(description = "Only models with at least this context window", example = "128000")
        @Min(value = 1, message = "must be at least {value}")
        Long minContextWindowTokens,
    @Schema(description = "Only models of at least this quality") Quality minQuality,
    @Schema(description = "Only open or open-weight models", defaultValue = "false")
        Boolean requireOpenWeights,
    @Schema(description = "Tokens one task consumes, for the cost per task", example = "3000")
        @Min(value = 1, message = "must be at least {value}")
        @Max(value = CriteriaRequest.MAX_TOKENS, message = "must be at most {value}")
        Long tokensPerTask,
    @Schema(
            description =
                "Average attempts (a number of at least 1) a model needs per successful task,"
                    + " by model name; 1 for a model not named",
            maxProperties = 50,
            example = "{\"GPT-4o\": 1.2}")
        @Size(max = 50, message = "must have at most {max} entries")
        Map<
                @Size(max = 100, message = "model name must be at most {max} characters")
                @Pattern(regexp = "(?s).*\\S.*", message = "model name must not be blank") String,
                @DecimalMin(value = "1", message = "must be at least {value}")
                @Digits(
                    integer = 6,
                    fraction = 6,
                    message =
                        "must have at most {integer} digits before and {fraction} after the point")
                BigDecimal>
            expectedAttempts,
    @Schema(
            description =
                "Share of monthlyTokens that are output tokens (0: every token at the input price, as the article)",
            minimum = "0",
            maximum = "1",
            defaultValue = "0",
            example = "0.3")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @DecimalMax(value = "1", message = "must be at most {value}")
        @Digits(
            integer = 1,
            fraction = 6,
            message = "must have at most {fraction} digits after the point")
        BigDecimal outputTokenShare,
    @Schema(
            description = "Share of the (non-batch) input tokens billed at the cached-input price",
            minimum = "0",
            maximum = "1",
            defaultValue = "0",
            example = "0.4")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @DecimalMax(value = "1", message = "must be at most {value}")
        @Digits(
            integer = 1,
            fraction = 6,
            message = "must have at most {fraction} digits after the point")
        BigDecimal cachedInputShare,
    @Schema(
            description =
                "Share of all tokens sent through a batch API, billed at (1 - batchDiscount) x the normal prices",
            minimum = "0",
            maximum = "1",
            defaultValue = "0",
            example = "0.2")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @DecimalMax(value = "1", message = "must be at most {value}")
        @Digits(
            integer = 1,
            fraction = 6,
            message = "must have at most {fraction} digits after the point")
        BigDecimal batchShare,
    @Schema(
            description =
                "Loaded monthly cost of one engineer, US dollars; labour is counted only when given",
            example = "15000")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @Digits(
            integer = 9,
            fraction = 2,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal engineerMonthlyUsd,
    @Schema(
            description =
                "Months the totals cover (1-120); upfront costs are spread over them in break-even",
            example = "24")
        @Min(value = 1, message = "must be at least {value}")
        @Max(value = 120, message = "must be at most {value}")
        Integer horizonMonths,
    @Schema(
            description =
                "The client's own self-host quote (model, GPU, count, rent or buy, prices, power,"
                    + " throughput, hours, utilisation, electricity); sending it sizes self-hosting"
                    + " for a model and GPU instead of the article's 70B staircase")
        @Valid
        SelfHostRequest selfHost,
    @Schema(
            description =
                "Yearly change of API prices over the horizon, compounded once a year (-0.5: API"
                    + " prices halve every year)",
            minimum = "-0.99",
            maximum = "10",
            defaultValue = "0",
            example = "-0.5")
        @DecimalMin(value = "-0.99", message = "must be at least {value}")
        @DecimalMax(value = "10", message = "must be at most {value}")
        @Digits(
            integer = 2,
            fraction = 4,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal apiPriceChangePerYear,
    @Schema(
            description =
                "Yearly growth of the monthly volume over the horizon, compounded once a year",
            minimum = "-0.99",
            maximum = "100",
            defaultValue = "0",
            example = "1")
        @DecimalMin(value = "-0.99", message = "must be at least {value}")
        @DecimalMax(value = "100", message = "must be at most {value}")
        @Digits(
            integer = 3,
            fraction = 4,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal volumeGrowthPerYear) {

  /** The largest count an integer field takes (a 32-bit int), declared in the contract. */
  static final String MAX_INT = "2147483647";

  /** 10^15: the contract's ceiling for token counts. */
  static final long MAX_TOKENS = 1_000_000_000_000_000L;
}
