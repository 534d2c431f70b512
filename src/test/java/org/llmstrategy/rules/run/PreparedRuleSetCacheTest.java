package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;

/**
 * Many requests meeting a new rule set at once (the first burst after start-up, a candidate's
 * scenarios beside live traffic) share one prepared form, and a rule set met later still finds or
 * makes its own: the soak found every reload refused after such a burst.
 */
class PreparedRuleSetCacheTest {
  private static final int THREADS = 16;

  /** The shipped rules under a new identity: prepared forms are cached per rule set instance. */
  private static RuleSet freshCopy() {
    RuleSet r = ShippedRules.get();
    return new RuleSet(
        r.version(),
        r.compiledVersion(),
        r.origin(),
        Instant.now(),
        r.kieBase(),
        r.referenceData(),
        r.sources(),
        r.files(),
        r.scenarioFiles(),
        r.thresholds(),
        r.compiledClasses());
  }

  @Test
  void aBurstOnANewRuleSetLeavesTheCacheUsableForTheNextOne() throws Exception {
    Criteria criteria = RuleEngineTest.variedCriteria(1).get(0);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 10; round++) {
        RuleSet burst = freshCopy();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PreparedRuleSet>> prepared = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          prepared.add(
              pool.submit(
                  () -> {
                    start.await();
                    return PreparedRuleSet.of(burst);
                  }));
        }
        start.countDown();
        PreparedRuleSet first = prepared.get(0).get();
        for (Future<PreparedRuleSet> p : prepared) {
          assertThat(p.get()).isSameAs(first);
        }

        RuleSet next = freshCopy();
        Evaluation e = RuleEngine.evaluateUnbounded(next, RuleEngineTest.facts(criteria));
        assertThat(e.firedRules()).isNotEmpty();
        assertThat(PreparedRuleSet.of(next).ruleSet()).isSameAs(next);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
