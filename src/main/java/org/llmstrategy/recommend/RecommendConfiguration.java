package org.llmstrategy.recommend;

import java.time.Clock;
import org.llmstrategy.rules.run.RuleEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommendConfiguration {
  /** How many answered requests a candidate rule set is replayed over before it goes live. */
  @Bean
  RecentRequests recentRequests(@Value("${decision.recent-requests:200}") int size) {
    return new RecentRequests(size);
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
