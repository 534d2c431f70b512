package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Offline workers (issue 21: no static pool) start as runs arrive, up to their number, and end when
 * idle, so an owner that never closes them leaves no thread behind; a run arriving as the last
 * worker ends is still run.
 */
class IdleWorkersTest {
  private static final long LIMIT = TimeUnit.SECONDS.toNanos(10);

  @Test
  void workersStartWithRunsAndEndWhenIdle() throws Exception {
    DecisionWorkers workers = new DecisionWorkers(2, LIMIT, TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(workers.liveWorkers()).as("none before the first run").isZero();

    CountDownLatch bothRunning = new CountDownLatch(2);
    java.util.Set<Thread> ran = new java.util.HashSet<>();
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<Thread>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(
            callers.submit(
                () ->
                    workers.run(
                        cpu -> {
                          bothRunning.countDown();
                          await(bothRunning);
                          return Thread.currentThread();
                        })));
      }
      for (Future<Thread> a : answers) {
        Thread worker = a.get(10, TimeUnit.SECONDS);
        assertThat(worker.getName()).startsWith("decision-");
        ran.add(worker);
      }
      assertThat(workers.liveWorkers()).as("never more than their number").isLessThanOrEqualTo(2);
    } finally {
      callers.shutdownNow();
    }

    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ran.stream().anyMatch(Thread::isAlive) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(ran).as("the threads that ran").isNotEmpty().noneMatch(Thread::isAlive);
    assertThat(workers.liveWorkers()).as("idle workers end").isZero();

    // runs keep arriving around the moment the idle ones end: each is run, none waits for good
    for (int i = 0; i < 50; i++) {
      assertThat(workers.<Integer>run(cpu -> 7)).isEqualTo(7);
      Thread.sleep(i % 7 == 0 ? 100 : 1);
    }
    workers.close();
  }

  @Test
  void theLiveEnginesWorkersAreStartedAtOnceAndKept() throws Exception {
    DecisionWorkers workers = new DecisionWorkers(3, LIMIT);
    try {
      assertThat(workers.liveWorkers()).isEqualTo(3);
      assertThat(workers.<Integer>run(cpu -> 1)).isEqualTo(1);
      Thread.sleep(300);
      assertThat(workers.liveWorkers()).isEqualTo(3);
    } finally {
      workers.close();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
