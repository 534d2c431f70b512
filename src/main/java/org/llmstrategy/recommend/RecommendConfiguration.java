package org.llmstrategy.recommend;

import org.llmstrategy.rules.RuleEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommendConfiguration {
  /** How many answered requests a candidate rule set is replayed over before it goes live. */
  @Bean
  RecentRequests recentRequests(@Value("${decision.recent-requests:200}") int size) {
    return new RecentRequests(size);
  }

  @Bean
  Recommender recommender(RuleEngine engine, RecentRequests recent) {
    return new Recommender(engine, recent);
  }
}
