package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * The client's own self-host quote ({@code selfHost} in the request): every part optional, what is
 * left out comes from the cost workbooks (the serving and GPU tables and the self-host constants).
 *
 * @param model a catalog open model (default: the cheapest that meets the filters)
 * @param gpu a GPU of the GPU table (default: the cheapest that serves the model)
 * @param gpuCount GPUs in one replica (default: the fewest that hold the model)
 * @param tokensPerSecond what one replica of {@code gpuCount} GPUs serves a second
 */
public record SelfHostInputs(
    String model,
    String gpu,
    Integer gpuCount,
    Hardware hardware,
    BigDecimal gpuHourlyUsd,
    BigDecimal gpuPriceUsd,
    Integer gpuWatts,
    BigDecimal tokensPerSecond,
    BigDecimal servingHoursPerMonth,
    BigDecimal utilisation,
    BigDecimal electricityUsdPerKwh) {}
