package org.llmstrategy.recommend;

import org.llmstrategy.facts.Option;
import tools.jackson.databind.JsonNode;

/**
 * Where answered decisions are kept (the records feature implements it): POST /recommend hands over
 * the request it read and the answer exactly as it is about to serve it, and serves it only once
 * this returns, with the id. Kept here, beside its one caller, so that the decision does not depend
 * on how records are stored.
 */
public interface DecisionLog {
  /**
   * Keeps one answered decision and returns its id once it is committed.
   *
   * @param request the request as read (its business fields only: the reader refuses any other)
   * @param answer the bytes served, not serialised again
   * @throws org.llmstrategy.problems.DecisionNotRecordedException when it could not be kept (the
   *     client gets a 503, never an answer without a record)
   */
  String keep(
      String rulesVersion, Option recommendation, boolean flips, JsonNode request, byte[] answer);

  /** Records off ({@code decision.records.enabled=false}): nothing is kept, no id is given. */
  DecisionLog NONE = (rulesVersion, recommendation, flips, request, answer) -> null;
}
