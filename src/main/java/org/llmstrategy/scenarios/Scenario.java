package org.llmstrategy.scenarios;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One analyst's expected outcome: a row of a scenario workbook. {@code request} is the row's
 * request fields as JSON; each expectation remembers its cell so a failure points at it. {@code
 * decidedOn} is the day the row is decided on (its "decided on" cell), null for the service's day:
 * a scenario about a dated fact (a retirement date within the deprecation horizon) states its day,
 * so it holds the same on every later day.
 */
public record Scenario(
    String file,
    String sheet,
    int row,
    String name,
    ObjectNode request,
    List<Expectation> expectations,
    LocalDate decidedOn) {

  /** A scenario decided on the service's day. */
  public Scenario(
      String file,
      String sheet,
      int row,
      String name,
      ObjectNode request,
      List<Expectation> expectations) {
    this(file, sheet, row, name, request, expectations, null);
  }

  /** {@code expect deployment.recommendation} = {@code SELF_HOST}, written in {@code cell}. */
  public record Expectation(String path, String expected, String cell) {}

  @Override
  public String toString() {
    return name;
  }
}
