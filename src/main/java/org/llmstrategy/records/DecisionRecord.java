package org.llmstrategy.records;

import java.time.Instant;
import java.util.UUID;

/**
 * One answered decision as kept: {@code request} and {@code answer} are UTF-8 JSON bytes, the
 * answer exactly as served.
 *
 * @param recommendation the deployment recommended, null when nothing was feasible
 * @param explain what was asked beside the decision ("flips"), null for none
 */
record DecisionRecord(
    UUID id,
    Instant decidedAt,
    String rulesVersion,
    String commit,
    String recommendation,
    String explain,
    byte[] request,
    byte[] answer) {}
