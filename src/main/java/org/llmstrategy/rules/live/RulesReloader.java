package org.llmstrategy.rules.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a candidate from the rules source (the folder, or a commit) with the start-up pipeline
 * (refuse stray names, compile, check the compiled classes in the sandbox, and only then run the
 * scenarios and the replay: nothing of a candidate runs before the sandbox passed it) and swaps it
 * in only when everything is green. Anything red leaves the active rule set untouched and is
 * published as the last attempt, and in the history with its commit.
 */
public class RulesReloader {
  private static final Logger log = LoggerFactory.getLogger(RulesReloader.class);

  /** How many activations and refusals GET /rules/history keeps. */
  static final int HISTORY_SIZE = 50;

  private static final String NO_COMMIT = "none";

  private final RuleEngine engine;
  private final RuleSetBuilder builder;
  private final CandidateCheck check;
  private final RulesSource source;
  private static final String RELOADS = "decision.rules.reloads";
  private static final String OUTCOME = "outcome";
  private final MeterRegistry meters;
  private final Clock clock;
  private final MultiGauge activeGauge;
  private final Deque<RulesHistory.Activation> history = new ArrayDeque<>();
  private volatile RulesStatus status;

  /** The last rule set built, activated or refused: its compiled rules may serve the next. */
  private RuleSet lastCandidate;

  public RulesReloader(
      RuleEngine engine,
      RuleSetBuilder builder,
      CandidateCheck check,
      Path dir,
      MeterRegistry meters,
      Clock clock) {
    this(engine, builder, check, RulesSource.folder(dir), null, meters, clock);
  }

  /**
   * @param startCommit the commit the start-up rule set was read from; null for a folder
   */
  public RulesReloader(
      RuleEngine engine,
      RuleSetBuilder builder,
      CandidateCheck check,
      RulesSource source,
      RulesCommit startCommit,
      MeterRegistry meters,
      Clock clock) {
    this.engine = engine;
    this.builder = builder;
    this.check = check;
    this.source = source;
    this.meters = meters;
    this.clock = clock;
    // every outcome shows at zero from the start, so a dashboard's rate() has a series to read
    for (RulesStatus.Outcome o : RulesStatus.Outcome.values()) {
      meters.counter(RELOADS, OUTCOME, o.name());
    }
    // one series, value 1, labelled with what is live: a dashboard lines the replicas up by it
    this.activeGauge =
        MultiGauge.builder("decision.rules.active")
            .description("The active rule set (1), labelled with its version and commit")
            .register(meters);
    RuleSet active = engine.active();
    RulesStatus.Attempt started =
        new RulesStatus.Attempt(
            active.builtAt(),
            RulesStatus.Outcome.ACTIVATED,
            active.version(),
            List.of(),
            List.of(),
            List.of(),
            CandidateCheck.Replay.none(),
            startCommit);
    publish(active(active, engine.activeScenarioCount(), startCommit), started);
  }

  private List<RuleSet> reusable(RuleSet active) {
    return lastCandidate == null || lastCandidate == active
        ? List.of(active)
        : List.of(active, lastCandidate);
  }

  public RulesStatus status() {
    RulesStatus now = status;
    return new RulesStatus(
        now.active(),
        now.lastAttempt(),
        source.state(),
        RulesStatus.StoppedDecisions.of(engine.active().stoppedDecisions().summary()));
  }

  /** This replica's recent activations and refusals, newest first. */
  public synchronized RulesHistory history() {
    return new RulesHistory(List.copyOf(history));
  }

  /**
   * One attempt at the source's current content; serialised so two bursts of edits (or a poll and
   * an edit) never race each other.
   */
  public synchronized RulesStatus.Attempt reload() {
    Instant at = clock.instant();
    RuleSet active = engine.active();
    RulesStatus.Attempt attempt;
    RulesStatus.Active nowActive = status.active();
    RulesCommit commit = null;
    String working = "reading the rules folder";
    List<String> removed = List.of();
    try {
      commit = source.current();
      var files = source.read(commit);
      removed = RemovedFiles.lines(active, files, null);
      String version = builder.versionOf(files);
      if (version.equals(active.version())) {
        attempt =
            attempt(
                at,
                RulesStatus.Outcome.UNCHANGED,
                version,
                List.of(),
                CandidateCheck.Report.none(),
                commit);
        if (!Objects.equals(commit, nowActive.commit())) {
          // the same rules at a new commit (a README edit, a revert): live as that commit now
          nowActive = withCommit(nowActive, commit);
        }
      } else {
        working = "compiling the rule files";
        // only data changed (the catalog): the rules compiled for the active or the last
        // candidate are reused, not compiled again
        RuleSet candidate = builder.build(source.origin(), files, reusable(active));
        lastCandidate = candidate;
        removed = RemovedFiles.lines(active, files, candidate);
        working = "running the scenarios";
        CandidateCheck.Report report = check.check(candidate, active);
        if (report.failures().isEmpty()) {
          engine.activate(candidate);
          nowActive = active(candidate, report.checked(), commit);
          attempt = attempt(at, RulesStatus.Outcome.ACTIVATED, version, List.of(), report, commit);
          log.info(
              "Rules {} activated{} ({} scenarios passed)",
              version,
              atCommit(commit),
              report.checked());
        } else {
          attempt = attempt(at, RulesStatus.Outcome.REFUSED, version, List.of(), report, commit);
          log.warn(
              "Rules {}{} refused: {} scenarios fail",
              version,
              atCommit(commit),
              report.failures().size());
        }
      }
    } catch (RuleSetRejectedException e) {
      attempt =
          attempt(
              at,
              RulesStatus.Outcome.REFUSED,
              null,
              e.problems().stream().map(RulesStatus.Problem::of).toList(),
              CandidateCheck.Report.none(),
              commit);
      // as bounded as GET /rules: a noisy workbook is not a 30 MB log line
      log.warn(
          "Rules in {}{} were refused: {} problem(s){}",
          source.origin(),
          atCommit(commit),
          e.problems().size(),
          attempt.problems().stream().map(p -> "\n  " + p.location()).collect(Collectors.joining())
              + (attempt.moreProblems().isEmpty() ? "" : "\n  … and more, counted on GET /rules"));
    } catch (RuntimeException e) {
      // a rule file that breaks the pipeline in a way we did not foresee: refuse, keep serving,
      // say in words what was being done; the exception is for the log only
      attempt =
          attempt(
              at,
              RulesStatus.Outcome.REFUSED,
              null,
              List.of(RulesStatus.Problem.of(RuleProblem.unexpected(working))),
              CandidateCheck.Report.none(),
              commit);
      log.warn(
          "Rules in {}{} refused: unexpected failure while {}",
          source.origin(),
          atCommit(commit),
          working,
          e);
    }
    attempt = withRemoved(attempt, removed);
    meters.counter(RELOADS, OUTCOME, attempt.outcome().name()).increment();
    boolean newCommit = !Objects.equals(commit, status.active().commit());
    if (attempt.outcome() != RulesStatus.Outcome.UNCHANGED || newCommit) {
      remember(attempt);
    }
    publish(nowActive, attempt);
    return attempt;
  }

  private void publish(RulesStatus.Active nowActive, RulesStatus.Attempt attempt) {
    if (status == null) {
      remember(attempt);
    }
    status = new RulesStatus(nowActive, attempt, null);
    String commit = nowActive.commit() == null ? NO_COMMIT : nowActive.commit().id();
    activeGauge.register(
        List.of(
            MultiGauge.Row.of(Tags.of("version", nowActive.rulesVersion(), "commit", commit), 1)),
        true);
  }

  private void remember(RulesStatus.Attempt a) {
    history.addFirst(
        new RulesHistory.Activation(
            a.at(),
            a.outcome(),
            a.candidateVersion(),
            a.commit(),
            a.problems().size() + a.moreProblems().stream().mapToInt(c -> (int) c.count()).sum(),
            a.failingScenarios().size() + a.moreFailingScenarios()));
    while (history.size() > HISTORY_SIZE) {
      history.removeLast();
    }
  }

  private static String atCommit(RulesCommit commit) {
    return commit == null ? "" : " at commit " + commit.shortId();
  }

  private static RulesStatus.Attempt attempt(
      Instant at,
      RulesStatus.Outcome outcome,
      String version,
      List<RulesStatus.Problem> problems,
      CandidateCheck.Report report,
      RulesCommit commit) {
    return new RulesStatus.Attempt(
        at,
        outcome,
        version,
        problems,
        report.failures().stream().map(RulesStatus.Problem::of).toList(),
        report.impact(),
        report.recentTraffic(),
        commit);
  }

  /** A removed rule file leads the attempt's impact, whatever else the attempt found. */
  private static RulesStatus.Attempt withRemoved(RulesStatus.Attempt a, List<String> removed) {
    if (removed.isEmpty()) {
      return a;
    }
    List<String> impact = new ArrayList<>(removed);
    impact.addAll(a.impact());
    return new RulesStatus.Attempt(
        a.at(),
        a.outcome(),
        a.candidateVersion(),
        a.problems(),
        a.failingScenarios(),
        impact,
        a.recentTraffic(),
        a.commit(),
        a.moreProblems(),
        a.moreFailingScenarios(),
        a.moreImpact());
  }

  private static RulesStatus.Active withCommit(RulesStatus.Active a, RulesCommit commit) {
    return new RulesStatus.Active(
        a.rulesVersion(),
        a.origin(),
        a.activatedAt(),
        a.ruleCount(),
        a.scenarioCount(),
        a.files(),
        commit);
  }

  static RulesStatus.Active active(RuleSet rules, int scenarioCount, RulesCommit commit) {
    Map<String, Long> perFile =
        rules.sources().values().stream()
            .collect(Collectors.groupingBy(RuleSource::file, Collectors.counting()));
    List<RulesStatus.FileRules> files = new ArrayList<>();
    perFile.forEach((file, count) -> files.add(new RulesStatus.FileRules(file, count)));
    files.sort(Comparator.comparing(RulesStatus.FileRules::file));
    return new RulesStatus.Active(
        rules.version(),
        rules.origin(),
        rules.builtAt(),
        rules.ruleCount(),
        scenarioCount,
        files,
        commit);
  }
}
