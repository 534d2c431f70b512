package org.llmstrategy.rules.git;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.live.RulesCommit;
import org.llmstrategy.rules.live.RulesSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules at the commit a replica last fetched. Start-up fetches once and stops the replica when
 * the repository cannot be used; later, a failed fetch only marks the source unreachable (GET
 * /rules, {@code decision_rules_git_reachable}) while the active rules keep serving, and the next
 * fetch that works catches up.
 */
final class GitRulesSource implements RulesSource, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitRulesSource.class);

  private final GitRulesRepository repository;
  private final MeterRegistry meters;
  private final Clock clock;
  private volatile RulesCommit current;
  private volatile RepositoryState state;

  private GitRulesSource(GitRulesRepository repository, MeterRegistry meters, Clock clock) {
    this.repository = repository;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Fetches the repository for the first time.
   *
   * @throws RulesRepositoryException when it cannot be used: start-up stops, naming it and why
   */
  static GitRulesSource open(GitRulesProperties properties, MeterRegistry meters, Clock clock) {
    GitRulesRepository repository = GitRulesRepository.create(properties);
    GitRulesSource source = new GitRulesSource(repository, meters, clock);
    try {
      source.current = repository.fetch();
    } catch (RulesRepositoryException e) {
      repository.close();
      throw e;
    }
    source.state = new RepositoryState(repository.location(), true, clock.instant(), null);
    Gauge.builder("decision.rules.git.reachable", source, s -> s.state.reachable() ? 1 : 0)
        .description("Whether the last fetch of the rules repository reached it (1) or not (0)")
        .register(meters);
    log.info(
        "Rules repository {} fetched at commit {} ({})",
        repository.location(),
        source.current.shortId(),
        source.current.message());
    return source;
  }

  @Override
  public String origin() {
    return repository.location();
  }

  @Override
  public RulesCommit current() {
    return current;
  }

  @Override
  public List<RuleFile> read(RulesCommit commit) {
    return repository.read(commit);
  }

  @Override
  public RepositoryState state() {
    return state;
  }

  /**
   * Fetches again.
   *
   * @return whether the commit to serve moved (a new head, or a pin that now names another commit)
   */
  boolean fetch() {
    RulesCommit fetched;
    try {
      fetched = repository.fetch();
    } catch (RulesRepositoryException e) {
      if (state.reachable()) {
        log.warn("{}; the active rules keep serving", e.getMessage());
      }
      state = new RepositoryState(repository.location(), false, clock.instant(), e.reason());
      meters.counter("decision.rules.git.fetches", "outcome", "failed").increment();
      return false;
    }
    if (!state.reachable()) {
      log.info("Rules repository {} reached again", repository.location());
    }
    state = new RepositoryState(repository.location(), true, clock.instant(), null);
    meters.counter("decision.rules.git.fetches", "outcome", "ok").increment();
    if (fetched.id().equals(current.id())) {
      return false;
    }
    current = fetched;
    return true;
  }

  @Override
  public void close() {
    repository.close();
  }
}
