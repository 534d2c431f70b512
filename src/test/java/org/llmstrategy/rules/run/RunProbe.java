package org.llmstrategy.rules.run;

import java.util.concurrent.atomic.AtomicInteger;

/** A fact whose rule calls back into the test while the run holds its turn in the engine. */
public final class RunProbe {
  private final Runnable onEnter;
  private final AtomicInteger entered = new AtomicInteger();

  public RunProbe(Runnable onEnter) {
    this.onEnter = onEnter;
  }

  public void enter() {
    entered.incrementAndGet();
    onEnter.run();
  }

  public int entered() {
    return entered.get();
  }
}
