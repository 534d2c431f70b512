package org.llmstrategy.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.llmstrategy.facts.Catalog;

/**
 * One compiled, immutable version of the rules folder. Requests read the active rule set once and
 * use it to the end, so a swap never mixes versions inside one answer. The model catalog is data
 * read from its workbook, not rules: every decision gets it as one {@link Catalog} fact. {@code
 * version} hashes every file the build reads; {@code compiledVersion} only those compiled into the
 * {@code kieBase} (not the scenarios, not the catalog), so a catalog refresh reuses the rules.
 */
public record RuleSet(
    String version,
    String compiledVersion,
    String origin,
    Instant builtAt,
    KieBase kieBase,
    Catalog catalog,
    Map<String, RuleSource> sources,
    List<String> files,
    List<RuleFile> scenarioFiles) {

  /** Where analysts keep expected outcomes; these files are checked, never compiled. */
  public static final String SCENARIOS = "scenarios/";

  public RuleSet {
    sources = Map.copyOf(sources);
    files = List.copyOf(files);
    scenarioFiles = List.copyOf(scenarioFiles);
  }

  static String key(String packageName, String ruleName) {
    return packageName + "." + ruleName;
  }

  public RuleSource sourceOf(String packageName, String ruleName) {
    return sources.getOrDefault(key(packageName, ruleName), RuleSource.ofDrl(packageName));
  }

  public int ruleCount() {
    return sources.size();
  }

  /** How many files contribute rules (READMEs and scenarios do not). */
  public long ruleFileCount() {
    return sources.values().stream().map(RuleSource::file).distinct().count();
  }
}
