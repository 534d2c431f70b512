package org.llmstrategy.recommend;

import java.time.Clock;
import org.llmstrategy.rules.run.RuleEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommendConfiguration {
  /**
   * How many answered requests a candidate rule set is replayed over before it goes live, kept in
   * this JVM only while records are off: with records on, the replay reads the decisions on record
   * instead (records/StoredTraffic), and the ring keeps nothing.
   */
  @Bean
  RecentRequests recentRequests(
      @Value("${decision.recent-requests:200}") int size,
      @Value("${decision.records.enabled:true}") boolean records) {
    return new RecentRequests(records ? 0 : size);
  }

  /** Which day it is, for retirement dates; a test replaces it with a fixed clock. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  Recommender recommender(RuleEngine engine, RecentRequests recent, Clock clock) {
    return new Recommender(engine, recent, clock);
  }
}
