package org.llmstrategy.rules;

import java.util.Locale;

/** One file of the rules folder: its path relative to the folder ('/'-separated) and content. */
public record RuleFile(String path, byte[] content) {
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public String lowerCaseName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
