package org.llmstrategy.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rules come from. {@code decision.rules-dir} (env {@code DECISION_RULES_DIR}) points at
 * a folder; unset, the copy of {@code rules/} packaged in the jar is used.
 */
@ConfigurationProperties("decision")
public record RulesProperties(Path rulesDir) {
  public String origin() {
    return rulesDir == null ? "classpath:rules/ (embedded)" : rulesDir.toString();
  }
}
