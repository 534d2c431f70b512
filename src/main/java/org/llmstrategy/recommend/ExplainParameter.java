package org.llmstrategy.recommend;

import java.util.List;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;

/** {@code ?explain=flips}: the optional, costlier parts of an answer. */
final class ExplainParameter {
  static final String FLIPS = "flips";

  private ExplainParameter() {}

  static boolean wantsFlips(String explain) {
    if (explain == null || explain.isEmpty()) {
      return false;
    }
    if (!explain.equals(FLIPS)) {
      throw InvalidRequestException.invalidFields(
          List.of(new FieldProblem("explain", "must be one of " + FLIPS)));
    }
    return true;
  }
}
