package org.llmstrategy.recommend.request;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.llmstrategy.facts.Hardware;
import org.llmstrategy.facts.SelfHostInputs;

/**
 * {@code selfHost} in a POST /recommend body: the client's own self-host quote, every part optional
 * (contract.md, "Self-hosting economics"). What is left out comes from the cost workbooks.
 */
@Schema(
    name = "SelfHostRequest",
    description =
        "The client's own self-host quote; every field optional, what is left out comes from the"
            + " cost workbooks (GPU and serving tables, self-host constants). Sending it sizes"
            + " self-hosting for a model and GPU instead of the article's 70B staircase.",
    additionalProperties = AdditionalPropertiesValue.FALSE)
public record SelfHostRequest(
    @Schema(
            description =
                "A catalog open model to self-host (default: the cheapest that meets the filters)",
            example = "Llama-3.3-70B")
        @Size(max = 100, message = "must be at most {max} characters")
        String model,
    @Schema(
            description = "A GPU of the GPU table (default: the cheapest that serves the model)",
            example = "A100 80GB")
        @Size(max = 100, message = "must be at most {max} characters")
        String gpu,
    @Schema(
            description = "GPUs in one replica (default: the fewest that hold the model)",
            example = "1")
        @Min(value = 1, message = "must be at least {value}")
        @Max(value = 100000, message = "must be at most {value}")
        Integer gpuCount,
    @Schema(description = "RENT or BUY the GPUs (default RENT)") Hardware hardware,
    @Schema(description = "RENT: price of one GPU-hour, USD", example = "2.95")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @Digits(
            integer = 6,
            fraction = 4,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal gpuHourlyUsd,
    @Schema(description = "BUY: price of one GPU, USD", example = "15000")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @Digits(
            integer = 9,
            fraction = 2,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal gpuPriceUsd,
    @Schema(description = "BUY: power of one GPU, watts", example = "400")
        @Min(value = 1, message = "must be at least {value}")
        @Max(value = 100000, message = "must be at most {value}")
        Integer gpuWatts,
    @Schema(description = "Tokens one replica serves per second", example = "190")
        @DecimalMin(value = "0.001", message = "must be at least {value}")
        @Digits(
            integer = 9,
            fraction = 3,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal tokensPerSecond,
    @Schema(
            description = "Hours a month the GPUs serve (default 730: around the clock)",
            example = "176")
        @DecimalMin(value = "1", message = "must be at least {value}")
        @DecimalMax(value = "744", message = "must be at most {value}")
        @Digits(
            integer = 3,
            fraction = 2,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal servingHoursPerMonth,
    @Schema(description = "Share of the serving hours the setup is busy", example = "0.5")
        @DecimalMin(value = "0.01", message = "must be at least {value}")
        @DecimalMax(value = "1", message = "must be at most {value}")
        @Digits(
            integer = 1,
            fraction = 4,
            message = "must have at most {fraction} digits after the point")
        BigDecimal utilisation,
    @Schema(description = "BUY: electricity, USD per kWh", example = "0.15")
        @DecimalMin(value = "0", message = "must be at least {value}")
        @DecimalMax(value = "10", message = "must be at most {value}")
        @Digits(
            integer = 2,
            fraction = 4,
            message = "must have at most {integer} digits before and {fraction} after the point")
        BigDecimal electricityUsdPerKwh) {

  /** The quote as the rules' fact holds it. */
  SelfHostInputs toInputs() {
    return new SelfHostInputs(
        model,
        gpu,
        gpuCount,
        hardware,
        CriteriaMapping.plain(gpuHourlyUsd),
        CriteriaMapping.plain(gpuPriceUsd),
        gpuWatts,
        CriteriaMapping.plain(tokensPerSecond),
        CriteriaMapping.plain(servingHoursPerMonth),
        CriteriaMapping.plain(utilisation),
        CriteriaMapping.plain(electricityUsdPerKwh));
  }
}
