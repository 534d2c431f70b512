package org.llmstrategy.records;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.llmstrategy.facts.Option;
import org.llmstrategy.recommend.DecisionLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every answered decision (POST /recommend waits for the commit before it answers): a new
 * time-ordered id, the time by the service's clock, the rules version and the commit it came from,
 * the request as read and the answer as served.
 */
final class DecisionRecords implements DecisionLog {
  private final GroupCommit writer;
  private final Clock clock;
  private final Function<String, String> commitOf;
  private final JsonMapper json;
  private final DecisionIds ids = new DecisionIds();

  /**
   * @param commitOf the Git commit of a rules version, when it is the active one and came from Git
   */
  DecisionRecords(
      GroupCommit writer, Clock clock, Function<String, String> commitOf, JsonMapper json) {
    this.writer = writer;
    this.clock = clock;
    this.commitOf = commitOf;
    this.json = json;
  }

  @Override
  public String keep(
      String rulesVersion, Option recommendation, boolean flips, JsonNode request, byte[] answer) {
    // micros: what both databases keep, so the time read back is the time given
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    UUID id = ids.next(at.toEpochMilli());
    writer.write(
        new DecisionRecord(
            id,
            at,
            rulesVersion,
            commitOf.apply(rulesVersion),
            recommendation == null ? null : recommendation.name(),
            flips ? "flips" : null,
            json.writeValueAsBytes(request),
            answer));
    return id.toString();
  }
}
