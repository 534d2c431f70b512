package org.llmstrategy.rules.git;

/**
 * The rules repository cannot be used now: not reachable, or without the branch, commit or tag
 * asked for. The message names the repository (never its credentials) and the reason, in words.
 */
public class RulesRepositoryException extends RuntimeException {
  private final String location;
  private final String reason;

  RulesRepositoryException(String location, String reason) {
    super("The rules repository " + location + " cannot be used: " + reason);
    this.location = location;
    this.reason = reason;
  }

  public String location() {
    return location;
  }

  public String reason() {
    return reason;
  }
}
