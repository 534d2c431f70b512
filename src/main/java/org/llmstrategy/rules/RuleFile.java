package org.llmstrategy.rules;

/** One file of the rules folder: its path relative to the folder ('/'-separated) and content. */
public record RuleFile(String path, byte[] content) {
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public String lowerCaseName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
