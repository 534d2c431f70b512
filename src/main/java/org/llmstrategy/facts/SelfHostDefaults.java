package org.llmstrategy.facts;

import java.math.BigDecimal;

/**
 * The self-host constants of {@code settings/Constants.drl.xlsx}: what a sized self-host setup
 * assumes where the request's {@code selfHost} says nothing. Null when the folder has no constants
 * workbook (then a request's quote must give each figure itself).
 *
 * @param servingHoursPerMonth hours a month the GPUs are reserved and serve (730: around the clock)
 * @param utilisation share of the serving hours the GPUs are busy
 * @param electricityUsdPerKwh what bought GPUs' electricity costs
 * @param gpusPerEngineer GPUs one engineer runs: labour grows with the fleet beyond the minimum
 *     team
 * @param rentedBillAboveGpuRent share a rented setup's bill runs above the GPU rent (egress,
 *     storage)
 */
public record SelfHostDefaults(
    BigDecimal servingHoursPerMonth,
    BigDecimal utilisation,
    BigDecimal electricityUsdPerKwh,
    int gpusPerEngineer,
    BigDecimal rentedBillAboveGpuRent) {}
