package org.llmstrategy.rules.git;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped because the rules repository cannot be used: the repository and the reason, no
 * stack trace. An orchestrator restarts the replica; once the repository is back it starts.
 */
class RulesRepositoryFailureAnalyzer extends AbstractFailureAnalyzer<RulesRepositoryException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RulesRepositoryException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Check decision.rules-git-uri, -branch, -ref and the credentials"
            + " (decision.rules-git-username, -password or -password-file), then start again.",
        cause);
  }
}
