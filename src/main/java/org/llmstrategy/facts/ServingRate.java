package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How fast one setup serves one model, from the serving table ({@code cost/Serving.drl.xlsx}): the
 * fewest GPUs of a type that hold the model at its context (one replica) and the tokens a second
 * that replica serves at the stated input/output mix and latency target. A volume is served by
 * whole replicas.
 */
public record ServingRate(
    String name,
    String model,
    String gpu,
    int gpus,
    BigDecimal tokensPerSecond,
    String precision,
    String conditions,
    String source,
    LocalDate checkedOn) {}
