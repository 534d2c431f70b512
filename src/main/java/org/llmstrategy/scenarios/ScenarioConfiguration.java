package org.llmstrategy.scenarios;

import jakarta.validation.Validator;
import java.time.Clock;
import org.llmstrategy.recommend.RecentRequests;
import org.llmstrategy.rules.live.CandidateCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The analysts' scenarios guard every rule set: at start-up and before any reload goes live. */
@Configuration(proxyBeanMethods = false)
class ScenarioConfiguration {
  @Bean
  CandidateCheck scenarioRunner(
      Validator validator, JsonMapper json, RecentRequests recent, Clock clock) {
    return ScenarioRunner.of(validator, json, recent::snapshot, clock);
  }
}
