package org.llmstrategy.recommend;

import java.time.Clock;
import org.llmstrategy.rules.RuleEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommendConfiguration {
  /** Which day it is, for retirement dates; a test replaces it with a fixed clock. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemDefaultZone();
  }

  @Bean
  Recommender recommender(RuleEngine engine, Clock clock) {
    return new Recommender(engine, clock);
  }
}
