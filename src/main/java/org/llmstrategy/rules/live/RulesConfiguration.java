package org.llmstrategy.rules.live;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Compiles and checks the rules once at start-up; any problem stops the service with file, sheet
 * and cell. With a rules folder, watches it and takes green changes live. Another source of rules
 * (a Git repository, {@code rules.git}) comes as a {@link RulesSource} bean, which then replaces
 * the folder, and polls itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {
  private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

  /**
   * The engine, which bounds how many rule runs decide at once: {@code decision.concurrent-runs},
   * one per processor unless set (more only take turns on the processors; see {@link RuleEngine}),
   * and gives each live decision {@code decision.deadline} (200 ms unless set) to end. Closed with
   * the application context, which ends its threads.
   */
  @Bean
  RuleEngine ruleEngine(
      @Value("${decision.concurrent-runs:0}") int concurrentRuns,
      @Value("${decision.deadline:200ms}") Duration deadline,
      RulesProperties properties,
      ObjectProvider<CandidateCheck> checks,
      ObjectProvider<EarlyRules> early,
      ObjectProvider<RulesSource> sources) {
    CandidateCheck check = checks.getIfAvailable(() -> CandidateCheck.NONE);
    RulesSource source = sources.getIfAvailable();
    EarlyRules.Checked checked =
        source != null
            ? EarlyRules.loadAndCheck(source, () -> check)
            : Optional.ofNullable(early.getIfAvailable())
                .flatMap(e -> e.resultFor(properties))
                .orElseGet(() -> EarlyRules.loadAndCheck(properties, () -> check));
    RuleSet ruleSet = checked.ruleSet();
    log.info(
        "Rules {} active: {} rules from {} files in {}, {} scenarios pass",
        ruleSet.version(),
        ruleSet.ruleCount(),
        ruleSet.files().size(),
        ruleSet.origin(),
        checked.report().checked());
    return new RuleEngine(
        ruleSet,
        checked.report().checked(),
        concurrentRuns > 0 ? concurrentRuns : Runtime.getRuntime().availableProcessors(),
        deadline);
  }

  @Bean
  RulesReloader rulesReloader(
      RuleEngine engine,
      ObjectProvider<CandidateCheck> checks,
      RulesProperties properties,
      ObjectProvider<RulesSource> sources,
      MeterRegistry meters,
      Clock clock) {
    // nothing polls a source before every bean is made: it still stands where the engine read it
    RulesSource source = sources.getIfAvailable(() -> RulesSource.folder(properties.rulesDir()));
    return new RulesReloader(
        engine,
        new RuleSetBuilder(clock),
        checks.getIfAvailable(() -> CandidateCheck.NONE),
        source,
        source.current(),
        meters,
        clock);
  }

  /** {@code rules} in /actuator/health: FAULTY once a decision of the live rules was stopped. */
  @Bean
  RulesHealth rulesHealthIndicator(RuleEngine engine) {
    return new RulesHealth(engine);
  }

  @Bean
  @ConditionalOnExpression("'${decision.rules-dir:}' != '' and ${decision.watch:true}")
  RulesFolderWatcher rulesFolderWatcher(RulesProperties properties, RulesReloader reloader) {
    return new RulesFolderWatcher(
        properties.rulesDir(), properties.reloadSettle(), reloader::reload);
  }
}
