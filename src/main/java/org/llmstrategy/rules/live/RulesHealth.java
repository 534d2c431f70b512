package org.llmstrategy.rules.live;

import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.StoppedDecisions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the live rules ({@code rules} under /actuator/health): UP while every decision ended,
 * {@value #FAULTY} once the engine had to stop one (a rule that fires again and again, a
 * consequence that does not return), until a new rule set replaces it. Not DOWN: the other
 * decisions are answered, and every replica has the same rules, so taking replicas out of a load
 * balancer would stop all answers for the sake of some; FAULTY answers 200 and says what is wrong.
 */
class RulesHealth implements HealthIndicator {
  static final String FAULTY = "FAULTY";

  private final RuleEngine engine;

  RulesHealth(RuleEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    RuleSet active = engine.active();
    StoppedDecisions.Summary stopped = active.stoppedDecisions().summary();
    Health.Builder health = stopped.count() == 0 ? Health.up() : Health.status(new Status(FAULTY));
    health
        .withDetail("rulesVersion", active.version())
        .withDetail("stoppedDecisions", stopped.count());
    if (!stopped.last().isEmpty()) {
      health.withDetail("lastStopped", stopped.last().get(0).reason());
    }
    return health.build();
  }
}
