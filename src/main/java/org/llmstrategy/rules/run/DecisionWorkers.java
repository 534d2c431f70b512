package org.llmstrategy.rules.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads rule runs take turns on: for live decisions a fixed number of them (the engine's
 * bound on concurrent runs), started once; for offline checks up to a number, started as runs
 * arrive and ending when idle. Runs are taken in arrival order. The request thread hands its run
 * over and waits for it with a time limit, so a run that never returns (a rule consequence that
 * spins, or calls something that does not end) costs its request a 503 after the limit instead of
 * holding the request, and a turn of the bound, forever.
 *
 * <p>Such a run is given up: its thread no longer counts towards the bound and a new one takes its
 * place at once, so stuck runs never starve the others. The stuck thread is then stopped where the
 * JVM still can (Java 17 to 19: {@code Thread.stop}, the only way Java has to end code that does
 * not cooperate; its session is destroyed, never pooled again). Where it cannot, the thread is left
 * to finish as a daemon: it never holds up the end of the JVM.
 *
 * <p>Why threads of its own rather than the request's: Java can wait for a run with a time limit,
 * not make one end. One hand-over per run is the price (some microseconds, no thread made per run).
 */
final class DecisionWorkers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DecisionWorkers.class);

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;
  private static final int GIVEN_UP = 3;

  private final LinkedBlockingQueue<Turn<?>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger named = new AtomicInteger();
  private final long limitNanos;
  private final int workers;
  private final long idleNanos;
  private volatile boolean closed;

  /**
   * Workers started at once and kept until {@link #close()}: the live engine's.
   *
   * @param workers how many runs at once
   * @param limitNanos how much processor time a run may take before it is given up (or 25 times
   *     that by the clock)
   */
  DecisionWorkers(int workers, long limitNanos) {
    this(workers, limitNanos, Long.MAX_VALUE);
    synchronized (threads) {
      for (int i = 0; i < workers; i++) {
        startWorker();
      }
    }
  }

  /**
   * Workers started when runs arrive, each ending after {@code idleNanos} without one: offline
   * checks, whose owner may never close them (a rule test, a command), leave no thread behind.
   */
  DecisionWorkers(int workers, long limitNanos, long idleNanos) {
    if (workers < 1) {
      throw new IllegalArgumentException("at least one worker: " + workers);
    }
    this.limitNanos = limitNanos;
    this.workers = workers;
    this.idleNanos = idleNanos;
  }

  /**
   * Runs {@code work} on a worker once one is free (in arrival order) and waits for it; {@code
   * work} is given the worker's processor time at its start ({@link ProcessorTime#current()}).
   *
   * @throws GivenUp when the run started but did not end within the limit
   */
  <T> T run(LongFunction<T> work) {
    return run(work, limitNanos);
  }

  /**
   * As {@link #run(LongFunction)}, given up after {@code limitNanos} instead of the workers' own.
   */
  <T> T run(LongFunction<T> work, long limitNanos) {
    if (closed) {
      throw new IllegalStateException("the service is stopping");
    }
    Turn<T> turn = new Turn<>(work);
    synchronized (threads) {
      // with the lock an idle worker takes to end: either it sees this turn and stays, or it has
      // ended and this starts another
      queue.add(turn);
      if (threads.size() < workers && !closed) {
        startWorker();
      }
    }
    boolean interrupted = false;
    Thread stuck;
    long givenUpAfter = 0;
    long givenUpByClock = 0;
    synchronized (turn) {
      try {
        // woken once, when the run is done: a queued or running turn is looked at only when its
        // limit would have passed, so an ordinary decision costs one hand-over each way
        long end = 0;
        while (turn.state != DONE) {
          long now = System.nanoTime();
          long wait = limitNanos; // queued: waits its turn, in arrival order
          if (turn.state == RUNNING) {
            if (end == 0) {
              end = turn.startedAt + limitNanos;
            }
            wait = end - now;
            if (wait <= 0) {
              long used = ProcessorTime.of(turn.worker) - turn.processorAtStart;
              long byClock = now - turn.startedAt;
              if (used >= limitNanos || byClock >= ProcessorTime.CLOCK_FACTOR * limitNanos) {
                givenUpAfter = used;
                givenUpByClock = byClock;
                break;
              }
              // it waited for a processor rather than computed: it gets what it has not used
              end = now + (limitNanos - used);
              wait = limitNanos - used;
            }
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(turn, wait);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (turn.state == DONE) {
        if (turn.failure != null) {
          throw rethrown(turn.failure);
        }
        return turn.result;
      }
      turn.state = GIVEN_UP;
      stuck = turn.worker;
    }
    giveUp(stuck);
    throw new GivenUp(limitNanos, givenUpAfter, givenUpByClock);
  }

  /** A new worker takes the stuck one's place; the stuck one is stopped where Java can. */
  @SuppressWarnings("deprecation") // Thread.stop: the one way to end code that does not cooperate
  private void giveUp(Thread stuck) {
    synchronized (threads) {
      threads.remove(stuck);
      if (!closed) {
        startWorker();
      }
    }
    try {
      stuck.stop();
    } catch (UnsupportedOperationException e) {
      // Java 20 and later: the thread runs on as a daemon until its run ends, outside the bound
      log.warn("A stuck rule run cannot be stopped on this Java version; it runs on as a daemon");
    }
  }

  /** Called holding {@link #threads}. */
  private void startWorker() {
    Thread t = new Thread(this::work, "decision-" + named.incrementAndGet());
    t.setDaemon(true); // a stuck run never holds up the end of the JVM
    threads.add(t);
    t.start();
  }

  private void work() {
    while (!closed) {
      Turn<?> turn;
      try {
        turn = queue.poll(idleNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        return; // closed
      }
      if (turn == null) {
        synchronized (threads) {
          if (queue.isEmpty()) {
            threads.remove(Thread.currentThread());
            return; // idle: a later run starts a worker again
          }
        }
        continue;
      }
      if (!turn.runHere()) {
        return; // given up while it ran: a new worker has this one's place
      }
    }
  }

  /** How many workers are alive now (idle ones included until they end). */
  int liveWorkers() {
    synchronized (threads) {
      return threads.size();
    }
  }

  /** Stops taking runs; the workers end (daemons: a stuck one never holds up the JVM's end). */
  @Override
  public void close() {
    closed = true;
    synchronized (threads) {
      threads.forEach(Thread::interrupt);
      threads.clear();
    }
    for (Turn<?> t; (t = queue.poll()) != null; ) {
      t.refuse(new IllegalStateException("the service is stopping"));
    }
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      return r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(failure);
  }

  /** A run that started and did not end within the limit: given up, its thread replaced. */
  static final class GivenUp extends RuntimeException {
    private final long usedNanos;
    private final long clockNanos;

    GivenUp(long limitNanos, long usedNanos, long clockNanos) {
      super("the run did not end within " + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms");
      this.usedNanos = usedNanos;
      this.clockNanos = clockNanos;
    }

    /** The processor time the run had used when it was given up. */
    long usedNanos() {
      return usedNanos;
    }

    /** The time by the clock from the run's start until it was given up. */
    long clockNanos() {
      return clockNanos;
    }
  }

  /** One run and its outcome; its fields are guarded by the turn itself. */
  private static final class Turn<T> {
    private final LongFunction<T> work;
    private int state = QUEUED;
    private long startedAt;
    private long processorAtStart;
    private Thread worker;
    private T result;
    private Throwable failure;

    Turn(LongFunction<T> work) {
      this.work = work;
    }

    /** Runs on the current worker; false when the run was given up meanwhile. */
    boolean runHere() {
      synchronized (this) {
        if (state != QUEUED) {
          return true; // refused at close
        }
        state = RUNNING;
        startedAt = System.nanoTime();
        processorAtStart = ProcessorTime.current();
        worker = Thread.currentThread();
      }
      T value = null;
      Throwable thrown = null;
      try {
        value = work.apply(processorAtStart);
      } catch (Throwable t) { // anything, ThreadDeath included: it goes back to the request
        thrown = t;
      }
      synchronized (this) {
        if (state == GIVEN_UP) {
          return false;
        }
        result = value;
        failure = thrown;
        state = DONE;
        notifyAll();
      }
      return true;
    }

    synchronized void refuse(RuntimeException why) {
      if (state == QUEUED) {
        failure = why;
        state = DONE;
        notifyAll();
      }
    }
  }
}
