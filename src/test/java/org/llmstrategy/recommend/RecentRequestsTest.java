package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.llmstrategy.facts.Criteria;

/** The ring of recent requests: bounded, oldest first, safe under concurrent recording. */
class RecentRequestsTest {
  @Test
  void keepsOnlyTheLastRequestsOldestFirst() {
    RecentRequests recent = new RecentRequests(3);
    List<Criteria> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Criteria c = Criteria.defaults().with("monthlyTokens", i);
      sent.add(c);
      recent.record(c);
    }
    assertThat(recent.snapshot()).containsExactly(sent.get(2), sent.get(3), sent.get(4));
  }

  @Test
  void sizeZeroKeepsNothingAndANegativeSizeIsRefused() {
    RecentRequests none = new RecentRequests(0);
    none.record(Criteria.defaults());
    assertThat(none.snapshot()).isEmpty();
    assertThatThrownBy(() -> new RecentRequests(-1)).hasMessageContaining("0 or more");
  }

  @Test
  void eightThreadsRecordingNeverOverfillIt() throws InterruptedException {
    RecentRequests recent = new RecentRequests(50);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 10_000; i++) {
      pool.execute(() -> recent.record(Criteria.defaults()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(recent.snapshot()).hasSize(50).doesNotContainNull();
  }
}
