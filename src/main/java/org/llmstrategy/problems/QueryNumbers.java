package org.llmstrategy.problems;

import java.util.List;

/**
 * A query parameter read as a bounded whole number (GET /models' and GET /decisions' page, size and
 * filters): one reading and one wording for every such parameter, the problem named by its field.
 */
public final class QueryNumbers {
  private QueryNumbers() {}

  /**
   * The value, or null when it is absent or blank; when it is not a whole number from {@code min}
   * to {@code max}, a problem naming {@code field} is added to {@code problems} and null returned.
   */
  public static Long whole(
      String field, String value, long min, long max, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    problems.add(
        new FieldProblem(
            field,
            "must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max)));
    return null;
  }
}
