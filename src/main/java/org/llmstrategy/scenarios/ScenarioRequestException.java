package org.llmstrategy.scenarios;

/** A scenario's request fields are not a valid request; the message names every bad field. */
public class ScenarioRequestException extends RuntimeException {
  public ScenarioRequestException(String message) {
    super(message);
  }
}
