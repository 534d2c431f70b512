package org.llmstrategy.recommend;

import java.util.List;

/**
 * Criteria that are well-formed but do not fit the active rule set (e.g. a model the catalog
 * lacks): a client error, answered 400 with every field named.
 */
public class CriteriaRejectedException extends RuntimeException {
  /** One invalid field and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  private final transient List<FieldProblem> problems;

  public CriteriaRejectedException(List<FieldProblem> problems) {
    super(problems.toString());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
