package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A GPU type of the GPU table ({@code cost/Gpus.drl.xlsx}): its memory, its power, what one
 * GPU-hour rents for and what one GPU costs to buy, with where those figures come from. A null is
 * an empty cell: not known, so that way of paying cannot be priced without the client's own figure.
 */
public record Gpu(
    String name,
    BigDecimal memoryGb,
    Long watts,
    BigDecimal rentUsdPerHour,
    BigDecimal purchaseUsd,
    String source,
    LocalDate checkedOn) {}
