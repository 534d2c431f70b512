package org.llmstrategy.rules.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.rules.RuleFile;

/**
 * One compiled, immutable version of the rules folder. Requests read the active rule set once and
 * use it to the end, so a swap never mixes versions inside one answer. The tables that only
 * describe things (the model catalog, self-host setups, option costs, constants) are data read from
 * their workbooks once, not rules: the rule set owns them as its {@link ReferenceData}, which every
 * decision is given as facts. {@code version} hashes every file the build reads; {@code
 * compiledVersion} only those compiled into the {@code kieBase} (not the scenarios, not the
 * reference data), so a catalog refresh reuses the rules.
 *
 * <p>A rule set owns its prepared form ({@link PreparedRuleSet}: the session pool), made on first
 * use, so a rule set no longer referenced is garbage with all it prepared; no cache of rule sets
 * exists beside it. Two rule sets are equal only when they are the same one.
 */
public final class RuleSet {
  /** Where analysts keep expected outcomes; these files are checked, never compiled. */
  public static final String SCENARIOS = "scenarios/";

  private final String version;
  private final String compiledVersion;
  private final String origin;
  private final Instant builtAt;
  private final KieBase kieBase;
  private final ReferenceData referenceData;
  private final Map<String, RuleSource> sources;
  private final List<String> files;
  private final List<RuleFile> scenarioFiles;
  private final RuleThresholds thresholds;
  private final ClassLoader compiledClasses;
  private volatile PreparedRuleSet prepared;
  private final StoppedDecisions stoppedDecisions = new StoppedDecisions();
  private final AtomicLong liveDecisions = new AtomicLong();

  public RuleSet(
      String version,
      String compiledVersion,
      String origin,
      Instant builtAt,
      KieBase kieBase,
      ReferenceData referenceData,
      Map<String, RuleSource> sources,
      List<String> files,
      List<RuleFile> scenarioFiles,
      RuleThresholds thresholds,
      ClassLoader compiledClasses) {
    this.version = version;
    this.compiledVersion = compiledVersion;
    this.origin = origin;
    this.builtAt = builtAt;
    this.kieBase = kieBase;
    this.referenceData = referenceData;
    this.sources = Map.copyOf(sources);
    this.files = List.copyOf(files);
    this.scenarioFiles = List.copyOf(scenarioFiles);
    this.thresholds = thresholds;
    this.compiledClasses = compiledClasses;
  }

  /**
   * The prepared form, made once under the rule set's own lock: when a burst of requests meets a
   * new rule set (the first after start-up), one prepares it and the others wait for that one.
   */
  PreparedRuleSet prepared() {
    PreparedRuleSet p = prepared;
    if (p == null) {
      synchronized (this) {
        p = prepared;
        if (p == null) {
          p = new PreparedRuleSet(this);
          prepared = p;
        }
      }
    }
    return p;
  }

  /** The live decisions this rule set did not bring to an end: any makes it faulty. */
  /** Counts one more live decision by this rule set; how many there were before it. */
  long countLiveDecision() {
    return liveDecisions.getAndIncrement();
  }

  public StoppedDecisions stoppedDecisions() {
    return stoppedDecisions;
  }

  public String version() {
    return version;
  }

  public String compiledVersion() {
    return compiledVersion;
  }

  public String origin() {
    return origin;
  }

  public Instant builtAt() {
    return builtAt;
  }

  public KieBase kieBase() {
    return kieBase;
  }

  public ReferenceData referenceData() {
    return referenceData;
  }

  /** The model catalog of its reference data. */
  public Catalog catalog() {
    return referenceData.catalog();
  }

  public Map<String, RuleSource> sources() {
    return sources;
  }

  public List<String> files() {
    return files;
  }

  public List<RuleFile> scenarioFiles() {
    return scenarioFiles;
  }

  /** The numbers its tables compare request properties with (for flips). */
  public RuleThresholds thresholds() {
    return thresholds;
  }

  /**
   * What Drools generated for the rules, as resources: the classes and module files of the compiled
   * kjar, which the build ships so that start-up loads instead of compiling them.
   */
  public ClassLoader compiledClasses() {
    return compiledClasses;
  }

  public static String key(String packageName, String ruleName) {
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

  @Override
  public String toString() {
    return "RuleSet[" + version + " from " + origin + ", " + ruleCount() + " rules]";
  }
}
