package org.llmstrategy.scenarios;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One analyst's expected outcome: a row of a scenario workbook. {@code request} is the row's
 * request fields as JSON; each expectation remembers its cell so a failure points at it.
 */
public record Scenario(
    String file,
    String sheet,
    int row,
    String name,
    ObjectNode request,
    List<Expectation> expectations) {

  /** {@code expect deployment.recommendation} = {@code SELF_HOST}, written in {@code cell}. */
  public record Expectation(String path, String expected, String cell) {}

  @Override
  public String toString() {
    return name;
  }
}
