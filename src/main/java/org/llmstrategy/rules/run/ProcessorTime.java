package org.llmstrategy.rules.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The processor time a thread has used, which is what a decision's deadline counts: a run that
 * computes for 200 ms is too long, one that waited for a processor on a loaded machine is not (on
 * the 2-core machine of BENCHMARKS.md under a load of 19, ordinary cold decisions took over 200 ms
 * by the clock). Where the JVM cannot measure it, the clock stands in.
 */
final class ProcessorTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean MEASURED =
      THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

  /**
   * A run that goes on this many times its deadline by the clock is past it whatever its processor
   * time says: one that waits (a lock, a read) instead of computing ends too. Generous, because a
   * loaded machine stretches the clock: at ten times, the first decision of a freshly started test
   * service under a load of 23 on 2 cores was stopped.
   */
  static final int CLOCK_FACTOR = 25;

  private ProcessorTime() {}

  /** The current thread's processor time, nanoseconds from an arbitrary origin. */
  static long current() {
    return MEASURED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** The processor time of {@code thread}; {@link Long#MAX_VALUE} once it has ended. */
  static long of(Thread thread) {
    if (!MEASURED) {
      return System.nanoTime();
    }
    long t = THREADS.getThreadCpuTime(thread.getId());
    return t < 0 ? Long.MAX_VALUE : t;
  }
}
