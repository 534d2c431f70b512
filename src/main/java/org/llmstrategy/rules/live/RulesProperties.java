package org.llmstrategy.rules.live;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules come from and how changes are taken live. {@code decision.rules-dir} (env {@code
 * DECISION_RULES_DIR}) points at a folder, which is then watched; unset, the copy of {@code rules/}
 * packaged in the jar is used and never changes.
 */
@ConfigurationProperties("decision")
public record RulesProperties(
    Path rulesDir,
    @DefaultValue("true") boolean watch,
    @DefaultValue("500ms") Duration reloadSettle) {
  public String origin() {
    return rulesDir == null ? "classpath:rules/ (embedded)" : rulesDir.toString();
  }
}
