package org.llmstrategy.records;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** GET /decisions: one page of decisions on record, newest first. */
public record DecisionPage(
    List<Summary> decisions,
    @Schema(description = "The page, from 0") int page,
    @Schema(description = "Decisions per page") int size,
    @Schema(description = "How many decisions meet the filters, on all pages") long totalElements) {

  /** One decision in a list: enough to pick it; GET /decisions/{id} has the rest. */
  public record Summary(
      @Schema(format = "uuid") String id,
      Instant decidedAt,
      String rulesVersion,
      @Schema(
              nullable = true,
              allowableValues = {"API", "FINE_TUNE", "SELF_HOST"},
              description = "The deployment recommended; null when nothing was feasible")
          String recommendation) {}
}
