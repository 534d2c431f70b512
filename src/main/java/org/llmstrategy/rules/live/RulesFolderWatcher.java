package org.llmstrategy.rules.live;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.llmstrategy.rules.compile.RuleFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the rules folder and reloads once a burst of changes has settled: editors write several
 * times per save. Editor lock and temp files never trigger a reload. The reload runs on this
 * watcher's own thread, never on a request thread.
 */
class RulesFolderWatcher implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

  private final Path dir;
  private final Duration settle;
  private final Runnable reload;
  private ScheduledExecutorService executor;
  private WatchService watchService;
  private ScheduledFuture<?> pending;

  /**
   * A file of zero bytes is one a program has just truncated to rewrite in place: no spreadsheet
   * program saves an empty workbook. Wait for it, but not for ever.
   */
  private static final String EMPTY_FILE = ":0:";

  private static final int MAX_POSTPONED = 20;
  private int postponed;
  private volatile boolean running;

  RulesFolderWatcher(Path dir, Duration settle, Runnable reload) {
    this.dir = dir;
    this.settle = settle;
    this.reload = reload;
  }

  /** Lock and temp files an editor writes, and documentation: nothing the rules read. */
  static boolean isEditorNoise(Path file) {
    return !RuleFolder.isLoaded(file.getFileName().toString());
  }

  @Override
  public synchronized void start() {
    try {
      watchService = FileSystems.getDefault().newWatchService();
      registerTree(dir);
    } catch (IOException e) {
      log.warn("Cannot watch {}: rules will not reload until restart", dir, e);
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rules-watcher");
              t.setDaemon(true);
              return t;
            });
    running = true;
    Thread poller = new Thread(this::poll, "rules-watcher-events");
    poller.setDaemon(true);
    poller.start();
    log.info("Watching {} for rule changes (settle {} ms)", dir, settle.toMillis());
  }

  private void poll() {
    while (running) {
      WatchKey key;
      try {
        key = watchService.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ClosedWatchServiceException e) {
        return;
      }
      boolean relevant = false;
      Path parent = (Path) key.watchable();
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
          relevant = true;
          continue;
        }
        Path changed = parent.resolve((Path) event.context());
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
            && Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS)) {
          registerQuietly(changed);
        }
        relevant |= !isEditorNoise(changed);
      }
      key.reset();
      if (relevant) {
        schedule();
      }
    }
  }

  /** Restarts the settle timer: the reload runs once the folder has been quiet long enough. */
  private synchronized void schedule() {
    if (pending != null) {
      pending.cancel(false);
    }
    String seen = fingerprint();
    pending = executor.schedule(() -> reloadSafely(seen), settle.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Reloads only a folder that holds still: a slow writer (a spreadsheet being saved) can pause
   * longer than the settle time, and a half-written workbook is not an analyst's mistake.
   */
  private void reloadSafely(String seenAtLastEvent) {
    try {
      String now = fingerprint();
      if (!seenAtLastEvent.equals(now)
          || (now.contains(EMPTY_FILE) && postponed++ < MAX_POSTPONED)) {
        schedule(); // still being written, without a further event: wait another settle time
        return;
      }
      postponed = 0;
      reload.run();
    } catch (RuntimeException e) {
      log.error("Reload of {} failed; the active rules keep serving", dir, e);
    }
  }

  /**
   * Every file's path, size and modification time: cheap, and changes with any write. A link is
   * described as itself, never followed (the reload refuses it by name).
   */
  private String fingerprint() {
    try (Stream<Path> files = Files.walk(dir.toRealPath())) {
      StringBuilder print = new StringBuilder();
      for (Path f :
          files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        BasicFileAttributes a =
            Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        print.append(f).append(':').append(a.size()).append(':');
        print.append(a.lastModifiedTime().toMillis()).append('\n');
      }
      return print.toString();
    } catch (IOException e) {
      return "unreadable: " + e; // a file vanished mid-walk: compare unequal next time
    }
  }

  private void registerTree(Path root) throws IOException {
    // the folder may be a link the operator chose; no link in it is followed (a linked folder
    // is refused by the reload, and must not have the service watch what it points to)
    try (Stream<Path> dirs = Files.walk(root.toRealPath())) {
      for (Path d : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        d.register(
            watchService,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private void registerQuietly(Path d) {
    try {
      registerTree(d);
    } catch (IOException e) {
      log.warn("Cannot watch {}", d, e);
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (executor != null) {
      executor.shutdownNow();
    }
    if (watchService != null) {
      try {
        watchService.close();
      } catch (IOException e) {
        log.debug("Closing the watch service", e);
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
