package org.llmstrategy.problems;

import java.util.List;

/**
 * A request that cannot be decided on, with every problem found in it. {@code unreadable} marks a
 * body that is not a JSON object at all, as opposed to one with invalid fields.
 */
public class InvalidRequestException extends RuntimeException {
  private final transient List<FieldProblem> problems;
  private final boolean unreadable;

  private InvalidRequestException(List<FieldProblem> problems, boolean unreadable) {
    super(null, null, false, false); // no stack trace: this is an answer, not a failure
    this.problems = List.copyOf(problems);
    this.unreadable = unreadable;
  }

  public static InvalidRequestException invalidFields(List<FieldProblem> problems) {
    return new InvalidRequestException(problems, false);
  }

  public static InvalidRequestException unreadableBody(String message) {
    return new InvalidRequestException(List.of(FieldProblem.ofBody(message)), true);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  public boolean unreadable() {
    return unreadable;
  }
}
