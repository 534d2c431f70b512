package org.llmstrategy.scenarios;

import jakarta.validation.Validator;
import java.time.Clock;
import org.llmstrategy.recommend.RecentTraffic;
import org.llmstrategy.rules.live.CandidateCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysts' scenarios guard every rule set: at start-up and before any reload goes live; a
 * candidate is also replayed over recent traffic (the decisions on record when records are on).
 */
@Configuration(proxyBeanMethods = false)
class ScenarioConfiguration {
  @Bean
  CandidateCheck scenarioRunner(
      Validator validator, JsonMapper json, RecentTraffic recent, Clock clock) {
    return ScenarioRunner.of(validator, json, recent::recent, clock);
  }
}
