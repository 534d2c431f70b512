package org.llmstrategy.rules.git;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.llmstrategy.rules.live.RulesReloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fetches the rules repository every poll interval, on a thread of its own, and hands a moved
 * commit to the reloader: it goes live when it passes, or is refused and stays out. Each commit is
 * tried once; the next one is the next commit that lands (a fix, or a revert).
 */
final class GitRulesPoller implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GitRulesPoller.class);

  private final GitRulesSource source;
  private final RulesReloader reloader;
  private final Duration interval;
  private ScheduledExecutorService executor;

  GitRulesPoller(GitRulesSource source, RulesReloader reloader, Duration interval) {
    this.source = source;
    this.reloader = reloader;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rules-git-poller");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, interval.toMillis());
    // with a fixed delay, a slow build pushes the next fetch back instead of piling fetches up
    executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    log.info("Polling {} every {} ms", source.origin(), every);
  }

  void poll() {
    try {
      if (source.fetch()) {
        reloader.reload();
      }
    } catch (RuntimeException e) { // never let one bad poll end the schedule
      log.error("Polling {} failed; the active rules keep serving", source.origin(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
