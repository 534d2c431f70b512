package org.llmstrategy.recommend.sensitivity;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import org.llmstrategy.recommend.request.CriteriaRequest;

/**
 * The body of POST /recommend/sensitivity, for the published contract only: it is read raw by
 * {@link SensitivityReader}, so that every problem is named at once, the criteria's as {@code
 * criteria.<field>}.
 */
@Schema(
    name = "SensitivityRequest",
    description =
        "A request's criteria and the share by which each numeric input is moved down and up."
            + " Every problem is named at once, as for /recommend.",
    additionalProperties = AdditionalPropertiesValue.FALSE)
public record SensitivityRequest(
    @Schema(description = "A /recommend request", requiredMode = RequiredMode.REQUIRED)
        CriteriaRequest criteria,
    @Schema(
            description =
                "The share each input is moved by, down and up: 0.2 moves 1,000 to 800 and 1,200."
                    + " Above 0, at most 1",
            defaultValue = "0.2",
            minimum = "0",
            exclusiveMinimum = true,
            maximum = "1",
            example = "0.2")
        BigDecimal change) {

  /** The contract's default share: ±20 %. */
  static final BigDecimal DEFAULT_CHANGE = new BigDecimal("0.2");
}
