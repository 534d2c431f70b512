package org.llmstrategy.recommend;

import org.llmstrategy.rules.RuleEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecommendConfiguration {
  @Bean
  Recommender recommender(RuleEngine engine) {
    return new Recommender(engine);
  }
}
