package org.llmstrategy.recommend.request;

import jakarta.validation.Validator;
import org.llmstrategy.facts.Criteria;

/**
 * Reads a request body exactly as POST /recommend does, for the callers that are not the web edge:
 * the analysts' scenarios and the {@code validate} command.
 */
public final class CriteriaParser {
  private final CriteriaReader reader;

  public CriteriaParser(Validator validator) {
    this.reader = new CriteriaReader(validator);
  }

  /**
   * @throws org.llmstrategy.problems.InvalidRequestException naming every invalid field
   */
  public Criteria parse(byte[] json) {
    return CriteriaMapping.toCriteria(reader.read(json));
  }
}
