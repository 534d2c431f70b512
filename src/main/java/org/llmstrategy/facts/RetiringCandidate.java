package org.llmstrategy.facts;

import java.time.LocalDate;

/** A candidate model that retires within the rules' horizon, on {@code retirementDate}. */
public record RetiringCandidate(String model, LocalDate retirementDate) {}
