package org.llmstrategy.rules.live;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.PrecompiledRules;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up rule set, loaded and checked on a thread of its own while Spring builds the rest of
 * the application. Loading the rules and running the scenarios in a cold JVM take as long as the
 * web stack takes to start; one after the other they made start-up twice as long. The rule engine
 * bean takes this result when it was made for the same properties it was given, and otherwise loads
 * and checks the rules itself, as it did before.
 */
public final class EarlyRules {
  private static final Logger log = LoggerFactory.getLogger(EarlyRules.class);

  private final RulesProperties properties;
  private final CompletableFuture<Checked> result;

  /** A rule set and what its check found; a rejected set never gets here. */
  public record Checked(RuleSet ruleSet, CandidateCheck.Report report) {}

  private EarlyRules(RulesProperties properties, CompletableFuture<Checked> result) {
    this.properties = properties;
    this.result = result;
  }

  /**
   * Starts loading and checking on a daemon thread (a failed start-up never waits for it); the
   * check is made there too, and only when needed, as making one takes time of its own.
   */
  public static EarlyRules start(RulesProperties properties, Supplier<CandidateCheck> check) {
    CompletableFuture<Checked> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(loadAndCheck(properties, check));
              } catch (Throwable t) { // handed to the bean, which fails start-up with it
                result.completeExceptionally(t);
              }
            },
            "rules-early-load");
    thread.setDaemon(true);
    thread.start();
    return new EarlyRules(properties, result);
  }

  /**
   * The early result, when it was made for these properties: waits for it, and throws what loading
   * or checking threw (a {@link RuleSetRejectedException} names file, sheet and cell).
   */
  Optional<Checked> resultFor(RulesProperties wanted) {
    if (!Objects.equals(properties.rulesDir(), wanted.rulesDir())) {
      log.debug(
          "Rules loaded early from {} are not wanted: {}", properties.origin(), wanted.origin());
      return Optional.empty();
    }
    try {
      return Optional.of(result.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * Reads the folder (or the copy in the jar), loads or compiles it, and runs the check. A set
   * precompiled when the jar was built had its scenarios run then, with the same classes: that
   * result stands (the version is the hash of every rule and scenario file).
   */
  static Checked loadAndCheck(RulesProperties properties, Supplier<CandidateCheck> check) {
    return loadAndCheck(properties, check, EarlyRules.class.getClassLoader());
  }

  static Checked loadAndCheck(
      RulesProperties properties, Supplier<CandidateCheck> check, ClassLoader precompiledFrom) {
    return loadAndCheck(
        properties.origin(),
        () ->
            properties.rulesDir() == null
                ? RuleFolder.readEmbedded()
                : RuleFolder.read(properties.rulesDir()),
        check,
        precompiledFrom);
  }

  /**
   * The same for another source (a Git repository), at the commit it stands at now: the rules
   * precompiled into the jar still count when the commit holds exactly those files.
   */
  public static Checked loadAndCheck(RulesSource source, Supplier<CandidateCheck> check) {
    return loadAndCheck(
        source.origin(),
        () -> source.read(source.current()),
        check,
        EarlyRules.class.getClassLoader());
  }

  private static Checked loadAndCheck(
      String origin,
      Supplier<List<RuleFile>> read,
      Supplier<CandidateCheck> check,
      ClassLoader precompiledFrom) {
    String[] working = {"reading the rules folder"};
    try {
      return loadAndCheck(origin, read, check, precompiledFrom, working);
    } catch (RuleSetRejectedException e) {
      throw e;
    } catch (RuntimeException e) { // refused in the words reload and validate use; details logged
      log.error("Rules in {} refused: unexpected failure while {}", origin, working[0], e);
      throw new RuleSetRejectedException(origin, List.of(RuleProblem.unexpected(working[0])));
    }
  }

  private static Checked loadAndCheck(
      String origin,
      Supplier<List<RuleFile>> read,
      Supplier<CandidateCheck> check,
      ClassLoader precompiledFrom,
      String[] working) {
    var files = read.get();
    Optional<RuleSet> precompiled = PrecompiledRules.load(origin, files, precompiledFrom);
    if (precompiled.isPresent()) {
      OptionalInt passed =
          PrecompiledRules.scenariosPassed(precompiled.get().version(), precompiledFrom);
      if (passed.isPresent()) {
        return new Checked(
            precompiled.get(), new CandidateCheck.Report(passed.getAsInt(), List.of(), List.of()));
      }
    }
    working[0] = "compiling the rule files";
    RuleSet ruleSet = precompiled.orElseGet(() -> new RuleSetBuilder().build(origin, files));
    working[0] = "running the scenarios";
    CandidateCheck.Report report = check.get().check(ruleSet, null);
    if (!report.failures().isEmpty()) {
      throw new RuleSetRejectedException(origin, report.failures());
    }
    return new Checked(ruleSet, report);
  }
}
