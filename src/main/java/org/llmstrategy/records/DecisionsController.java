package org.llmstrategy.records;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.problems.Problem;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.llmstrategy.recommend.request.CriteriaRequest;
import org.llmstrategy.scenarios.AnswerDiff;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /decisions: the decisions on record. A stored answer is served as the bytes that were served
 * then, spliced into the envelope, never parsed and written again.
 */
@RestController
@ConditionalOnBooleanProperty(name = "decision.records.enabled", matchIfMissing = true)
@Tag(name = "Decisions", description = "Every answered decision, kept on record")
class DecisionsController {
  private final DecisionStore store;
  private final Recommender recommender;
  private final CriteriaReader reader;
  private final JsonMapper json;

  DecisionsController(
      DecisionStore store, Recommender recommender, CriteriaReader reader, JsonMapper json) {
    this.store = store;
    this.recommender = recommender;
    this.reader = reader;
    this.json = json;
  }

  @Operation(
      summary = "One decision on record",
      description =
          "The decision as it was made: when, under which rules version and Git commit, the"
              + " request's fields and the answer exactly as it was served (the same bytes).")
  @ApiResponse(
      responseCode = "200",
      description = "The decision on record",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = StoredDecision.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No decision on record has this id (or records are off)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @GetMapping(path = "/decisions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> decision(@PathVariable String id) {
    DecisionRecord r = find(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream(r.answer().length + 512);
    ObjectNode head = json.createObjectNode();
    head.put("id", r.id().toString());
    head.put("decidedAt", r.decidedAt().toString());
    head.put("rulesVersion", r.rulesVersion());
    head.put("commit", r.commit());
    byte[] h = json.writeValueAsBytes(head);
    out.write(h, 0, h.length - 1); // the envelope's fields, without its closing brace
    raw(out, ",\"request\":");
    out.writeBytes(r.request());
    raw(out, ",\"answer\":");
    out.writeBytes(r.answer());
    raw(out, "}");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
  }

  @Operation(
      summary = "A decision on record, decided again by today's rules",
      description =
          "The same request decided by the active rules, on today's date, and what changed, in"
              + " the words of GET /rules' impact (deployment.recommendation: \"API\" →"
              + " \"SELF_HOST\"; models[\"GPT-4o\"].monthlyUsd: 5000.00 → 4000.00; firedRules: now"
              + " fires …). then is the answer as served, byte for byte; nothing is recorded.")
  @ApiResponse(
      responseCode = "200",
      description = "Then, now and what changed",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DecisionNow.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No decision on record has this id (or records are off)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @GetMapping(path = "/decisions/{id}/now", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> now(@PathVariable String id) {
    DecisionRecord r = find(id);
    CriteriaRequest request = reader.read(r.request());
    Criteria criteria = CriteriaMapping.toCriteria(request);
    Recommendation answer =
        "flips".equals(r.explain())
            ? recommender.recommendWithFlips(criteria)
            : recommender.recommend(criteria);
    byte[] now = json.writeValueAsBytes(answer);
    List<String> changes = AnswerDiff.changes(json.readTree(r.answer()), json.readTree(now));
    ByteArrayOutputStream out = new ByteArrayOutputStream(r.answer().length + now.length + 1024);
    raw(out, "{\"then\":");
    out.writeBytes(r.answer());
    raw(out, ",\"now\":");
    out.writeBytes(now);
    raw(out, ",\"changes\":");
    out.writeBytes(json.writeValueAsBytes(changes));
    raw(out, "}");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
  }

  @Operation(
      summary = "The decisions on record",
      description =
          "Newest first, filtered and a page at a time (50 by default, at most 500). from and to"
              + " are dates (UTC days; to is included) or instants (2026-12-01T09:00:00Z; to is"
              + " excluded).")
  @ApiResponse(
      responseCode = "200",
      description = "The page of decisions that meet the filters",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DecisionPage.class)))
  @ApiResponse(
      responseCode = "400",
      description = "Invalid parameters: errors[] names every one",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = Problem.class)))
  @GetMapping(path = "/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
  DecisionPage decisions(
      @Parameter(description = "Decided at or after: a date or an instant", example = "2026-12-01")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Decided before: a date (included) or an instant (excluded)")
          @RequestParam(required = false)
          String to,
      @Parameter(
              description = "Only decisions with this recommendation; INFEASIBLE: nothing feasible",
              schema = @Schema(allowableValues = {"API", "FINE_TUNE", "SELF_HOST", "INFEASIBLE"}))
          @RequestParam(required = false)
          String recommendation,
      @Parameter(
              description = "The page, from 0",
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "0",
                      maximum = "1000000",
                      defaultValue = "0"))
          @RequestParam(required = false)
          String page,
      @Parameter(
              description = "Decisions per page, 1 to 500 (default 50)",
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "500",
                      defaultValue = "50"))
          @RequestParam(required = false)
          String size) {
    DecisionQuery q = DecisionQuery.of(from, to, recommendation, page, size);
    return store.page(q.from(), q.to(), q.recommendation(), q.page(), q.size());
  }

  /** The record, or 404: an id that is not a UUID names no decision either. */
  private DecisionRecord find(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return store.find(uuid).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static void raw(ByteArrayOutputStream out, String ascii) {
    out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /** The shape of GET /decisions/{id}, for the published contract. */
  @Schema(name = "StoredDecision")
  record StoredDecision(
      @Schema(format = "uuid") String id,
      java.time.Instant decidedAt,
      String rulesVersion,
      @Schema(nullable = true, description = "The Git commit of the rules; null for a folder")
          String commit,
      @Schema(description = "The request's fields as read") CriteriaRequest request,
      @Schema(description = "The answer exactly as served") Recommendation answer) {}

  /** The shape of GET /decisions/{id}/now. */
  @Schema(name = "DecisionNow")
  record DecisionNow(
      @Schema(description = "The answer as served then") Recommendation then,
      @Schema(description = "The same request decided by today's rules") Recommendation now,
      @Schema(description = "What changed, one line per difference") List<String> changes) {}
}
