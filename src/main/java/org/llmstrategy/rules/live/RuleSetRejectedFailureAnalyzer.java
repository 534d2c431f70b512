package org.llmstrategy.rules.live;

import org.llmstrategy.rules.RuleSetRejectedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused because of the rules: say which cells to fix, not a Spring stack trace. */
class RuleSetRejectedFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetRejectedException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RuleSetRejectedException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the cells named above (FILE!SHEET!CELL: message), then start again.",
        cause);
  }
}
