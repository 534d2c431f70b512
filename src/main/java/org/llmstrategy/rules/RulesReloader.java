package org.llmstrategy.rules;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a candidate from the rules folder with the start-up pipeline (refuse stray names, compile,
 * run the scenarios) and swaps it in only when everything is green. Anything red leaves the active
 * rule set untouched and is published as the last attempt.
 */
public class RulesReloader {
  private static final Logger log = LoggerFactory.getLogger(RulesReloader.class);

  private final RuleEngine engine;
  private final RuleSetBuilder builder;
  private final CandidateCheck check;
  private final Path dir;
  private final MeterRegistry meters;
  private final Clock clock;
  private volatile RulesStatus status;

  public RulesReloader(
      RuleEngine engine,
      RuleSetBuilder builder,
      CandidateCheck check,
      Path dir,
      MeterRegistry meters,
      Clock clock) {
    this.engine = engine;
    this.builder = builder;
    this.check = check;
    this.dir = dir;
    this.meters = meters;
    this.clock = clock;
    RuleSet active = engine.active();
    this.status =
        new RulesStatus(
            active(active, engine.activeScenarioCount()),
            new RulesStatus.Attempt(
                active.builtAt(),
                RulesStatus.Outcome.ACTIVATED,
                active.version(),
                List.of(),
                List.of(),
                List.of(),
                CandidateCheck.Replay.none()));
  }

  public RulesStatus status() {
    return status;
  }

  /** One attempt; serialised so two bursts of edits never race each other. */
  public synchronized RulesStatus.Attempt reload() {
    Instant at = clock.instant();
    RuleSet active = engine.active();
    RulesStatus.Attempt attempt;
    RulesStatus.Active nowActive = status.active();
    String working = "reading the rules folder";
    try {
      var files = RuleFolder.read(dir);
      String version = RulesVersion.of(files);
      if (version.equals(active.version())) {
        attempt =
            attempt(
                at,
                RulesStatus.Outcome.UNCHANGED,
                version,
                List.of(),
                CandidateCheck.Report.none());
      } else {
        working = "compiling the rule files";
        RuleSet candidate = builder.build(dir.toString(), files);
        working = "running the scenarios";
        CandidateCheck.Report report = check.check(candidate, active);
        if (report.failures().isEmpty()) {
          engine.activate(candidate);
          nowActive = active(candidate, report.checked());
          attempt = attempt(at, RulesStatus.Outcome.ACTIVATED, version, List.of(), report);
          log.info("Rules {} activated ({} scenarios passed)", version, report.checked());
        } else {
          attempt = attempt(at, RulesStatus.Outcome.REFUSED, version, List.of(), report);
          log.warn("Rules {} refused: {} scenarios fail", version, report.failures().size());
        }
      }
    } catch (RuleSetRejectedException e) {
      attempt =
          attempt(
              at,
              RulesStatus.Outcome.REFUSED,
              null,
              e.problems().stream().map(RulesStatus.Problem::of).toList(),
              CandidateCheck.Report.none());
      log.warn("{}", e.getMessage());
    } catch (RuntimeException e) {
      // a rule file that breaks the pipeline in a way we did not foresee: refuse, keep serving,
      // say in words what was being done; the exception is for the log only
      attempt =
          attempt(
              at,
              RulesStatus.Outcome.REFUSED,
              null,
              List.of(RulesStatus.Problem.of(RuleProblem.unexpected(working))),
              CandidateCheck.Report.none());
      log.warn("Rules in {} refused: unexpected failure while {}", dir, working, e);
    }
    meters.counter("decision.rules.reloads", "outcome", attempt.outcome().name()).increment();
    status = new RulesStatus(nowActive, attempt);
    return attempt;
  }

  private static RulesStatus.Attempt attempt(
      Instant at,
      RulesStatus.Outcome outcome,
      String version,
      List<RulesStatus.Problem> problems,
      CandidateCheck.Report report) {
    return new RulesStatus.Attempt(
        at,
        outcome,
        version,
        problems,
        report.failures().stream().map(RulesStatus.Problem::of).toList(),
        report.impact(),
        report.recentTraffic());
  }

  static RulesStatus.Active active(RuleSet rules, int scenarioCount) {
    Map<String, Long> perFile =
        rules.sources().values().stream()
            .collect(Collectors.groupingBy(RuleSource::file, Collectors.counting()));
    List<RulesStatus.FileRules> files = new ArrayList<>();
    perFile.forEach((file, count) -> files.add(new RulesStatus.FileRules(file, count)));
    files.sort(Comparator.comparing(RulesStatus.FileRules::file));
    return new RulesStatus.Active(
        rules.version(), rules.origin(), rules.builtAt(), rules.ruleCount(), scenarioCount, files);
  }
}
